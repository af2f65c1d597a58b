import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many live subscribers of {@code engagementUpdated} while messages are posted at a steady rate; measures the
 * write-to-push latency. JDK only, runs as a single source file:
 *
 * <pre>
 *   BENCH_TOKEN="$TOKEN" java bench/SubscriptionLoad.java --ws-url ws://localhost:8089/graphql \
 *       --graphql-url http://localhost:8089/graphql --community-id ID --thread-id ID \
 *       --subscribers 10000 [--max-connections 19000] [--rate 10] [--duration 30] [--drain 5]
 * </pre>
 *
 * It opens min(subscribers, max-connections) WebSockets ({@code graphql-transport-ws}, {@code connection_init} with
 * the token) and spreads the subscriptions over them evenly (one per socket while the sockets suffice; the
 * per-process open-file limit caps the sockets of one process). Each subscription watches the community's
 * {@code MESSAGES} over the last 60 minutes. Once every subscription holds its first snapshot and the figures are
 * quiet, messages are posted through {@code messagePost} at {@code --rate} per second for {@code --duration}
 * seconds. Message k is known to be pushed to a subscriber when the subscriber's count reaches its count at the
 * start plus k; its latency is the time from the end of the write (the mutation's response) to that push. After
 * the posting, {@code --drain} seconds let the last pushes arrive; a (subscriber, message) pair never pushed is
 * counted as missing.
 *
 * <p>stdout, one line of key=value pairs per phase: {@code connected ...} then {@code result ...}. Diagnostics on
 * stderr. Exit 1 when the connections or subscriptions fail, 2 on wrong arguments.
 */
public final class SubscriptionLoad {

    private static final String SUBSCRIPTION = "subscription Live($c: ID) { engagementUpdated(communityId: $c,"
            + " metrics: [MESSAGES], windowMinutes: 60) { at values { metric value } resumeToken } }";
    private static final String POST = "mutation Post($input: MessagePostInput!) { messagePost(input: $input) {"
            + " outcome userErrors { code } } }";
    private static final int MAX_LATENCY_MS = 120_000;

    private final Map<String, String> options;
    private final String token;
    private final AtomicLongArray histogram = new AtomicLongArray(MAX_LATENCY_MS + 1);
    private final AtomicLongArray fanOut = new AtomicLongArray(MAX_LATENCY_MS + 1);
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger acked = new AtomicInteger();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private volatile long[] writtenAt = new long[0];
    private volatile boolean measuring;

    /** One subscription: the messages count it saw last and its count when the posting began. */
    private final class Subscriber {
        volatile long count = -1;
        volatile long baseline = -1;

        synchronized void saw(long value, long now) {
            if (value <= count) {
                return;
            }
            if (measuring && baseline >= 0) {
                long[] written = writtenAt;
                long first = Math.max(count, baseline) - baseline + 1;
                for (long k = first; k <= value - baseline && k <= written.length; k++) {
                    long at = written[(int) k - 1];
                    long millis = at == 0 ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - at));
                    histogram.incrementAndGet((int) Math.min(millis, MAX_LATENCY_MS));
                }
            }
            count = value;
        }
    }

    /** One socket and the subscriptions it carries (subscription id i is subscribers.get(first + i)). */
    private final class Connection implements WebSocket.Listener {
        final int first;
        final int size;
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Connection(int first, int size) {
            this.first = first;
            this.size = size;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(webSocket, text);
            }
            webSocket.request(1);
            return null;
        }

        /** The JDK's WebSocket takes one send at a time: each waits for the one before. */
        synchronized void send(String text) {
            sending = sending.exceptionally(failure -> null).thenCompose(ignored -> socket.sendText(text, true));
        }

        private void handle(WebSocket webSocket, String text) {
            long now = System.nanoTime();
            if (text.contains("\"connection_ack\"")) {
                for (int i = 0; i < size; i++) {
                    send("{\"id\":\"" + i + "\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                            + json(SUBSCRIPTION) + ",\"variables\":{\"c\":" + json(options.get("community-id"))
                            + "}}}");
                }
                acked.incrementAndGet();
            } else if (text.contains("\"next\"")) {
                int value = text.indexOf("\"value\":");
                if (value < 0 || text.contains("\"errors\"")) {
                    error("a next message without figures: " + text);
                    return;
                }
                int id = Integer.parseInt(between(text, "\"id\":\"", "\""));
                long count = Long.parseLong(digits(text, value + 8));
                pushes.incrementAndGet();
                if (measuring) {
                    long computedAt = java.time.Instant.parse(between(text, "\"at\":\"", "\"")).toEpochMilli();
                    long millis = Math.max(0, System.currentTimeMillis() - computedAt);
                    fanOut.incrementAndGet((int) Math.min(millis, MAX_LATENCY_MS));
                }
                subscribers.get(first + id).saw(count, now);
            } else if (text.contains("\"ping\"")) {
                send("{\"type\":\"pong\"}");
            } else if (text.contains("\"error\"") || text.contains("\"complete\"")) {
                error(text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (measuring || statusCode != 1000) {
                error("socket closed " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            error("socket error " + error);
        }
    }

    private SubscriptionLoad(Map<String, String> options, String token) {
        this.options = options;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("max-connections", "19000", "rate", "10",
                "duration", "30", "drain", "5", "clients", "4", "connect-parallelism", "200"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("ws-url", "graphql-url", "community-id", "thread-id", "subscribers")) {
            if (!options.containsKey(required)) {
                usage("--" + required + " is required");
            }
        }
        String token = System.getenv("BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            usage("set BENCH_TOKEN");
        }
        System.exit(new SubscriptionLoad(options, token).run());
    }

    private int run() throws Exception {
        int total = intOption("subscribers");
        int connections = Math.min(total, intOption("max-connections"));
        ExecutorService listeners = Executors.newFixedThreadPool(2);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < intOption("clients"); i++) {
            clients.add(HttpClient.newBuilder().executor(listeners).connectTimeout(Duration.ofSeconds(30)).build());
        }
        for (int i = 0; i < total; i++) {
            subscribers.add(new Subscriber());
        }

        long connectStart = System.nanoTime();
        List<Connection> sockets = connect(clients, total, connections);
        if (!awaitAll("connection_ack", () -> acked.get() >= sockets.size(), 120)
                || !awaitAll("first snapshots", () -> subscribers.stream().allMatch(s -> s.count >= 0), 120)) {
            return 1;
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        awaitQuiet();
        System.out.printf("connected subscribers=%d connections=%d connect_s=%.1f errors=%d%n", total, sockets.size(),
                connectSeconds, errors.get());

        double rate = Double.parseDouble(options.get("rate"));
        int duration = intOption("duration");
        int messages = (int) Math.round(rate * duration);
        writtenAt = new long[messages];
        for (Subscriber subscriber : subscribers) {
            subscriber.baseline = subscriber.count;
        }
        long serverCpuBefore = serverCpuMillis();
        long snapshotsBefore = snapshotsComputed();
        long clientCpuBefore = clientCpuMillis();
        long phaseStart = System.nanoTime();
        measuring = true;
        int posted = post(clients.get(0), rate, messages);
        Thread.sleep(TimeUnit.SECONDS.toMillis(intOption("drain")));
        measuring = false;
        double phaseSeconds = (System.nanoTime() - phaseStart) / 1e9;
        long serverCpu = serverCpuMillis() - serverCpuBefore;
        long clientCpu = clientCpuMillis() - clientCpuBefore;
        long snapshots = snapshotsComputed() - snapshotsBefore;

        long samples = count(histogram);
        long fanOutSamples = count(fanOut);
        long expected = (long) posted * total;
        System.out.printf("result subscribers=%d connections=%d posted=%d rate=%s pushes=%d samples=%d missing=%d"
                + " p50_ms=%d p90_ms=%d p99_ms=%d max_ms=%d fanout_p50_ms=%d fanout_p99_ms=%d phase_s=%.1f"
                + " server_cpu_pct=%.0f client_cpu_pct=%.0f server_rss_mb=%d snapshots=%d snapshots_per_s=%.2f"
                + " errors=%d%n", total, sockets.size(), posted, options.get("rate"), pushes.get(), samples,
                Math.max(0, expected - samples), percentile(histogram, samples, 0.50),
                percentile(histogram, samples, 0.90), percentile(histogram, samples, 0.99),
                percentile(histogram, samples, 1.0), percentile(fanOut, fanOutSamples, 0.50),
                percentile(fanOut, fanOutSamples, 0.99), phaseSeconds,
                serverCpu / 10.0 / phaseSeconds, clientCpu / 10.0 / phaseSeconds, serverRssMegabytes(), snapshots,
                snapshots / phaseSeconds, errors.get());
        for (Connection connection : sockets) {
            connection.socket.sendClose(1000, "done");
        }
        return 0;
    }

    private List<Connection> connect(List<HttpClient> clients, int total, int connections) throws InterruptedException {
        List<Connection> sockets = new ArrayList<>();
        Semaphore inFlight = new Semaphore(intOption("connect-parallelism"));
        List<CompletableFuture<?>> opened = new ArrayList<>();
        URI url = URI.create(options.get("ws-url"));
        int first = 0;
        for (int c = 0; c < connections; c++) {
            int size = total / connections + (c < total % connections ? 1 : 0);
            Connection connection = new Connection(first, size);
            first += size;
            sockets.add(connection);
            inFlight.acquire();
            opened.add(clients.get(c % clients.size()).newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(url, connection)
                    .thenAccept(socket -> {
                        connection.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":"
                                + json("Bearer " + token) + "}}");
                    })
                    .whenComplete((ignored, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            error("cannot connect: " + failure);
                        }
                    }));
            if (c > 0 && c % 1000 == 0) {
                System.err.printf("[load] %d connections opened%n", c);
            }
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return sockets;
    }

    /** Waits until no subscriber's count moved for three seconds (the set-up's writes have been pushed). */
    private void awaitQuiet() throws InterruptedException {
        long sum = -1;
        for (int quiet = 0; quiet < 3; ) {
            Thread.sleep(1000);
            long now = subscribers.stream().mapToLong(s -> s.count).sum();
            quiet = now == sum ? quiet + 1 : 0;
            sum = now;
        }
    }

    /** Posts {@code messages} messages at {@code rate} per second; returns how many were published. */
    private int post(HttpClient client, double rate, int messages) throws InterruptedException {
        AtomicInteger published = new AtomicInteger();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long periodNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long start = System.nanoTime();
        for (int k = 0; k < messages; k++) {
            long due = start + k * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = k;
            String body = "{\"query\":" + json(POST) + ",\"variables\":{\"input\":{\"threadId\":"
                    + json(options.get("thread-id")) + ",\"body\":" + json("Live figures, message " + k
                    + ": the new release feels fast and I love the dark mode.") + "}}}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("graphql-url")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                writtenAt[index] = System.nanoTime();
                if (response.statusCode() == 200 && response.body().contains("\"PUBLISHED\"")) {
                    published.incrementAndGet();
                } else {
                    error("messagePost: " + response.statusCode() + " " + response.body());
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return published.get();
    }

    /** User and system CPU time of the server process (--server-pid), from /proc; -1 when unknown. */
    private long serverCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", options.getOrDefault("server-pid", "0"), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (clock ticks of 10 ms)
            return ticks * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    private long serverRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", options.getOrDefault("server-pid", "0"), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // unknown
        }
        return -1;
    }

    private static long clientCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** The server's count of engagement snapshots computed (--metrics-url, Prometheus text); -1 when unknown. */
    private long snapshotsComputed() {
        String url = options.get("metrics-url");
        if (url == null) {
            return -1;
        }
        try {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("animo_engagement_snapshots_total")) {
                    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (Exception e) {
            error("cannot read the server's metrics: " + e);
        }
        return -1;
    }

    private boolean awaitAll(String what, java.util.function.BooleanSupplier done, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                System.out.printf("error not all %s within %d s (errors=%d)%n", what, seconds, errors.get());
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static long count(AtomicLongArray histogram) {
        long samples = 0;
        for (int i = 0; i < histogram.length(); i++) {
            samples += histogram.get(i);
        }
        return samples;
    }

    private static long percentile(AtomicLongArray histogram, long samples, double fraction) {
        if (samples == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(samples * fraction));
        long seen = 0;
        for (int i = 0; i <= MAX_LATENCY_MS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_LATENCY_MS;
    }

    private void error(String message) {
        if (errors.incrementAndGet() <= 10) {
            System.err.println("[load] " + message);
        }
    }

    private int intOption(String name) {
        return Integer.parseInt(options.get(name));
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before) + before.length();
        return text.substring(start, text.indexOf(after, start));
    }

    private static String digits(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static void usage(String problem) {
        System.err.println("SubscriptionLoad: " + problem);
        System.err.println("usage: BENCH_TOKEN=... java bench/SubscriptionLoad.java --ws-url URL --graphql-url URL"
                + " --community-id ID --thread-id ID --subscribers N [--max-connections 19000] [--rate 10]"
                + " [--server-pid PID] [--metrics-url URL]"
                + " [--duration 30] [--drain 5] [--clients 4] [--connect-parallelism 200]");
        System.exit(2);
    }
}
