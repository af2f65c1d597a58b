package io.animo.listening.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.MemberTags;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.sentiment.domain.Sentiment;
import io.animo.sentiment.domain.SentimentAnalyzer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The tenant's listened-to sources: staff add them (the mentions land in one of their communities, for the
 * metrics), pause and resume them (audited); readers rank them and read their mentions and fetch log. Mentions get
 * language, sentiment and tracked terms, never the moderation rules: they are not the community's content.
 */
@ApplicationScoped
public class ListeningService {

    public static final int MAX_LIST = 100;
    /** Sources per tenant: polling is shared by every tenant, so one tenant's feeds cannot crowd out the others'. */
    public static final int MAX_SOURCES = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final int DEFAULT_INTERVAL_MINUTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ListeningRepository sources;
    private final FeedFetcher fetcher;
    private final CommunityGate gate;
    private final AuditLog audit;
    private final SentimentAnalyzer analyzer;
    private final WebhookSources webhookSources;

    public ListeningService(ListeningRepository sources, FeedFetcher fetcher, CommunityGate gate, AuditLog audit,
            SentimentAnalyzer analyzer, WebhookSources webhookSources) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.gate = gate;
        this.audit = audit;
        this.analyzer = analyzer;
        this.webhookSources = webhookSources;
    }

    /** Why the source's URL may not be polled (null when it may); resolves its host, off the event loops. */
    public Uni<String> urlProblem(NewSource source) {
        if (source.url() == null || source.url().isBlank() || source.kind() == SourceKind.WEBHOOK) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> fetcher.problem(source.url()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Adds a source; {@code urlProblem} is what {@link #urlProblem} said of its URL. */
    public Uni<SourceResult> add(Tx tx, Caller caller, NewSource source, String urlProblem) {
        SourceResult invalid = validate(source);
        if (invalid != null) {
            return Uni.createFrom().item(invalid);
        }
        NewSource clean = new NewSource(source.kind(), source.name().strip(), blankToNull(source.url()),
                blankToNull(source.handle()), source.communityId(),
                source.language() == null ? null : source.language().strip().toLowerCase(Locale.ROOT),
                MemberTags.normalize(source.tags()), source.reach(), source.pollIntervalMinutes());
        return urlProblem != null
                ? Uni.createFrom().item(SourceResult.refused("input.url", "REFUSED_URL", urlProblem))
                : gate.check(tx, caller, clean.communityId(), CommunityAction.ADMINISTER, "input.communityId")
                        .chain(access -> {
                            if (!access.allowed()) {
                                return Uni.createFrom().item(SourceResult.refused(access.refusal()));
                            }
                            UUID id = UUID.randomUUID();
                            String secret = clean.kind() == SourceKind.WEBHOOK ? newSecret() : null;
                            int interval = (clean.pollIntervalMinutes() == null
                                    ? DEFAULT_INTERVAL_MINUTES
                                    : clean.pollIntervalMinutes()) * 60;
                            return sources.count(tx).chain(count -> count >= MAX_SOURCES
                                    ? Uni.createFrom().item(SourceResult.refused("input", "TOO_MANY_SOURCES",
                                            "A tenant listens to at most " + MAX_SOURCES + " sources."))
                                    : sources.insert(tx, id, clean, interval, secret)
                                            .chain(() -> audit.record(tx, caller, "LISTENING_SOURCE_ADDED",
                                                    "ListeningSource", id, clean.kind() + " " + clean.name()))
                                            .chain(() -> get(tx, id)).map(added -> SourceResult.ok(added, secret)));
                        });
    }

    public Uni<SourceResult> setStatus(Tx tx, Caller caller, UUID id, SourceStatus status) {
        return get(tx, id).chain(source -> {
            if (source == null) {
                return Uni.createFrom().item(notFound());
            }
            return gate.check(tx, caller, source.communityId(), CommunityAction.ADMINISTER, "input.id").chain(access -> {
                if (!access.allowed()) {
                    return Uni.createFrom().item(SourceResult.refused(access.refusal()));
                }
                tx.afterCommit(() -> webhookSources.forget(id));
                return sources.setStatus(tx, id, status)
                        .chain(() -> audit.record(tx, caller, status == SourceStatus.PAUSED
                                ? "LISTENING_SOURCE_PAUSED"
                                : "LISTENING_SOURCE_RESUMED", "ListeningSource", id, source.name()))
                        .chain(() -> get(tx, id)).map(changed -> SourceResult.ok(changed, null));
            });
        });
    }

    /** Polls the source at the next turn of the poller instead of waiting for its interval. */
    public Uni<SourceResult> pollSoon(Tx tx, Caller caller, UUID id) {
        return get(tx, id).chain(source -> source == null
                ? Uni.createFrom().item(notFound())
                : sources.pollSoon(tx, id).chain(polled -> polled
                        ? get(tx, id).map(due -> SourceResult.ok(due, null))
                        : Uni.createFrom().item(SourceResult.refused("input.id", "NOT_POLLED",
                                "Only an active source with a feed URL is polled."))));
    }

    /** A source with its mentions of the last 30 days. */
    public Uni<Source> get(Tx tx, UUID id) {
        Instant now = Instant.now();
        return sources.find(tx, id, now.minus(Duration.ofDays(30)), now);
    }

    public Uni<List<Source>> ranked(Tx tx, SourceOrder order, Instant from, Instant to, int first) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        return sources.ranked(tx, order, start, end, Math.max(1, Math.min(first, MAX_LIST)));
    }

    public Uni<List<Mention>> mentions(Tx tx, UUID sourceId, int first) {
        return sources.mentions(tx, sourceId, Math.max(1, Math.min(first, MAX_LIST)));
    }

    public Uni<List<FetchRecord>> fetches(Tx tx, UUID sourceId, int first) {
        return sources.fetches(tx, sourceId, Math.max(1, Math.min(first, ListeningRepository.KEPT_FETCHES)));
    }

    /** Stores the entries the source does not have yet, read for language and sentiment: how many were new. */
    Uni<Integer> storeNew(Tx tx, UUID sourceId, UUID communityId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return sources.known(tx, sourceId, entries.stream().map(Entry::key).toList()).chain(known -> {
            List<Entry> fresh = entries.stream().filter(entry -> !known.contains(entry.key())).toList();
            List<Sentiment> readings = fresh.stream()
                    .map(entry -> analyzer.analyze(entry.title() == null
                            ? entry.body()
                            : entry.title() + "\n" + entry.body()))
                    .toList();
            return sources.store(tx, sourceId, communityId, fresh, readings);
        });
    }

    private static SourceResult validate(NewSource source) {
        if (source.name() == null || source.name().isBlank() || source.name().length() > 200) {
            return SourceResult.refused("input.name", "INVALID", "Name the source in 1 to 200 characters.");
        }
        if (source.kind() == SourceKind.WEBHOOK && source.url() != null && !source.url().isBlank()) {
            return SourceResult.refused("input.url", "INVALID", "A webhook source pushes to Animo: it has no URL.");
        }
        if (source.kind() == SourceKind.FEED && (source.url() == null || source.url().isBlank())) {
            return SourceResult.refused("input.url", "REQUIRED", "A feed needs the URL of its RSS or Atom document.");
        }
        if (source.url() != null && source.url().length() > 2_000) {
            return SourceResult.refused("input.url", "TOO_LONG", "A URL has at most 2000 characters.");
        }
        if (source.handle() != null && source.handle().length() > 200) {
            return SourceResult.refused("input.handle", "TOO_LONG", "A handle has at most 200 characters.");
        }
        if (source.language() != null && !LANGUAGE.matcher(source.language().strip().toLowerCase(Locale.ROOT))
                .matches()) {
            return SourceResult.refused("input.language", "INVALID", "Give a two-letter ISO 639-1 code, e.g. en.");
        }
        if (MemberTags.normalize(source.tags()) == null) {
            return SourceResult.refused("input.tags", "INVALID", "Give up to " + MemberTags.MAX_TAGS + " tags of 1 to"
                    + " 40 letters, digits, '-' or '_'.");
        }
        if (source.reach() != null && source.reach() < 0) {
            return SourceResult.refused("input.reach", "INVALID", "The estimated reach is a number of people, 0 or more.");
        }
        if (source.pollIntervalMinutes() != null && (source.pollIntervalMinutes() < 1
                || source.pollIntervalMinutes() > 1_440)) {
            return SourceResult.refused("input.pollIntervalMinutes", "INVALID", "Poll every 1 to 1440 minutes.");
        }
        return null;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lsn_" + HexFormat.of().formatHex(bytes);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static SourceResult notFound() {
        return SourceResult.refused("input.id", "NOT_FOUND", "No listening source of this tenant has this id.");
    }
}
