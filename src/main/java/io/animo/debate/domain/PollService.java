package io.animo.debate.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityEntity;
import io.animo.activity.domain.ActivityKind;
import io.animo.content.domain.ContentRepository;
import io.animo.content.domain.ContentService;
import io.animo.content.domain.ContentStatus;
import io.animo.content.domain.PostResult;
import io.animo.content.domain.ThreadEntity;
import io.animo.content.domain.ThreadKind;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.MemberEntity;
import io.animo.member.domain.MemberRepository;
import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Polls: a thread whose first message is the question (it passes the community's rules), options, and one
 * vote (or several options, for multiple choice) per member until the poll closes; a re-vote replaces.
 */
@ApplicationScoped
public class PollService {

    static final int OPTION_MAX = 200;
    static final int OPTIONS_MAX = 20;

    private final ContentService content;
    private final ContentRepository threads;
    private final MemberRepository members;
    private final CommunityGate gate;

    public PollService(ContentService content, ContentRepository threads, MemberRepository members,
            CommunityGate gate) {
        this.content = content;
        this.threads = threads;
        this.members = members;
        this.gate = gate;
    }

    public Uni<PostResult> create(Tx tx, Caller caller, UUID communityId, String title, String question, List<String> options,
            boolean multipleChoice, Instant closesAt) {
        Instant now = DbTime.now();
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.title", title, Inputs.TITLE_MAX);
        TextFields.check(errors, "input.question", question, Inputs.BODY_MAX);
        Inputs.labels(errors, "input.options", options == null ? List.of() : options, 2, OPTIONS_MAX, OPTION_MAX);
        Inputs.closing(errors, "input.closesAt", closesAt, now);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(new PostResult(null, null, null, List.of(), List.copyOf(errors)));
        }
        return content.createThread(tx, caller, communityId, ThreadKind.POLL, title, question,
                (unit, thread) -> store(thread, options, multipleChoice, closesAt));
    }

    private static Uni<Void> store(ThreadEntity thread, List<String> labels, boolean multipleChoice, Instant closesAt) {
        PollEntity poll = new PollEntity();
        poll.tenantId = thread.tenantId;
        poll.threadId = thread.id;
        poll.multipleChoice = multipleChoice;
        poll.closesAt = DbTime.stored(closesAt);
        List<Object> rows = new ArrayList<>(List.of(poll));
        for (int i = 0; i < labels.size(); i++) {
            PollOptionEntity option = new PollOptionEntity();
            option.id = UUID.randomUUID();
            option.tenantId = thread.tenantId;
            option.threadId = thread.id;
            option.position = i;
            option.label = labels.get(i).strip();
            rows.add(option);
        }
        return Panache.getSession().chain(session -> session.persistAll(rows.toArray()).chain(session::flush));
    }

    /** {@code optionIds}: decoded ids, an unknown one as any uuid that is no option. */
    public Uni<PollResult> vote(Tx tx, Caller caller, UUID threadId, List<UUID> optionIds) {
        if (optionIds.size() > OPTIONS_MAX) {
            return Uni.createFrom().item(PollResult.refused("input.optionIds", "INVALID_OPTION",
                    "A poll has at most " + OPTIONS_MAX + " options."));
        }
        UUID tenant = caller.tenantId();
        // two votes of one member at the same moment: the other one won, nothing of this one was kept
        tx.recover(failure -> Constraints.isUniqueViolation(failure, null),
                () -> Uni.createFrom().item(PollResult.refused("input.optionIds", "CONCURRENT_VOTE",
                        "Another vote of yours was being recorded at the same moment; vote again.")));
        return threads.thread(tenant, threadId).chain(thread -> {
            if (thread == null || thread.kind != ThreadKind.POLL || thread.status != ContentStatus.PUBLISHED) {
                return Uni.createFrom().item(PollResult.refused("input.threadId", "NOT_FOUND",
                        "No published poll of this tenant has this id."));
            }
            return gate.check(tx, caller, thread.communityId, CommunityAction.VOTE, "input.threadId").chain(access -> {
                if (!access.allowed()) {
                    return Uni.createFrom().item(new PollResult(null, List.of(access.refusal())));
                }
                // one ballot at a time per member: their earlier vote is replaced, never added to
                return members.lock(tx, access.member().id).chain(() -> Panache.getSession()
                        .chain(session -> record(session, caller, thread, access.member(), optionIds)));
            });
        });
    }

    private Uni<PollResult> record(Mutiny.Session session, Caller caller, ThreadEntity thread, MemberEntity me,
            List<UUID> optionIds) {
        UUID tenant = thread.tenantId;
        List<UUID> ids = List.of(thread.id);
        return pollsOf(session, tenant, ids).chain(polls -> optionsOf(session, tenant, ids).chain(options -> {
            PollEntity poll = polls.isEmpty() ? null : polls.get(0);
            if (poll == null) {
                return Uni.createFrom().item(PollResult.refused("input.threadId", "NOT_FOUND", "This thread has no poll."));
            }
            Instant now = DbTime.now();
            if (poll.closed(now)) {
                return Uni.createFrom().item(PollResult.refused("input.threadId", "POLL_CLOSED",
                        "This poll closed at " + poll.closesAt + "."));
            }
            Set<UUID> chosen = new LinkedHashSet<>(optionIds);
            Set<UUID> own = new HashSet<>(options.stream().map(o -> o.id).toList());
            String problem = chosen.size() != optionIds.size()
                    ? "Choose each option once."
                    : chosen.isEmpty()
                            ? "Choose an option."
                            : !poll.multipleChoice && chosen.size() > 1
                                    ? "This poll takes exactly one option."
                                    : !own.containsAll(chosen) ? "Choose options of this poll." : null;
            if (problem != null) {
                return Uni.createFrom().item(PollResult.refused("input.optionIds", "INVALID_OPTION", problem));
            }
            List<Object> rows = new ArrayList<>();
            for (UUID option : chosen) {
                PollVoteEntity vote = new PollVoteEntity();
                vote.tenantId = tenant;
                vote.threadId = thread.id;
                vote.memberId = me.id;
                vote.optionId = option;
                vote.votedAt = now;
                rows.add(vote);
            }
            rows.add(activity(thread, me, now));
            return session.createMutationQuery(
                    "delete from PollVoteEntity where tenantId = :tenant and threadId = :thread and memberId = :member")
                    .setParameter("tenant", tenant).setParameter("thread", thread.id).setParameter("member", me.id)
                    .executeUpdate()
                    .chain(() -> session.persistAll(rows.toArray()))
                    .chain(session::flush)
                    .chain(() -> views(session, tenant, ids, me.id))
                    .map(views -> new PollResult(views.get(thread.id), List.of()));
        }));
    }

    private static ActivityEntity activity(ThreadEntity thread, MemberEntity me, Instant now) {
        return Activities.of(thread.tenantId, thread.communityId, me.id, ActivityKind.POLL_VOTED, now);
    }

    /** The polls of these threads (the caller already sees them), with a fixed number of queries. */
    public Uni<Map<UUID, PollView>> polls(Tx tx, Caller caller, Collection<UUID> threadIds) {
        if (threadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID tenant = caller.tenantId();
        List<UUID> ids = List.copyOf(threadIds);
        return members.findBySubject(tenant, caller.subject())
                .chain(me -> Panache.getSession().chain(session -> views(session, tenant, ids, me == null ? null : me.id)));
    }

    private static Uni<Map<UUID, PollView>> views(Mutiny.Session session, UUID tenant, List<UUID> ids, UUID me) {
        return pollsOf(session, tenant, ids).chain(polls -> optionsOf(session, tenant, ids)
                .chain(options -> pairs(session, "select v.optionId, count(*) from PollVoteEntity v"
                        + " where v.tenantId = :tenant and v.threadId in :ids group by v.optionId", tenant, ids, null)
                        .chain(votes -> pairs(session, "select v.threadId, count(distinct v.memberId) from PollVoteEntity v"
                                + " where v.tenantId = :tenant and v.threadId in :ids group by v.threadId", tenant, ids, null)
                                .chain(voters -> pairs(session, "select v.threadId, v.optionId from PollVoteEntity v"
                                        + " where v.tenantId = :tenant and v.threadId in :ids and v.memberId = :me",
                                        tenant, ids, me)
                                        .map(mine -> {
                                            Map<UUID, PollView> views = new HashMap<>();
                                            for (PollEntity poll : polls) {
                                                List<PollView.OptionCount> own = options.stream()
                                                        .filter(o -> o.threadId.equals(poll.threadId))
                                                        .map(o -> new PollView.OptionCount(o, count(votes, o.id)))
                                                        .toList();
                                                List<UUID> viewer = mine.stream()
                                                        .filter(row -> poll.threadId.equals(row[0]))
                                                        .map(row -> (UUID) row[1]).toList();
                                                views.put(poll.threadId, new PollView(poll, own,
                                                        count(voters, poll.threadId), viewer));
                                            }
                                            return views;
                                        })))));
    }

    private static long count(List<Object[]> rows, UUID key) {
        return rows.stream().filter(row -> key.equals(row[0])).mapToLong(row -> (Long) row[1]).findFirst().orElse(0L);
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

    private static Uni<List<PollEntity>> pollsOf(Mutiny.Session session, UUID tenant, List<UUID> ids) {
        return session.createSelectionQuery("from PollEntity where tenantId = :tenant and threadId in :ids",
                PollEntity.class).setParameter("tenant", tenant).setParameter("ids", ids).getResultList();
    }

    private static Uni<List<PollOptionEntity>> optionsOf(Mutiny.Session session, UUID tenant, List<UUID> ids) {
        return session.createSelectionQuery(
                "from PollOptionEntity where tenantId = :tenant and threadId in :ids order by threadId, position",
                PollOptionEntity.class).setParameter("tenant", tenant).setParameter("ids", ids).getResultList();
    }
}
