package io.animo.metrics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Terms a tenant follows (a product, a brand, a feature): the popularity of each (mentions over time, across the
 * tenant's communities and ingested mentions) and the opinions about it (their sentiment). Adding and removing one is
 * audited.
 */
@ApplicationScoped
public class TrackedTermService {

    public static final int MAX_TERMS = 100;
    public static final int MAX_TERM_LENGTH = 100;

    private final TrackedTermRepository terms;
    private final EngagementService engagement;
    private final AuditLog audit;

    public TrackedTermService(TrackedTermRepository terms, EngagementService engagement, AuditLog audit) {
        this.terms = terms;
        this.engagement = engagement;
        this.audit = audit;
    }

    /** Outcome of adding or removing a term. */
    public record Result(TrackedTerm term, List<UserError> userErrors) {

        static Result refused(String field, String code, String message) {
            return new Result(null, List.of(UserError.of(field, code, message)));
        }
    }

    public Uni<List<TrackedTerm>> list(Tx tx) {
        return terms.list(tx);
    }

    public Uni<Result> add(Tx tx, Caller caller, String term) {
        String cleaned = term == null ? "" : term.strip().replaceAll("\\s+", " ");
        if (cleaned.length() < 2 || cleaned.length() > MAX_TERM_LENGTH) {
            return Uni.createFrom().item(Result.refused("input.term", cleaned.isEmpty() ? "REQUIRED" : "OUT_OF_RANGE",
                    "A term has 2 to " + MAX_TERM_LENGTH + " characters."));
        }
        return terms.count(tx).chain(count -> {
            if (count >= MAX_TERMS) {
                return Uni.createFrom().item(Result.refused("input.term", "TOO_MANY_TERMS",
                        "A tenant tracks at most " + MAX_TERMS + " terms: remove one first."));
            }
            return terms.exists(tx, cleaned).chain(exists -> {
                if (exists) {
                    return Uni.createFrom().item(Result.refused("input.term", "ALREADY_TRACKED",
                            "This term is already tracked."));
                }
                UUID id = UUID.randomUUID();
                return terms.insert(tx, id, cleaned, caller.subject(), caller.displayName())
                        .chain(() -> audit.record(tx, caller, "TRACKED_TERM_ADDED", "TrackedTerm", id, cleaned))
                        .chain(() -> terms.read(tx, id))
                        .map(added -> new Result(added, List.of()));
            });
        });
    }

    public Uni<Result> remove(Tx tx, Caller caller, UUID id) {
        return terms.read(tx, id).chain(term -> term == null
                ? Uni.createFrom().item(Result.refused("input.id", "NOT_FOUND", "No tracked term of this tenant has this id."))
                : terms.delete(tx, id)
                        .chain(() -> audit.record(tx, caller, "TRACKED_TERM_REMOVED", "TrackedTerm", id, term.term()))
                        .map(ignored -> new Result(term, List.of())));
    }

    /** A tracked term's mentions per bucket. */
    public record MentionSeries(TrackedTerm term, List<TermMentionPoint> points) {
    }

    /** The term's mentions per bucket of {@code [from, to)}, zeros included; null when there is no such term. */
    public Uni<MentionSeries> mentions(Tx tx, UUID termId, UUID communityId, Instant from, Instant to,
            Granularity granularity, String timeZone) {
        ZoneId zone = EngagementService.zone(timeZone);
        EngagementService.checkRange(from, to, granularity);
        Map<Instant, TermMentionPoint> points = new LinkedHashMap<>();
        granularity.starts(from, to, zone).forEach(start -> points.put(start, TermMentionPoint.empty(start)));
        Instant start = points.keySet().iterator().next();
        return engagement.inScope(tx, communityId).chain(() -> terms.read(tx, termId)).chain(term -> term == null
                ? Uni.createFrom().nullItem()
                : terms.mentions(tx, termId, communityId, granularity, zone, start, to,
                        point -> points.replace(point.start(), point))
                        .map(ignored -> new MentionSeries(term, List.copyOf(points.values()))));
    }
}
