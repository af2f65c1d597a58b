package io.animo.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Past activities of a community, written the way the app writes them (as the app role, within the tenant), for
 * fixtures that span days, weeks and months.
 */
public final class History {

    /** One activity: who did what, when. */
    public record Past(UUID memberId, String kind, Instant at) {

        public static Past of(UUID memberId, String kind, String at) {
            return new Past(memberId, kind, Instant.parse(at));
        }
    }

    private History() {
    }

    public static void record(String realm, UUID communityId, List<Past> activities) {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            UUID tenantId;
            try (PreparedStatement find = db.prepareStatement("select id from tenant where realm = ?")) {
                find.setString(1, realm);
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    tenantId = rows.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement declare = db.prepareStatement("select set_config('animo.tenant_id', ?, true)")) {
                declare.setString(1, tenantId.toString());
                declare.executeQuery().close();
            }
            try (PreparedStatement insert = db.prepareStatement("insert into activity (tenant_id, id, community_id,"
                    + " member_id, kind, occurred_at) values (?, ?, ?, ?, ?, ?)")) {
                for (Past past : activities) {
                    insert.setObject(1, tenantId);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setObject(3, communityId);
                    insert.setObject(4, past.memberId());
                    insert.setString(5, past.kind());
                    insert.setTimestamp(6, Timestamp.from(past.at()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
