package io.animo.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
        try (TenantConnection tenant = TenantConnection.open(realm)) {
            Connection db = tenant.db();
            UUID tenantId = tenant.tenantId();
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
