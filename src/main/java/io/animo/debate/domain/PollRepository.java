package io.animo.debate.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.animo.activity.domain.ActivityEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Polls, their options and the members' votes (a poll is keyed by its thread). Each query filters by tenant. */
@ApplicationScoped
public class PollRepository implements PanacheRepositoryBase<PollEntity, UUID> {

    /** Stores a new poll and its options at once. */
    public Uni<Void> persistWithOptions(PollEntity poll, List<PollOptionEntity> options) {
        List<Object> rows = new ArrayList<>(List.of(poll));
        rows.addAll(options);
        return Panache.getSession().chain(session -> session.persistAll(rows.toArray()).chain(session::flush));
    }

    /** The polls of these threads. */
    public Uni<List<PollEntity>> ofThreads(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from PollEntity where tenantId = :tenant and threadId in :ids",
                PollEntity.class).setParameter("tenant", tenantId).setParameter("ids", threadIds).getResultList());
    }

    /** The options of the polls of these threads, by thread and in their order. */
    public Uni<List<PollOptionEntity>> optionsOf(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from PollOptionEntity where tenantId = :tenant and threadId in :ids order by threadId, position",
                PollOptionEntity.class).setParameter("tenant", tenantId).setParameter("ids", threadIds).getResultList());
    }

    /**
     * A member's ballot replaces their earlier one: their votes of the poll are deleted, then {@code votes} and the
     * ballot's {@code activity} stored, at once.
     */
    public Uni<Void> replaceBallot(UUID tenantId, UUID threadId, UUID memberId, List<PollVoteEntity> votes,
            ActivityEntity activity) {
        List<Object> rows = new ArrayList<>(votes);
        rows.add(activity);
        return Panache.getSession().chain(session -> session.createMutationQuery(
                "delete from PollVoteEntity where tenantId = :tenant and threadId = :thread and memberId = :member")
                .setParameter("tenant", tenantId).setParameter("thread", threadId).setParameter("member", memberId)
                .executeUpdate()
                .chain(() -> session.persistAll(rows.toArray()))
                .chain(session::flush));
    }

    /** Votes per option of the polls of these threads. */
    public Uni<Map<UUID, Long>> votesPerOption(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> pairs(session, "select v.optionId, count(*) from PollVoteEntity v"
                + " where v.tenantId = :tenant and v.threadId in :ids group by v.optionId", tenantId, threadIds, null))
                .map(PollRepository::counts);
    }

    /** Members who voted, per poll of these threads. */
    public Uni<Map<UUID, Long>> votersPerPoll(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> pairs(session,
                "select v.threadId, count(distinct v.memberId) from PollVoteEntity v"
                        + " where v.tenantId = :tenant and v.threadId in :ids group by v.threadId",
                tenantId, threadIds, null))
                .map(PollRepository::counts);
    }

    /** The options {@code me} chose, per poll of these threads; none when {@code me} is null. */
    public Uni<Map<UUID, List<UUID>>> choicesOf(UUID tenantId, List<UUID> threadIds, UUID me) {
        return Panache.getSession().chain(session -> pairs(session, "select v.threadId, v.optionId from PollVoteEntity v"
                + " where v.tenantId = :tenant and v.threadId in :ids and v.memberId = :me", tenantId, threadIds, me))
                .map(rows -> {
                    Map<UUID, List<UUID>> chosen = new LinkedHashMap<>();
                    rows.forEach(row -> chosen.computeIfAbsent((UUID) row[0], thread -> new ArrayList<>()).add((UUID) row[1]));
                    return chosen;
                });
    }

    private static Map<UUID, Long> counts(List<Object[]> rows) {
        Map<UUID, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.putIfAbsent((UUID) row[0], (Long) row[1]));
        return counts;
    }

    private static Uni<List<Object[]>> pairs(Mutiny.Session session, String hql, UUID tenant, List<UUID> ids, UUID me) {
        if (hql.contains(":me") && me == null) {
            return Uni.createFrom().item(List.of());
        }
        var query = session.createSelectionQuery(hql, Object[].class).setParameter("tenant", tenant).setParameter("ids", ids);
        if (me != null) {
            query.setParameter("me", me);
        }
        return query.getResultList();
    }
}
