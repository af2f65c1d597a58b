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
    private final PollRepository polls;
    private final MemberRepository members;
    private final CommunityGate gate;

    public PollService(ContentService content, ContentRepository threads, PollRepository polls, MemberRepository members,
            CommunityGate gate) {
        this.content = content;
        this.threads = threads;
        this.polls = polls;
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

    private Uni<Void> store(ThreadEntity thread, List<String> labels, boolean multipleChoice, Instant closesAt) {
        PollEntity poll = new PollEntity();
        poll.tenantId = thread.tenantId;
        poll.threadId = thread.id;
        poll.multipleChoice = multipleChoice;
        poll.closesAt = DbTime.stored(closesAt);
        List<PollOptionEntity> options = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            PollOptionEntity option = new PollOptionEntity();
            option.id = UUID.randomUUID();
            option.tenantId = thread.tenantId;
            option.threadId = thread.id;
            option.position = i;
            option.label = labels.get(i).strip();
            options.add(option);
        }
        return polls.persistWithOptions(poll, options);
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
                return members.lock(tx, access.member().id)
                        .chain(() -> record(caller, thread, access.member(), optionIds));
            });
        });
    }

    private Uni<PollResult> record(Caller caller, ThreadEntity thread, MemberEntity me, List<UUID> optionIds) {
        UUID tenant = thread.tenantId;
        List<UUID> ids = List.of(thread.id);
        return polls.ofThreads(tenant, ids).chain(found -> polls.optionsOf(tenant, ids).chain(options -> {
            PollEntity poll = found.isEmpty() ? null : found.get(0);
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
            List<PollVoteEntity> votes = new ArrayList<>();
            for (UUID option : chosen) {
                PollVoteEntity vote = new PollVoteEntity();
                vote.tenantId = tenant;
                vote.threadId = thread.id;
                vote.memberId = me.id;
                vote.optionId = option;
                vote.votedAt = now;
                votes.add(vote);
            }
            return polls.replaceBallot(tenant, thread.id, me.id, votes, activity(thread, me, now))
                    .chain(() -> views(tenant, ids, me.id))
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
                .chain(me -> views(tenant, ids, me == null ? null : me.id));
    }

    private Uni<Map<UUID, PollView>> views(UUID tenant, List<UUID> ids, UUID me) {
        return polls.ofThreads(tenant, ids).chain(found -> polls.optionsOf(tenant, ids)
                .chain(options -> polls.votesPerOption(tenant, ids)
                        .chain(votes -> polls.votersPerPoll(tenant, ids)
                                .chain(voters -> polls.choicesOf(tenant, ids, me)
                                        .map(mine -> {
                                            Map<UUID, PollView> views = new HashMap<>();
                                            for (PollEntity poll : found) {
                                                List<PollView.OptionCount> own = options.stream()
                                                        .filter(o -> o.threadId.equals(poll.threadId))
                                                        .map(o -> new PollView.OptionCount(o, votes.getOrDefault(o.id, 0L)))
                                                        .toList();
                                                List<UUID> viewer = mine.getOrDefault(poll.threadId, List.of());
                                                views.put(poll.threadId, new PollView(poll, own,
                                                        voters.getOrDefault(poll.threadId, 0L), viewer));
                                            }
                                            return views;
                                        })))));
    }
}
