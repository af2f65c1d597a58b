package io.animo.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.community.domain.CommunityRepository;
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

    private static final String COLUMNS = "tenant_id, community_id, member_id, role, status, muted_until, banned_until,"
            + " joined_at, updated_at, version";
    private static final int MEMBER_AT = CommunityRepository.COLUMN_COUNT;
    private static final int MEMBERSHIP_AT = MEMBER_AT + MemberRepository.COLUMN_COUNT;
    /** The columns {@link #presenceFromRow} reads: the community, the member and the membership of {@link #presenceJoins}. */
    public static final String PRESENCE_COLUMNS = CommunityRepository.columns("c") + ", " + MemberRepository.columns("m")
            + ", " + Rows.qualified("cm", COLUMNS);
    private static final String PRESENCE_BY_SUBJECT = "select " + PRESENCE_COLUMNS
            + " from (select $2::uuid as community_id, $3::text as subject) wanted"
            + presenceJoins("wanted.community_id", "wanted.subject");
    private static final String PRESENCE_OF_MEMBER = "select " + CommunityRepository.columns("c") + ", "
            + Rows.qualified("cm", COLUMNS)
            + " from community c left join community_membership cm"
            + " on cm.tenant_id = c.tenant_id and cm.community_id = c.id and cm.member_id = $3"
            + " where c.tenant_id = $1 and c.id = $2";

    /**
     * The community, the member profile of the person {@code subject} names and their membership there, in one
     * statement (detached, each null when there is none): what the community gate decides on.
     */
    public Uni<CommunityPresence> presenceBySubject(Tx tx, UUID communityId, String subject) {
        return tx.sql().preparedQuery(PRESENCE_BY_SUBJECT)
                .execute(Tuple.of(tx.tenantId(), communityId, subject))
                .map(rows -> Rows.first(rows, row -> presenceFromRow(row, 0)));
    }

    /**
     * The joins that find a presence, for a statement that reads it along with a row of its own (a thread and the
     * poster's presence in its community): the community {@code communityId} names, the member {@code subject}
     * names, their membership. SQL expressions both; the statement's {@code $1} is the tenant.
     */
    public static String presenceJoins(String communityId, String subject) {
        return " left join community c on c.tenant_id = $1 and c.id = " + communityId
                + " left join member m on m.tenant_id = $1 and m.subject = " + subject
                + " left join community_membership cm on cm.tenant_id = $1 and cm.community_id = c.id and cm.member_id = m.id";
    }

    /** The presence of {@link #PRESENCE_COLUMNS} starting at column {@code first}. */
    public static CommunityPresence presenceFromRow(Row row, int first) {
        return new CommunityPresence(CommunityRepository.fromRow(row, first), MemberRepository.fromRow(row, first + MEMBER_AT),
                fromRow(row, first + MEMBERSHIP_AT));
    }

    /** As {@link #presenceBySubject}, for a member already read: the community and their membership, in one statement. */
    public Uni<CommunityPresence> presenceOf(Tx tx, UUID communityId, MemberEntity member) {
        return tx.sql().preparedQuery(PRESENCE_OF_MEMBER)
                .execute(Tuple.of(tx.tenantId(), communityId, member.id))
                .map(rows -> {
                    CommunityPresence found = Rows.first(rows, row -> new CommunityPresence(
                            CommunityRepository.fromRow(row, 0), member, fromRow(row, CommunityRepository.COLUMN_COUNT)));
                    return found != null ? found : new CommunityPresence(null, member, null);
                });
    }

    /** The membership of {@link #COLUMNS} starting at column {@code first}; null when a left join found none. */
    private static MembershipEntity fromRow(Row row, int first) {
        if (row.getUUID(first + 1) == null) {
            return null;
        }
        MembershipEntity membership = new MembershipEntity();
        membership.tenantId = row.getUUID(first);
        membership.communityId = row.getUUID(first + 1);
        membership.memberId = row.getUUID(first + 2);
        membership.role = CommunityRole.valueOf(row.getString(first + 3));
        membership.status = MemberStatus.valueOf(row.getString(first + 4));
        membership.mutedUntil = Rows.instant(row, first + 5);
        membership.bannedUntil = Rows.instant(row, first + 6);
        membership.joinedAt = Rows.instant(row, first + 7);
        membership.updatedAt = Rows.instant(row, first + 8);
        membership.version = row.getLong(first + 9);
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
