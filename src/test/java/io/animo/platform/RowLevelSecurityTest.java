package io.animo.platform;

import static io.animo.support.CommunityBuilder.aCommunity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.animo.support.TenantConnection;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** PostgreSQL itself keeps tenants apart, even for a query that forgot its tenant filter. */
@QuarkusTest
class RowLevelSecurityTest {

    /** Not tenant-owned: the tenant registry and Flyway's own history. */
    // tables that hold no tenant data: the tenant registry, the migrations, the aggregator's one-row watermark
    private static final Set<String> PLATFORM_TABLES = Set.of("tenant", "flyway_schema_history", "metric_watermark");

    @Test
    void queryWithoutTenantFilterSeesOnlyTheDeclaredTenant() throws SQLException {
        aCommunity().in(Tokens.ACME).create();
        aCommunity().in(Tokens.GLOBEX).create();
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            String acme = tenantId(app, Tokens.ACME);
            declareTenant(app, acme);
            List<String> tenants = column(app, "select distinct cast(tenant_id as text) from community");
            assertEquals(List.of(acme), tenants);
            app.rollback();

            assertEquals(List.of("0"), column(app, "select count(*) from community"), "no tenant declared: no rows");
            app.rollback();
        }
    }

    @Test
    void writingAnotherTenantsRowIsRefused() throws SQLException {
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            String acme = tenantId(app, Tokens.ACME);
            String globex = tenantId(app, Tokens.GLOBEX);
            declareTenant(app, acme);
            SQLException refused = assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(
                    "insert into community (tenant_id, id, slug, name, sort_name, visibility, status, created_by_subject,"
                            + " created_by_name, created_at, updated_at, version) values ('" + globex
                            + "', gen_random_uuid(), 'x', 'x', 'x',"
                            + " 'PUBLIC', 'ACTIVE', 's', 'n', now(), now(), 0)"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            app.rollback();
        }
    }

    @Test
    void everyTenantOwnedTableHasForcedRowLevelSecurityAndTheAppRoleOwnsNothing() throws SQLException {
        try (Connection app = appConnection()) {
            List<String> unprotected = new ArrayList<>();
            try (ResultSet rows = app.createStatement().executeQuery(
                    "select c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                            + " exists (select 1 from information_schema.columns i where i.table_name = c.relname"
                            + "   and i.column_name = 'tenant_id') as tenant_owned,"
                            + " pg_get_userbyid(c.relowner) = current_user as owned_by_app"
                            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = 'public' and c.relkind = 'r'")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    assertFalse(rows.getBoolean(5), table + " must not be owned by the app role");
                    if (PLATFORM_TABLES.contains(table)) {
                        continue;
                    }
                    if (!rows.getBoolean(4) || !rows.getBoolean(2) || !rows.getBoolean(3)) {
                        unprotected.add(table);
                    }
                }
            }
            assertEquals(List.of(), unprotected, "tables without tenant_id and forced row-level security");
            assertEquals(List.of("false"), column(app, "select cast(rolsuper or rolbypassrls as text) from pg_roles"
                    + " where rolname = current_user"));
        }
    }

    private static Connection appConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static String tenantId(Connection app, String realm) throws SQLException {
        try (PreparedStatement statement = app.prepareStatement("select cast(id as text) from tenant where "
                + TenantConnection.BY_HANDLE)) {
            statement.setString(1, realm);
            statement.setString(2, realm);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void declareTenant(Connection app, String tenantId) throws SQLException {
        try (PreparedStatement statement = app.prepareStatement("select set_config('animo.tenant_id', ?, true)")) {
            statement.setString(1, tenantId);
            statement.executeQuery().close();
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
