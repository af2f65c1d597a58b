package io.animo.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<MembershipEntity, MembershipEntity.Key> {

    private static final String ORDERING = "members";

    /** A membership as it stands (detached: for checks; sanctions change the managed one). */
    public Uni<MembershipEntity> read(Tx tx, UUID communityId, UUID memberId) {
        return tx.sql().preparedQuery("select tenant_id, community_id, member_id, role, status, muted_until, banned_until,"
                + " joined_at, updated_at, version from community_membership"
                + " where tenant_id = $1 and community_id = $2 and member_id = $3")
                .execute(Tuple.of(tx.tenantId(), communityId, memberId))
                .map(rows -> Rows.first(rows, MembershipRepository::fromRow));
    }

    private static MembershipEntity fromRow(Row row) {
        MembershipEntity membership = new MembershipEntity();
        membership.tenantId = row.getUUID(0);
        membership.communityId = row.getUUID(1);
        membership.memberId = row.getUUID(2);
        membership.role = CommunityRole.valueOf(row.getString(3));
        membership.status = MemberStatus.valueOf(row.getString(4));
        membership.mutedUntil = Rows.instant(row, 5);
        membership.bannedUntil = Rows.instant(row, 6);
        membership.joinedAt = Rows.instant(row, 7);
        membership.updatedAt = Rows.instant(row, 8);
        membership.version = row.getLong(9);
        return membership;
    }

    public Uni<MembershipEntity> find(UUID tenantId, UUID communityId, UUID memberId) {
        return find("tenantId = ?1 and communityId = ?2 and memberId = ?3", tenantId, communityId, memberId).firstResult();
    }

    public Uni<List<MembershipEntity>> ofMember(UUID tenantId, UUID memberId) {
        return list("tenantId = ?1 and memberId = ?2 order by joinedAt", tenantId, memberId);
    }

    /** Members of a community in the order they joined, forward or backward from a cursor. */
    public Uni<List<MembershipEntity>> page(UUID tenantId, UUID communityId, MembershipQuery query) {
        Parameters params = Parameters.with("tenant", tenantId).and("community", communityId);
        List<String> where = filters(query, params);
        PageRequest page = query.page();
        TimeKeyset keyset = TimeKeyset.oldestFirst(page, ORDERING, "joinedAt", "memberId");
        if (keyset.cursor() != null) {
            where.add(keyset.condition());
            params.and("at", keyset.at()).and("cursorId", keyset.cursorId());
        }
        return find(String.join(" and ", where) + " order by " + keyset.orderBy(), params)
                .page(0, page.fetchSize()).list();
    }

    public Uni<Long> count(UUID tenantId, UUID communityId, MembershipQuery query) {
        Parameters params = Parameters.with("tenant", tenantId).and("community", communityId);
        return count(String.join(" and ", filters(query, params)), params);
    }

    private static List<String> filters(MembershipQuery query, Parameters params) {
        List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community"));
        if (query.role() != null) {
            where.add("role = :role");
            params.and("role", query.role());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.and("status", query.status());
        }
        return where;
    }

    public static Cursor cursorOf(MembershipEntity membership) {
        return TimeKeyset.cursorOf(ORDERING, membership.joinedAt, membership.memberId);
    }
}
