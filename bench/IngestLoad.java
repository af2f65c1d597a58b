import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop load on a listening source's inbound webhook: N workers, each POSTing signed pushes of BATCH new
 * mentions (ids never repeat), one after the other. JDK only, runs as a single source file:
 *
 * <pre>
 *   INGEST_SECRET=lsn_... java bench/IngestLoad.java URL BATCH CONCURRENCY WARMUP_S DURATION_S NAME
 * </pre>
 *
 * A push succeeds when it is answered 202 with every mention stored. Prints one line on stdout:
 * {@code name=... pushes=... errors=... rps=... mentions_per_s=... p50_ms=... p99_ms=...}
 */
public final class IngestLoad {

    private static final String[] TEXTS = {
        "I love the new release, the sync is so much faster now",
        "The app keeps crashing when I open the settings, really annoying",
        "Does anyone know if the export works with large files?",
        "Great support team, they fixed my account in minutes",
        "Meh. The redesign is fine but the dark mode is still missing"};

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int batch = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        long deadline = warmupEnd + TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
        String name = args[5];
        String secret = System.getenv("INGEST_SECRET");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(warmupEnd);
        AtomicReference<String> firstError = new AtomicReference<>();
        String run = Long.toString(System.nanoTime(), 36);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long sequence = 0;
                while (System.nanoTime() < deadline) {
                    StringBuilder body = new StringBuilder("{\"mentions\":[");
                    for (int i = 0; i < batch; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(run).append('-').append(worker)
                                .append('-').append(sequence++).append("\",\"body\":\"")
                                .append(TEXTS[(int) (sequence % TEXTS.length)]).append("\"}");
                    }
                    String text = body.append("]}").toString();
                    long now = System.currentTimeMillis() / 1000;
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .header("Animo-Signature", "t=" + now + ",v1=" + hmac(secret, now + "." + text))
                                .POST(HttpRequest.BodyPublishers.ofString(text)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        ok = response.statusCode() == 202 && response.body().contains("\"stored\":" + batch);
                        if (!ok) {
                            firstError.compareAndSet(null, response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        ok = false;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long end = System.nanoTime();
                    if (start >= warmupEnd) {
                        latencies.add(end - start);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        lastEnd.accumulateAndGet(end, Math::max);
                    }
                }
            });
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double seconds = (lastEnd.get() - warmupEnd) / 1e9;
        double rps = seconds > 0 ? sorted.length / seconds : 0;
        if (firstError.get() != null) {
            System.err.println("[ingest] " + name + ": first error: " + firstError.get());
        }
        System.out.printf(Locale.ROOT, "name=%s pushes=%d errors=%d rps=%.1f mentions_per_s=%.1f p50_ms=%.2f"
                + " p99_ms=%.2f%n", name, sorted.length, errors.get(), rps, rps * batch, percentile(sorted, 50),
                percentile(sorted, 99));
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
