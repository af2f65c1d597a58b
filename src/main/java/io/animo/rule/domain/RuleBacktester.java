package io.animo.rule.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.animo.community.domain.CommunityRepository;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Runs one rule over the messages a community already has, newest first, so a community manager
 * sees what it would catch before switching it on. Author-based matchers use the author's account
 * age when the message was written; flood rules are not replayed (they depend on timing).
 */
@ApplicationScoped
public class RuleBacktester {

    private static final int BATCH = 500;

    private final RuleRepository rules;
    private final CommunityRepository communities;
    private final RuleWorker worker;
    private final BacktestMessages messages;
    private final int maxMessages;
    private final Duration maxMatchingTime;

    public RuleBacktester(RuleRepository rules, CommunityRepository communities, RuleWorker worker,
            BacktestMessages messages,
            @ConfigProperty(name = "animo.rules.backtest-max-messages", defaultValue = "20000") int maxMessages,
            @ConfigProperty(name = "animo.rules.backtest-max-time", defaultValue = "10s") Duration maxMatchingTime) {
        this.rules = rules;
        this.communities = communities;
        this.worker = worker;
        this.messages = messages;
        this.maxMessages = maxMessages;
        this.maxMatchingTime = maxMatchingTime;
    }

    /** The message columns a backtest reads, with the author's account creation (built by HQL: native needs it). */
    @RegisterForReflection
    public record Row(UUID id, UUID threadId, String body, String status, Instant createdAt, Instant authorSince) {
    }

    /** Exactly one of {@code ruleId} (a saved rule) or {@code draft} (an unsaved rule). */
    public Uni<Backtest> run(Tx tx, Caller caller, UUID ruleId, RuleDefinition draft, UUID communityId, Instant since,
            int maxExamples) {
        return worker.run(() -> validate(ruleId, draft, since, maxExamples)).chain(errors -> errors.isEmpty()
                ? runValid(tx, caller, ruleId, draft, communityId, since, maxExamples)
                : Uni.createFrom().item(Backtest.refused(errors)));
    }

    private static List<UserError> validate(UUID ruleId, RuleDefinition draft, Instant since, int maxExamples) {
        List<UserError> errors = new ArrayList<>();
        if ((ruleId == null) == (draft == null)) {
            errors.add(UserError.of("input.rule", "RULE_REQUIRED", "Give either ruleId (a saved rule) or rule (a draft)."));
        } else if (draft != null) {
            errors.addAll(RuleValidator.validate(draft));
        }
        if (since.isAfter(Instant.now())) {
            errors.add(UserError.of("input.since", "IN_THE_FUTURE", "since must be in the past."));
        }
        if (maxExamples < 0 || maxExamples > 50) {
            errors.add(UserError.of("input.maxExamples", "OUT_OF_RANGE", "Between 0 and 50 examples."));
        }
        return errors;
    }

    private Uni<Backtest> runValid(Tx tx, Caller caller, UUID ruleId, RuleDefinition draft, UUID communityId, Instant since,
            int maxExamples) {
        UUID tenant = caller.tenantId();
        return communities.findInTenant(tenant, communityId).chain(community -> {
            if (community == null) {
                return Uni.createFrom().item(Backtest.refused(List.of(
                        UserError.of("input.communityId", "NOT_FOUND", "No community of this tenant has this id."))));
            }
            Uni<RuleDefinition> rule = draft != null
                    ? Uni.createFrom().item(draft)
                    : rules.findInTenant(tenant, ruleId).map(found -> found == null ? null : RuleResult.definitionOf(found));
            return rule.chain(definition -> definition == null
                    ? Uni.createFrom().item(Backtest.refused(
                            List.of(UserError.of("input.ruleId", "NOT_FOUND", "No rule of this tenant has this id."))))
                    : worker.run(() -> CompiledRuleSet.compile(List.of(definition.enabledCopy())))
                            .chain(compiled -> scan(tenant, communityId, since, compiled, new Tally(maxExamples), null)));
        });
    }

    /**
     * Pages through the messages newest first, keyset by (createdAt, id), until the cap on messages or on
     * matching time; each batch is matched on the {@link RuleWorker}.
     */
    private Uni<Backtest> scan(UUID tenant, UUID communityId, Instant since, CompiledRuleSet rule, Tally tally,
            Row last) {
        int size = Math.min(BATCH, maxMessages - tally.scanned);
        if (size <= 0 || tally.matchingNanos >= maxMatchingTime.toNanos()) {
            return Uni.createFrom().item(tally.result(true));
        }
        return messages.newestFirst(tenant, communityId, since, last, size).chain(rows -> worker.run(() -> {
            long started = System.nanoTime();
            rows.forEach(row -> tally.add(row, rule));
            tally.matchingNanos += System.nanoTime() - started;
            return rows;
        })).chain(rows -> rows.size() < size
                ? Uni.createFrom().item(tally.result(false))
                : scan(tenant, communityId, since, rule, tally, rows.get(rows.size() - 1)));
    }

    private static final class Tally {

        private final int maxExamples;
        private final List<Backtest.Example> examples = new ArrayList<>();
        private int scanned;
        private int caught;
        private int caughtAlreadyRemoved;
        private int removedNotCaught;
        private long matchingNanos;

        Tally(int maxExamples) {
            this.maxExamples = maxExamples;
        }

        void add(Row row, CompiledRuleSet rule) {
            scanned++;
            long ageHours = Math.max(0, Duration.between(row.authorSince(), row.createdAt()).toHours());
            Verdict verdict = rule.evaluate(row.body(), new PostingContext(ageHours, 0));
            boolean removed = "REMOVED".equals(row.status());
            if (verdict.hits().isEmpty()) {
                removedNotCaught += removed ? 1 : 0;
                return;
            }
            caught++;
            caughtAlreadyRemoved += removed ? 1 : 0;
            if (examples.size() < maxExamples) {
                examples.add(new Backtest.Example(row.id(), row.threadId(), row.createdAt(), row.body(), verdict));
            }
        }

        Backtest result(boolean truncated) {
            return new Backtest(scanned, caught, caughtAlreadyRemoved, removedNotCaught, truncated, List.copyOf(examples),
                    List.of());
        }
    }
}
