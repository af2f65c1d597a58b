package io.animo.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A JDBC connection of its own to the test database, as the app role, in an open transaction already declared in a
 * tenant (row-level security applies): what the test helpers that write behind the service's back start from.
 */
public record TenantConnection(Connection db, UUID tenantId) implements AutoCloseable {

    /** A tenant by its handle (two parameters, both the handle): a realm tenant's realm, an organization's alias. */
    public static final String BY_HANDLE = "(organization is null and realm = ?) or organization = ?";

    public static TenantConnection open(String realm) throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        try {
            db.setAutoCommit(false);
            UUID tenantId;
            try (PreparedStatement find = db.prepareStatement("select id from tenant where " + BY_HANDLE)) {
                find.setString(1, realm);
                find.setString(2, realm);
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    tenantId = rows.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement declare = db.prepareStatement("select set_config('animo.tenant_id', ?, true)")) {
                declare.setString(1, tenantId.toString());
                declare.executeQuery().close();
            }
            return new TenantConnection(db, tenantId);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
