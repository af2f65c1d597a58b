package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The enabled rules of one scope, compiled once and reused for every message until the rules
 * change: one keyword automaton for all keyword rules, RE2/J patterns (linear time in the text,
 * whatever the pattern) for the rest, each run only when the text contains one of the literals any
 * of its matches must contain ({@link PatternPrefilter}). Immutable and safe to share between threads.
 * Compile and evaluate off the event loop ({@link RuleWorker}): both are bounded
 * ({@link RuleLimits}), not free.
 */
public final class CompiledRuleSet {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([a-z0-9.-]+)[^\\s<>\"]*");
    private static final Pattern MENTION = Pattern.compile("(?:^|[^\\w@])@([A-Za-z0-9_][A-Za-z0-9_.-]{1,})");

    private final List<RuleDefinition> rules;
    private final KeywordMatcher keywords;
    private final Pattern[] patterns;
    private final PatternPrefilter prefilter;
    private final boolean needsLinks;
    private final long estimatedBytes;

    /** The hit a message gets when its rules ran out of {@link RuleLimits#EVALUATION_BUDGET}: a moderator looks at it. */
    static final RuleHit OUT_OF_TIME = new RuleHit("time-budget", "Rules out of time", RuleAction.HOLD, RuleSeverity.LOW, -1,
            -1, null);

    private CompiledRuleSet(List<RuleDefinition> rules, KeywordMatcher keywords, Pattern[] patterns, PatternPrefilter prefilter,
            boolean needsLinks, long estimatedBytes) {
        this.rules = rules;
        this.keywords = keywords;
        this.patterns = patterns;
        this.prefilter = prefilter;
        this.needsLinks = needsLinks;
        this.estimatedBytes = estimatedBytes;
    }

    /** Compiles valid rules (see {@link RuleValidator}); disabled rules are left out. */
    public static CompiledRuleSet compile(List<RuleDefinition> definitions) {
        List<RuleDefinition> rules = definitions.stream().filter(RuleDefinition::enabled).toList();
        List<List<String>> keywordsByRule = new ArrayList<>();
        Pattern[] patterns = new Pattern[rules.size()];
        String[] sources = new String[rules.size()];
        boolean needsLinks = false;
        long bytes = BASE_BYTES;
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition rule = rules.get(i);
            keywordsByRule.add(rule.kind() == MatcherKind.KEYWORDS ? rule.keywordsOrEmpty() : List.of());
            if (rule.kind() == MatcherKind.REGEX) {
                patterns[i] = compilePattern(rule.pattern());
                sources[i] = rule.pattern();
                bytes += (long) patterns[i].programSize() * BYTES_PER_INSTRUCTION;
            }
            needsLinks |= rule.kind() == MatcherKind.LINKS;
            bytes += RuleWeights.keywordCharacters(rule) * BYTES_PER_KEYWORD_CHARACTER + RULE_BYTES;
        }
        return new CompiledRuleSet(rules, KeywordMatcher.of(keywordsByRule), patterns, PatternPrefilter.of(sources),
                needsLinks, bytes);
    }

    // Measured on JDK 17: ~63 bytes per RE2/J instruction, up to ~21 bytes per keyword character in the
    // automaton (random keywords, no shared prefixes); rounded up, with the rule objects and matchers on top.
    private static final long BASE_BYTES = 4_096;
    private static final long RULE_BYTES = 1_024;
    private static final long BYTES_PER_INSTRUCTION = 96;
    private static final long BYTES_PER_KEYWORD_CHARACTER = 48;

    /** About how much memory this set keeps: what the compiled-rule cache is bounded by. */
    public long estimatedBytes() {
        return estimatedBytes;
    }

    static Pattern compilePattern(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    public int size() {
        return rules.size();
    }

    /** The longest window of the flood rules, to count an author's recent messages over (0: none). */
    public int floodWindowSeconds() {
        return rules.stream().filter(r -> r.kind() == MatcherKind.FLOOD).mapToInt(RuleDefinition::windowSeconds).max()
                .orElse(0);
    }

    /** The verdict of this set alone, within {@link RuleLimits#EVALUATION_BUDGET}. */
    public Verdict evaluate(String text, PostingContext context) {
        List<RuleHit> hits = new ArrayList<>();
        Integer mute = collect(text, context, System.nanoTime() + RuleLimits.EVALUATION_BUDGET.toNanos(), hits);
        return Verdict.of(hits, mute);
    }

    /**
     * Adds what this set's rules find to {@code hits} and returns the longest mute they ask for (null:
     * none). Patterns run one after the other until {@code deadline} ({@link System#nanoTime()}); past it,
     * the rest are skipped and {@link #OUT_OF_TIME} holds the message for a moderator.
     */
    Integer collect(String text, PostingContext context, long deadline, List<RuleHit> hits) {
        int first = hits.size();
        if (keywords != null) {
            NormalizedText normalized = NormalizedText.of(text);
            keywords.find(normalized, (rule, start, end) -> add(hits, rules.get(rule), start, end, text));
        }
        if (prefilter != null) {
            for (int i : prefilter.candidates(text).toArray()) {
                if (System.nanoTime() > deadline) {
                    if (!hits.contains(OUT_OF_TIME)) {
                        hits.add(OUT_OF_TIME);
                    }
                    break;
                }
                Matcher matcher = patterns[i].matcher(text);
                if (matcher.find()) {
                    add(hits, rules.get(i), matcher.start(), matcher.end(), text);
                }
            }
        }
        List<String> linkHosts = needsLinks ? linkHosts(text) : List.of();
        for (RuleDefinition rule : rules) {
            switch (rule.kind()) {
                case LINKS -> checkLinks(hits, rule, linkHosts, text);
                case MENTIONS -> checkMentions(hits, rule, text);
                case CAPS -> checkCaps(hits, rule, text);
                case FLOOD -> {
                    if (context.recentMessages() >= rule.maxMessages()) {
                        add(hits, rule, -1, -1, text);
                    }
                }
                case ACCOUNT_AGE -> {
                    if (context.accountAgeHours() < rule.minAccountAgeHours()) {
                        add(hits, rule, -1, -1, text);
                    }
                }
                default -> {
                }
            }
        }
        Integer mute = null;
        for (RuleHit hit : hits.subList(first, hits.size())) {
            if (hit.action() == RuleAction.MUTE) {
                RuleDefinition rule = rules.stream().filter(r -> r.id().equals(hit.ruleId())).findFirst().orElseThrow();
                mute = Math.max(mute == null ? 0 : mute, rule.muteMinutes());
            }
        }
        return mute;
    }

    private static void add(List<RuleHit> hits, RuleDefinition rule, int start, int end, String text) {
        if (hits.size() >= RuleLimits.MAX_HITS_REPORTED) {
            return;
        }
        String matched = start >= 0 ? text.substring(start, Math.min(end, text.length())) : null;
        hits.add(new RuleHit(rule.id(), rule.name(), rule.action(), rule.severity(), start, end, matched));
    }

    private static List<String> linkHosts(String text) {
        List<String> hosts = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find() && hosts.size() < 1_000) {
            hosts.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    private static void checkLinks(List<RuleHit> hits, RuleDefinition rule, List<String> hosts, String text) {
        if (rule.maxLinks() != null && hosts.size() > rule.maxLinks()) {
            add(hits, rule, -1, -1, text);
            return;
        }
        Set<String> deny = lower(rule.denyDomains());
        Set<String> allow = lower(rule.allowDomains());
        for (String host : hosts) {
            boolean denied = matchesDomain(host, deny);
            boolean notAllowed = !allow.isEmpty() && !matchesDomain(host, allow);
            if (denied || notAllowed) {
                int start = text.toLowerCase(Locale.ROOT).indexOf(host);
                add(hits, rule, start, start < 0 ? -1 : start + host.length(), text);
                return;
            }
        }
    }

    /** {@code host} is one of {@code domains} or a subdomain of one. */
    private static boolean matchesDomain(String host, Set<String> domains) {
        String candidate = host.startsWith("www.") ? host.substring(4) : host;
        while (true) {
            if (domains.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    private static void checkMentions(List<RuleHit> hits, RuleDefinition rule, String text) {
        Matcher matcher = MENTION.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
            if (count > rule.maxMentions()) {
                add(hits, rule, matcher.start(1) - 1, matcher.end(1), text);
                return;
            }
        }
    }

    private static void checkCaps(List<RuleHit> hits, RuleDefinition rule, String text) {
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        int minLength = rule.minLength() == null ? 10 : rule.minLength();
        if (letters >= minLength && capitals >= rule.capsRatio() * letters) {
            add(hits, rule, -1, -1, text);
        }
    }

    private static Set<String> lower(List<String> domains) {
        Set<String> set = new HashSet<>();
        if (domains != null) {
            for (String domain : domains) {
                if (domain != null && !domain.isBlank()) {
                    String d = domain.strip().toLowerCase(Locale.ROOT);
                    set.add(d.startsWith("www.") ? d.substring(4) : d);
                }
            }
        }
        return set;
    }
}
