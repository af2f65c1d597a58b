import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop HTTP load against one GraphQL endpoint: N workers, each sending the same POST
 * synchronously, one after the other. JDK only, runs as a single source file:
 *
 * <pre>
 *   java bench/LoadGenerator.java --url http://localhost:8089/graphql --token "$TOKEN" \
 *       --query '{ communities(first: 20) { totalCount } }' [--variables '{}'] [--name communities] \
 *       [--concurrency 16] [--warmup 5] [--duration 20] [--max-requests 1000000] [--timeout 10]
 * </pre>
 *
 * The token may also come from the environment variable BENCH_TOKEN (keeps it out of {@code ps}).
 * Only requests started after the warm-up are measured. A request is an error when the status is
 * not 200 or the body contains {@code "errors"}. The run stops by itself at the end of the
 * duration or when {@code --max-requests} requests (warm-up included) have been sent, whichever
 * comes first. Prints one line on stdout:
 *
 * <pre>
 *   name=communities requests=... errors=... rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=...
 * </pre>
 */
public final class LoadGenerator {

    private static final String USAGE = """
            usage: java bench/LoadGenerator.java --url URL --query DOCUMENT [options]
              --url URL            GraphQL endpoint (http or https)
              --query DOCUMENT     GraphQL document, as a string
              --variables JSON     variables object (default {})
              --token TOKEN        bearer token (default: environment variable BENCH_TOKEN; none when empty)
              --name LABEL         label of the result line (default graphql)
              --concurrency N      worker threads (default 16)
              --warmup SECONDS     not measured (default 5)
              --duration SECONDS   measured (default 20)
              --max-requests N     hard cap on requests sent, warm-up included (default 1000000)
              --timeout SECONDS    per request (default 10)
              --get true           GET the URL instead (no body, no query needed), e.g. a tracked link
              --expect-status N    the status of a success (default 200; 302 for a redirect)""";

    private static final int MAX_CAP = 20_000_000;
    private static final int ERROR_SAMPLE_LENGTH = 300;

    private final Options options;
    private final HttpClient client;
    private final HttpRequest request;
    /** Latencies (ns) of measured requests; never more slots than requests that may be sent. */
    private final long[] latencies;
    private final AtomicInteger measured = new AtomicInteger();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong warmupRequests = new AtomicLong();
    private final AtomicLong lastMeasuredEnd = new AtomicLong(Long.MIN_VALUE);
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile boolean stop;
    private volatile boolean capReached;

    private LoadGenerator(Options options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(options.url)
                .timeout(Duration.ofSeconds(options.timeoutSeconds));
        if (options.get) {
            builder.GET();
        } else {
            String body = "{\"query\":" + jsonString(options.query) + ",\"variables\":" + options.variables + "}";
            builder.header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        if (!options.token.isEmpty()) {
            builder.header("Authorization", "Bearer " + options.token);
        }
        this.request = builder.build();
        this.latencies = new long[options.maxRequests];
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        LoadGenerator generator = new LoadGenerator(options);
        String line = generator.run();
        System.out.println(line);
        System.out.flush();
        // HttpClient keeps internal threads; leave no doubt that the program ends here
        System.exit(generator.measured.get() > 0 ? 0 : 1);
    }

    private String run() throws InterruptedException {
        System.err.printf(Locale.ROOT, "[load] %s: %d workers, %d s warm-up, %d s measured, at most %d requests -> %s%n",
                options.name, options.concurrency, options.warmupSeconds, options.durationSeconds, options.maxRequests,
                options.url);
        long begin = System.nanoTime();
        long warmupEnd = begin + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
        long deadline = warmupEnd + TimeUnit.SECONDS.toNanos(options.durationSeconds);

        List<Thread> workers = new ArrayList<>(options.concurrency);
        for (int i = 0; i < options.concurrency; i++) {
            Thread worker = new Thread(() -> work(warmupEnd, deadline), "load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        // every request ends within its timeout, so every worker ends shortly after the deadline
        long joinUntil = deadline + TimeUnit.SECONDS.toNanos(options.timeoutSeconds + 5L);
        for (Thread worker : workers) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(joinUntil - System.nanoTime());
            if (remainingMillis > 0) {
                worker.join(remainingMillis);
            }
        }
        stop = true;
        for (Thread worker : workers) {
            if (worker.isAlive()) {
                System.err.println("[load] warning: " + worker.getName() + " did not finish in time; not waiting for it");
            }
        }
        return report(warmupEnd);
    }

    private void work(long warmupEnd, long deadline) {
        while (!stop) {
            if (System.nanoTime() - deadline >= 0) {
                return;
            }
            if (issued.incrementAndGet() > options.maxRequests) {
                capReached = true;
                return;
            }
            long start = System.nanoTime();
            boolean ok;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                ok = response.statusCode() == options.expectStatus
                        && (options.get || !response.body().contains("\"errors\""));
                if (!ok) {
                    firstError.compareAndSet(null, "HTTP " + response.statusCode() + ": " + truncate(response.body()));
                }
            } catch (IOException e) {
                ok = false;
                firstError.compareAndSet(null, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long end = System.nanoTime();
            if (start - warmupEnd >= 0) {
                int slot = measured.getAndIncrement();
                latencies[slot] = end - start;
                if (!ok) {
                    errors.incrementAndGet();
                }
                lastMeasuredEnd.accumulateAndGet(end, Math::max);
            } else {
                warmupRequests.incrementAndGet();
            }
        }
    }

    private String report(long warmupEnd) {
        int count = Math.min(measured.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        double seconds = count == 0 ? 0 : (lastMeasuredEnd.get() - warmupEnd) / 1e9;
        double rps = seconds > 0 ? count / seconds : 0;
        System.err.printf(Locale.ROOT, "[load] %s: %d warm-up requests, %d measured over %.1f s%s%n", options.name,
                warmupRequests.get(), count, seconds, capReached ? " (stopped at --max-requests)" : "");
        if (firstError.get() != null) {
            System.err.println("[load] " + options.name + ": first error: " + firstError.get());
        }
        if (count == 0) {
            System.err.println("[load] " + options.name + ": no request was measured");
        }
        return String.format(Locale.ROOT,
                "name=%s requests=%d errors=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f",
                options.name, count, errors.get(), rps, millis(percentile(sorted, 50)), millis(percentile(sorted, 90)),
                millis(percentile(sorted, 99)), millis(count == 0 ? 0 : sorted[count - 1]));
    }

    /** Nearest-rank percentile of an ascending array; 0 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String truncate(String text) {
        String single = text.replace('\n', ' ').replace('\r', ' ');
        return single.length() <= ERROR_SAMPLE_LENGTH ? single : single.substring(0, ERROR_SAMPLE_LENGTH) + "...";
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static final class Options {
        URI url;
        String query;
        String variables = "{}";
        String token = System.getenv().getOrDefault("BENCH_TOKEN", "");
        String name = "graphql";
        boolean get;
        int expectStatus = 200;
        int concurrency = 16;
        int warmupSeconds = 5;
        int durationSeconds = 20;
        int maxRequests = 1_000_000;
        int timeoutSeconds = 10;

        /** Null when help was asked for. */
        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return null;
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                String flag;
                String value;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    flag = arg.substring(2, eq);
                    value = arg.substring(eq + 1);
                } else {
                    flag = arg.substring(2);
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + flag + " needs a value");
                    }
                    value = args[++i];
                }
                switch (flag) {
                    case "url" -> o.url = url(value);
                    case "query" -> o.query = value;
                    case "variables" -> o.variables = variables(value);
                    case "token" -> o.token = value.strip();
                    case "name" -> o.name = value.isBlank() ? "graphql" : value.strip().replace(' ', '_');
                    case "concurrency" -> o.concurrency = number(flag, value, 1, 1024);
                    case "warmup" -> o.warmupSeconds = number(flag, value, 0, 3600);
                    case "duration" -> o.durationSeconds = number(flag, value, 1, 3600);
                    case "max-requests" -> o.maxRequests = number(flag, value, 1, MAX_CAP);
                    case "timeout" -> o.timeoutSeconds = number(flag, value, 1, 300);
                    case "get" -> o.get = Boolean.parseBoolean(value.strip());
                    case "expect-status" -> o.expectStatus = number(flag, value, 100, 599);
                    default -> throw new IllegalArgumentException("unknown option --" + flag);
                }
            }
            if (o.url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            if (!o.get && (o.query == null || o.query.isBlank())) {
                throw new IllegalArgumentException("--query is required");
            }
            return o;
        }

        private static URI url(String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url is not a URL: " + value);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--url must be an http(s) URL with a host: " + value);
            }
            return uri;
        }

        private static String variables(String value) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                return "{}";
            }
            if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
                throw new IllegalArgumentException("--variables must be a JSON object");
            }
            return trimmed;
        }

        private static int number(String flag, String value, int min, int max) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + flag + " must be a whole number: " + value);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + flag + " must be between " + min + " and " + max);
            }
            return n;
        }
    }
}
