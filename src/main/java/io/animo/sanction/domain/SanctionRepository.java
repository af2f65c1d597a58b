package io.animo.sanction.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.member.domain.MembershipEntity;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Every query of sanctions. Each filters by tenant explicitly (row-level security would too). */
@ApplicationScoped
public class SanctionRepository implements TenantOwnedRepository<SanctionEntity> {

    private static final String ORDERING = "sanctions";

    /** The mutes and bans on a membership still in force at {@code now} (warnings do not change the standing). */
    public Uni<List<SanctionEntity>> mutesAndBansInForce(MembershipEntity membership, Instant now) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from SanctionEntity"
                + " where tenantId = :tenant and communityId = :community and memberId = :member and kind in :kinds"
                + " and liftedAt is null and (endsAt is null or endsAt > :now)", SanctionEntity.class)
                .setParameter("tenant", membership.tenantId).setParameter("community", membership.communityId)
                .setParameter("member", membership.memberId)
                .setParameter("kinds", List.of(SanctionKind.MUTE, SanctionKind.BAN)).setParameter("now", now)
                .getResultList());
    }

    /**
     * Sanctions of a community, newest first: of one member when {@code memberId} is given, only those in force
     * when {@code activeOnly}.
     */
    public Uni<Page<SanctionEntity>> page(UUID tenantId, UUID communityId, UUID memberId, boolean activeOnly,
            PageRequest page) {
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community"));
            if (memberId != null) {
                where.add("memberId = :member");
            }
            if (activeOnly) {
                where.add("liftedAt is null and (endsAt is null or endsAt > :now)");
            }
            TimeKeyset keyset = TimeKeyset.newestFirst(page, ORDERING, "createdAt", "id");
            if (keyset.cursor() != null) {
                where.add(keyset.condition());
            }
            var query = session.createSelectionQuery("from SanctionEntity where " + String.join(" and ", where)
                    + " order by " + keyset.orderBy(), SanctionEntity.class)
                    .setParameter("tenant", tenantId).setParameter("community", communityId)
                    .setMaxResults(page.fetchSize());
            if (memberId != null) {
                query.setParameter("member", memberId);
            }
            if (activeOnly) {
                query.setParameter("now", Instant.now());
            }
            if (keyset.cursor() != null) {
                query.setParameter("at", keyset.at()).setParameter("cursorId", keyset.cursorId());
            }
            return query.getResultList().map(rows -> Page.of(rows, page, SanctionRepository::cursorOf, -1));
        });
    }

    public static Cursor cursorOf(SanctionEntity sanction) {
        return TimeKeyset.cursorOf(ORDERING, sanction.createdAt, sanction.id);
    }
}
