import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.animo.rule.domain.CompiledRuleSet;
import io.animo.rule.domain.MatcherKind;
import io.animo.rule.domain.ModerationOutcome;
import io.animo.rule.domain.PostingContext;
import io.animo.rule.domain.RuleAction;
import io.animo.rule.domain.RuleDefinition;
import io.animo.rule.domain.RuleSeverity;

/**
 * Messages per second through the rule engine alone, on the calling thread (one core): one rule
 * set with 1,000 keywords (in 10 keyword rules) and 20 regular expressions, messages of about 200
 * characters with sentence punctuation, of which 5 % contain a keyword, 20 % a number, 3 % an e-mail
 * address and 3 % a link. Run by bench/rule-engine.sh.
 *
 * Arguments: [warm-up seconds, default 5] [measured seconds, default 10]
 */
public class RuleEngineBench {

    private static final String[] PATTERNS = {
        "\\b\\d{3}[-. ]?\\d{3}[-. ]?\\d{4}\\b",
        "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
        "\\b(?:\\d[ -]*?){13,16}\\b",
        "(?:bit\\.ly|tinyurl\\.com|goo\\.gl)/\\w+",
        "!{4,}",
        "\\?{4,}",
        "(.)\\1{9,}".replace("(.)\\1", "(?:aaaa|bbbb|cccc|dddd)"),
        "\\b(?:buy|cheap|discount)\\s+(?:followers|likes|views)\\b",
        "\\bwhats?app\\s*[+]?\\d",
        "\\btelegram\\s*[:@]",
        "\\b(?:crypto|bitcoin|btc)\\s+(?:giveaway|doubling)\\b",
        "\\bfree\\s+(?:iphone|ipad|gift\\s*card)\\b",
        "\\bclick\\s+(?:here|this\\s+link)\\b",
        "\\b(?:dm|message)\\s+me\\s+for\\s+(?:price|deal)s?\\b",
        "\\b(?:kill|hurt)\\s+(?:yourself|urself)\\b",
        "\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b",
        "\\bpromo\\s*code\\s*[:=]",
        "\\b(?:onlyfans|0nlyfans)\\b",
        "\\b(?:casino|betting)\\s+(?:bonus|site)\\b",
        "[\\x{1F4B0}\\x{1F4B5}]{3,}",
    };

    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int measuredSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Random random = new Random(42);

        List<String> keywords = new ArrayList<>();
        while (keywords.size() < 1_000) {
            keywords.add(word(random, 5 + random.nextInt(6)));
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rules.add(rule("keywords-" + i, MatcherKind.KEYWORDS, keywords.subList(i * 100, (i + 1) * 100), null));
        }
        for (int i = 0; i < PATTERNS.length; i++) {
            rules.add(rule("regex-" + i, MatcherKind.REGEX, null, PATTERNS[i]));
        }
        long compileStart = System.nanoTime();
        CompiledRuleSet ruleSet = CompiledRuleSet.compile(rules);
        long compileMicros = (System.nanoTime() - compileStart) / 1_000;

        String[] messages = new String[4_096];
        for (int i = 0; i < messages.length; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 200) {
                text.append(word(random, 2 + random.nextInt(8)));
                int punctuation = random.nextInt(24);
                text.append(punctuation == 0 ? ". " : punctuation == 1 ? ", " : punctuation == 2 ? "? " : " ");
            }
            if (i % 5 == 1) {
                text.append(" version ").append(random.nextInt(10)).append('.').append(random.nextInt(100));
            }
            if (i % 33 == 2) {
                text.append(" mail ").append(word(random, 6)).append("@example.com");
            }
            if (i % 33 == 3) {
                text.append(" see https://docs.example.com/").append(word(random, 8));
            }
            if (i % 20 == 0) {
                text.append(' ').append(keywords.get(random.nextInt(keywords.size())));
            }
            messages[i] = text.toString();
        }

        run(ruleSet, messages, warmupSeconds);
        long[] result = run(ruleSet, messages, measuredSeconds);
        long evaluated = result[0];
        long caught = result[1];
        double seconds = result[2] / 1e9;
        System.out.printf("name=rule-engine rules=%d keywords=%d regexes=%d compile_us=%d messages=%d caught=%d seconds=%.1f"
                + " msgs_per_s=%.0f us_per_msg=%.2f%n", ruleSet.size(), keywords.size(), PATTERNS.length, compileMicros,
                evaluated, caught, seconds, evaluated / seconds, seconds * 1e6 / evaluated);
    }

    private static long[] run(CompiledRuleSet ruleSet, String[] messages, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long evaluated = 0;
        long caught = 0;
        int i = 0;
        while (true) {
            for (int batch = 0; batch < 256; batch++) {
                if (ruleSet.evaluate(messages[i], PostingContext.UNKNOWN).outcome() != ModerationOutcome.PUBLISHED) {
                    caught++;
                }
                i = (i + 1) & (messages.length - 1);
                evaluated++;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                return new long[] { evaluated, caught, now - start };
            }
        }
    }

    private static RuleDefinition rule(String name, MatcherKind kind, List<String> keywords, String pattern) {
        return new RuleDefinition(name, name, kind, keywords, pattern, null, null, null, null, null, null, null, null, null,
                RuleAction.FLAG, RuleSeverity.MEDIUM, null, true);
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
