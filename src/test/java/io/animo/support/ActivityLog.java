package io.animo.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import io.animo.platform.graphql.GlobalId;

/** The activities recorded in a community, read as the app role within the tenant, the way the metrics will. */
public final class ActivityLog {

    private ActivityLog() {
    }

    /** Kinds of the community's activities, oldest first. */
    public static List<String> kinds(String realm, String communityId) {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            try (PreparedStatement declare = db.prepareStatement("select set_config('animo.tenant_id',"
                    + " (select cast(id as text) from tenant where " + TenantConnection.BY_HANDLE + "), true)")) {
                declare.setString(1, realm);
                declare.setString(2, realm);
                declare.executeQuery().close();
            }
            try (PreparedStatement select = db.prepareStatement(
                    "select kind from activity where community_id = ? order by occurred_at, kind")) {
                select.setObject(1, GlobalId.decode(communityId, "Community").orElseThrow());
                List<String> kinds = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        kinds.add(rows.getString(1));
                    }
                }
                return kinds;
            } finally {
                db.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
