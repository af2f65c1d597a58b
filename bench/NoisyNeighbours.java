import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Does one tenant's traffic hurt another's? Open-loop load (requests leave at a fixed rate whatever the
 * answers, and latency counts from the moment a request was due, so a stalled server cannot hide its
 * stall) against one GraphQL endpoint, in phases:
 *
 * <ul>
 * <li>idle: only the victim tenant, at {@code --victim-rps};
 * <li>attacked: the victim at the same rate, plus a flood of forged tokens (unsigned, each naming a new,
 * well-formed realm of the service's Keycloak) at {@code --forged-rps}, plus a noisy tenant sending an
 * expensive query at {@code --noisy-rps}, far beyond its cost budget.
 * </ul>
 *
 * A warm-up runs all three first; then {@code --rounds} times idle followed by attacked, the attack starting a few
 * seconds before the victim is measured (the neighbour is at its budget, not arriving with a full one). JDK only, runs
 * as a single source file; tokens come from the environment (VICTIM_TOKEN, NOISY_TOKEN):
 *
 * <pre>
 *   java bench/NoisyNeighbours.java --url http://localhost:8089/graphql --issuer-prefix http://localhost:8380/realms/ \
 *       --victim-query '{ communities(first: 20) { totalCount } }' --noisy-query '{ ... }' \
 *       [--victim-rps 100] [--forged-rps 1000] [--noisy-rps 500] [--warmup 10] [--duration 20] [--rounds 2]
 *   java bench/NoisyNeighbours.java --url ... --issuer-prefix ... --forged-only SECONDS [--forged-rps 1000]
 * </pre>
 *
 * Prints one line per phase and a summary line: the victim's p99 attacked over its p99 idle (the median round of
 * each kind; all rounds pooled too), with the goal of at most 1.20.
 */
public final class NoisyNeighbours {

    private static final double GOAL = 1.20;
    private static final int ATTACK_LEAD_SECONDS = 5;

    private final Options options;

    private NoisyNeighbours(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new NoisyNeighbours(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        if (options.forgedOnly > 0) {
            Flood forged = Flood.forged(options);
            forged.runFor(options.forgedOnly);
            forged.drain();
            System.out.println(String.format(Locale.ROOT, "phase=forged-only seconds=%d %s", options.forgedOnly,
                    forged.outcomes()));
            return;
        }
        System.err.printf(Locale.ROOT, "[noisy] victim %d/s, forged %d/s, noisy tenant %d/s; %d s warm-up, %d x (%d s idle"
                + " + %d s attacked)%n", options.victimRps, options.forgedRps, options.noisyRps, options.warmup,
                options.rounds, options.duration, options.duration);
        phase("warm-up", 0, true, options.warmup, false);
        List<Long> idle = new ArrayList<>();
        List<Long> attacked = new ArrayList<>();
        List<Double> idleP99s = new ArrayList<>();
        List<Double> attackedP99s = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
            List<Long> quiet = phase("idle", round, false, options.duration, true);
            List<Long> loud = phase("attacked", round, true, options.duration, true);
            idle.addAll(quiet);
            attacked.addAll(loud);
            idleP99s.add(millis(percentile(sorted(quiet), 99)));
            attackedP99s.add(millis(percentile(sorted(loud), 99)));
        }
        long[] idleSorted = sorted(idle);
        long[] attackedSorted = sorted(attacked);
        double pooledRatio = ratio(millis(percentile(attackedSorted, 99)), millis(percentile(idleSorted, 99)));
        // the verdict compares the median round of each kind: one phase hit by this shared machine's hiccups
        // (CPU stolen by the host, a neighbour's burst) moves a pooled p99 but not a median of rounds
        double idleP99 = median(idleP99s);
        double attackedP99 = median(attackedP99s);
        double ratio = ratio(attackedP99, idleP99);
        System.out.println(String.format(Locale.ROOT,
                "summary victim_idle_p50_ms=%.2f victim_attacked_p50_ms=%.2f victim_idle_p99_ms=%.2f"
                        + " victim_attacked_p99_ms=%.2f p99_ratio=%.2f pooled_idle_p99_ms=%.2f pooled_attacked_p99_ms=%.2f"
                        + " pooled_p99_ratio=%.2f goal=%.2f verdict=%s",
                millis(percentile(idleSorted, 50)), millis(percentile(attackedSorted, 50)), idleP99, attackedP99, ratio,
                millis(percentile(idleSorted, 99)), millis(percentile(attackedSorted, 99)), pooledRatio, GOAL,
                ratio <= GOAL ? "PASS" : "FAIL"));
    }

    private static double ratio(double attacked, double idle) {
        return idle == 0 ? 0 : attacked / idle;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One phase; returns the victim's latencies (ns). */
    private List<Long> phase(String name, int round, boolean attack, int seconds, boolean report) throws Exception {
        Stream victim = Stream.victim(options);
        List<Traffic> streams = new ArrayList<>(List.of(victim));
        if (attack) {
            streams.add(Flood.forged(options));
            streams.add(Flood.noisy(options));
        }
        // the attack starts first: the victim meets a neighbour already at its budget, not one arriving with a full one
        int lead = attack ? ATTACK_LEAD_SECONDS : 0;
        List<Thread> threads = new ArrayList<>();
        for (Traffic stream : streams.subList(1, streams.size())) {
            threads.add(start(stream, seconds + lead));
        }
        Thread.sleep(lead * 1_000L);
        threads.add(start(victim, seconds));
        for (Thread thread : threads) {
            thread.join();
        }
        for (Traffic stream : streams) {
            stream.drain();
        }
        if (report) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "phase=%s round=%d", name, round));
            for (Traffic stream : streams) {
                line.append(' ').append(stream.outcomes());
            }
            long[] sorted = sorted(new ArrayList<>(victim.latencies));
            line.append(String.format(Locale.ROOT, " victim_p50_ms=%.2f victim_p99_ms=%.2f victim_max_ms=%.2f",
                    millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                    millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1])));
            System.out.println(line);
            System.out.flush();
        }
        Thread.sleep(1_000);
        return new ArrayList<>(victim.latencies);
    }

    private static Thread start(Traffic stream, int seconds) {
        Thread thread = new Thread(() -> stream.runFor(seconds), "noisy-" + stream.name());
        thread.start();
        return thread;
    }

    /** Requests of one kind during a phase, and how they were answered. */
    private interface Traffic {

        String name();

        void runFor(int seconds);

        /** Waits (at most 30 s) for the answers still due. */
        void drain() throws InterruptedException;

        String outcomes();
    }

    /** Counts answers by kind. */
    private static class Outcomes {

        final String name;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong served = new AtomicLong();
        final AtomicLong limited = new AtomicLong();
        final AtomicLong unauthorized = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Outcomes(String name) {
            this.name = name;
        }

        void count(int status, String body) {
            if (status == 401) {
                unauthorized.incrementAndGet();
            } else if (status == 429 || body.contains("RATE_LIMITED")) {
                limited.incrementAndGet();
            } else if (status == 200 && !body.contains("\"errors\"")) {
                served.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }

        public String name() {
            return name;
        }

        public String outcomes() {
            return String.format(Locale.ROOT, "%s_sent=%d %s_served=%d %s_limited=%d %s_401=%d %s_failed=%d", name,
                    sent.get(), name, served.get(), name, limited.get(), name, unauthorized.get(), name, failed.get());
        }
    }

    /**
     * The victim: JDK HTTP client, open loop (a request leaves when it is due whatever came before), latency
     * from the moment it was due.
     */
    private static final class Stream extends Outcomes implements Traffic {

        final int rps;
        final HttpClient client;
        final HttpRequest request;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong outstanding = new AtomicLong();

        private Stream(String name, int rps, HttpRequest request) {
            super(name);
            this.rps = rps;
            this.request = request;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        }

        static Stream victim(Options o) {
            return new Stream("victim", o.victimRps, post(o, o.victimQuery, System.getenv().getOrDefault("VICTIM_TOKEN", "")));
        }

        @Override
        public void runFor(int seconds) {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long interval = TimeUnit.SECONDS.toNanos(1) / rps;
            for (long i = 0;; i++) {
                long due = start + i * interval;
                if (due - end >= 0) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sent.incrementAndGet();
                outstanding.incrementAndGet();
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    latencies.add(System.nanoTime() - due);
                    if (failure != null) {
                        failed.incrementAndGet();
                    } else {
                        count(response.statusCode(), response.body());
                    }
                    outstanding.decrementAndGet();
                });
            }
        }

        @Override
        public void drain() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (outstanding.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    /**
     * An attacker: raw HTTP/1.1 over a few keep-alive sockets, each sending its share of the rate and reading
     * the answer, with request bytes prepared ahead. As cheap to send as it gets, so that the attacker's own
     * CPU (on the same machine) takes as little as possible from the service being measured.
     */
    private static final class Flood extends Outcomes implements Traffic {

        private static final int CONNECTIONS = 8;
        final int rps;
        final URI url;
        final java.util.function.LongFunction<byte[]> request;
        final List<Thread> senders = new ArrayList<>();

        private Flood(String name, int rps, URI url, java.util.function.LongFunction<byte[]> request) {
            super(name);
            this.rps = rps;
            this.url = url;
            this.request = request;
        }

        static Flood noisy(Options o) {
            byte[] bytes = rawPost(o.url, o.noisyQuery, System.getenv().getOrDefault("NOISY_TOKEN", ""));
            return new Flood("noisy", o.noisyRps, o.url, i -> bytes);
        }

        /** Each request with its own made-up realm: what a forger does to empty every cache of realms. */
        static Flood forged(Options o) {
            String run = Long.toString(System.nanoTime(), 36);
            return new Flood("forged", o.forgedRps, o.url,
                    i -> rawPost(o.url, "{ __typename }", forgedToken(o.issuerPrefix + "forged-" + run + "-" + i)));
        }

        @Override
        public void runFor(int seconds) {
            if (rps <= 0) {
                return;
            }
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long interval = TimeUnit.SECONDS.toNanos(1) * CONNECTIONS / rps;
            for (int c = 0; c < CONNECTIONS; c++) {
                long offset = interval * c / CONNECTIONS;
                int connection = c;
                Thread sender = new Thread(() -> send(start + offset, end, interval, connection), name + "-" + c);
                sender.setDaemon(true);
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                try {
                    sender.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void send(long first, long end, long interval, int connection) {
            java.net.Socket socket = null;
            for (long i = 0;; i++) {
                long due = first + i * interval;
                if (due - end >= 0) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    if (socket == null || socket.isClosed()) {
                        socket = new java.net.Socket(url.getHost(), url.getPort());
                        socket.setSoTimeout(30_000);
                        socket.setTcpNoDelay(true);
                    }
                    sent.incrementAndGet();
                    socket.getOutputStream().write(request.apply(i * CONNECTIONS + connection));
                    socket.getOutputStream().flush();
                    readResponse(socket);
                } catch (java.io.IOException e) {
                    failed.incrementAndGet();
                    closeQuietly(socket);
                    socket = null;
                }
            }
            closeQuietly(socket);
        }

        /** Status line, headers up to the blank line, then Content-Length bytes of body. */
        private void readResponse(java.net.Socket socket) throws java.io.IOException {
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("closed by the server");
                }
                head.append((char) b);
            }
            String headers = head.toString();
            int status = Integer.parseInt(headers.substring(9, 12));
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            count(status, new String(body, StandardCharsets.UTF_8));
            if (headers.toLowerCase(Locale.ROOT).contains("connection: close")) {
                socket.close();
            }
        }

        private static void closeQuietly(java.net.Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // going away anyway
                }
            }
        }

        @Override
        public void drain() {
            // every sender ends with its last answer
        }
    }

    private static byte[] rawPost(URI url, String query, String token) {
        byte[] body = ("{\"query\":" + jsonString(query) + "}").getBytes(StandardCharsets.UTF_8);
        String head = "POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json\r\n"
                + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n") + "Content-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private static HttpRequest post(Options o, String query, String token) {
        String body = "{\"query\":" + jsonString(query) + "}";
        HttpRequest.Builder builder = HttpRequest.newBuilder(o.url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** A JWT that looks right (RS256, audience, expiry) and is signed by no one. */
    private static String forgedToken(String issuer) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"forger\",\"aud\":\"animo-api\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"realm_access\":{\"roles\":[\"tenant-admin\"]}}";
        byte[] signature = new byte[256];
        Arrays.fill(signature, (byte) 7);
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(signature);
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** Nearest-rank percentile of an ascending array; 0 when empty. */
    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static final class Options {
        URI url;
        String issuerPrefix;
        String victimQuery = "{ communities(first: 20) { totalCount edges { node { id name slug } } } }";
        String noisyQuery;
        int victimRps = 100;
        int forgedRps = 1000;
        int noisyRps = 500;
        int warmup = 10;
        int duration = 20;
        int rounds = 2;
        int forgedOnly;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> o.url = URI.create(value);
                    case "--issuer-prefix" -> o.issuerPrefix = value;
                    case "--victim-query" -> o.victimQuery = value;
                    case "--noisy-query" -> o.noisyQuery = value;
                    case "--victim-rps" -> o.victimRps = Integer.parseInt(value);
                    case "--forged-rps" -> o.forgedRps = Integer.parseInt(value);
                    case "--noisy-rps" -> o.noisyRps = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--duration" -> o.duration = Integer.parseInt(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--forged-only" -> o.forgedOnly = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (o.url == null || o.issuerPrefix == null || (o.forgedOnly == 0 && o.noisyQuery == null)) {
                throw new IllegalArgumentException("--url, --issuer-prefix and --noisy-query are required");
            }
            return o;
        }
    }
}
