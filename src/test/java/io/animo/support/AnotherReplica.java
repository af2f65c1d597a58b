package io.animo.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.animo.community.domain.CommunityChangeType;
import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityEvents;
import io.animo.community.domain.CommunityStatus;
import io.animo.community.domain.CommunityVisibility;

/**
 * Plays another Animo replica: its own connection to the same database, as the app role, writing a
 * community and notifying in one transaction, exactly as a replica does.
 */
public final class AnotherReplica {

    private AnotherReplica() {
    }

    public static UUID createCommunity(String realm, String name) throws Exception {
        try (TenantConnection tenant = TenantConnection.open(realm)) {
            Connection db = tenant.db();
            UUID tenantId = tenant.tenantId();
            CommunityEntity community = new CommunityEntity();
            community.id = UUID.randomUUID();
            community.tenantId = tenantId;
            community.slug = "elsewhere-" + community.id.toString().substring(0, 8);
            community.name = name;
            community.visibility = CommunityVisibility.PUBLIC;
            community.status = CommunityStatus.ACTIVE;
            community.createdBySubject = "replica-2";
            community.createdByName = "Replica two";
            community.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            community.updatedAt = community.createdAt;
            try (PreparedStatement insert = db.prepareStatement("insert into community (tenant_id, id, slug, name, sort_name,"
                    + " visibility, status, created_by_subject, created_by_name, created_at, updated_at, version)"
                    + " values (?, ?, ?, ?, lower(?), 'PUBLIC', 'ACTIVE', ?, ?, now(), now(), 0)")) {
                insert.setObject(1, tenantId);
                insert.setObject(2, community.id);
                insert.setString(3, community.slug);
                insert.setString(4, name);
                insert.setString(5, name);
                insert.setString(6, community.createdBySubject);
                insert.setString(7, community.createdByName);
                insert.executeUpdate();
            }
            try (PreparedStatement notify = db.prepareStatement("select pg_notify('animo_community', ?)")) {
                notify.setString(1, CommunityEvents.toJson(CommunityChangeType.CREATED, community).encode());
                notify.executeQuery().close();
            }
            db.commit();
            return community.id;
        }
    }

    /**
     * A member activity another replica recorded (a message posted there, say): written to the database only; this
     * replica learns of it through the aggregator's count and its notification, like any other replica would.
     */
    public static void recordActivity(String realm, UUID communityId, UUID memberId, String kind) {
        History.record(realm, communityId, List.of(new History.Past(memberId, kind, Instant.now())));
    }
}
