package io.animo.listening.domain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.animo.platform.net.PublicTargets;

/**
 * Fetches a feed defensively: public addresses only (checked before each fetch: no SSRF), no redirects (a moved feed
 * is reported, not followed), a conditional request (ETag, Last-Modified), a deadline for the whole exchange (a slow
 * or trickling server is cut off), a size limit, and Rome for the parsing. Every failure comes back as a short,
 * readable error; nothing throws.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
            + " text/xml;q=0.9, */*;q=0.5";

    private final Duration timeout;
    private final long maxBytes;
    private final Set<String> allowedHosts;
    private final ExecutorService blocking = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "animo-feeds");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    public FeedFetcher(@ConfigProperty(name = "animo.listening.fetch-timeout", defaultValue = "15s") Duration timeout,
            @ConfigProperty(name = "animo.listening.max-feed-bytes", defaultValue = "5000000") long maxBytes,
            @ConfigProperty(name = "animo.listening.allowed-private-hosts") Optional<Set<String>> allowedHosts) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowedHosts = allowedHosts.orElse(Set.of());
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .executor(blocking).build();
    }

    @PreDestroy
    void close() {
        blocking.shutdownNow();
    }

    /** Why the URL may not be listened to (private network, not http(s)…), or null. Resolves the host: blocking. */
    public String problem(String url) {
        return PublicTargets.problem(url, allowedHosts, false);
    }

    public CompletableFuture<Fetched> fetch(String url, String etag, String lastModified) {
        return CompletableFuture.supplyAsync(() -> problem(url), blocking).thenCompose(problem -> {
            if (problem != null) {
                return CompletableFuture.completedFuture(Fetched.failed(null, "REFUSED: " + problem));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout)
                    .header("Accept", ACCEPT).header("User-Agent", "Animo-Listening/1.0");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(),
                    info -> info.statusCode() == 200
                            ? new LimitedBody(maxBytes)
                            : HttpResponse.BodySubscribers.replacing(new byte[0]));
            return exchange.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .thenApplyAsync(this::read, blocking)
                    .exceptionally(failure -> {
                        exchange.cancel(true);
                        return Fetched.failed(null, describe(failure));
                    });
        });
    }

    private Fetched read(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (status == 304) {
            return Fetched.notModified(etag, lastModified);
        }
        if (status >= 300 && status < 400) {
            return Fetched.failed(status, "REDIRECTED: the feed moved to "
                    + clip(response.headers().firstValue("Location").orElse("an unknown address"))
                    + "; give the source its new URL (redirects are not followed).");
        }
        if (status != 200) {
            return Fetched.failed(status, "HTTP_ERROR: the server answered " + status + ".");
        }
        try {
            List<Entry> entries = FeedEntries.read(response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
            return Fetched.fetched(status, entries, etag, lastModified);
        } catch (Exception e) {
            return Fetched.failed(status, "MALFORMED: not a readable RSS or Atom feed (" + clip(e.getMessage()) + ").");
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                && !(cause instanceof HttpConnectTimeoutException)) {
            return "TIMEOUT: no complete answer within " + timeout.toSeconds() + " s.";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "UNREACHABLE: could not connect within " + timeout.toSeconds() + " s.";
        }
        if (cause instanceof LimitedBody.TooLarge) {
            return "TOO_LARGE: the feed is " + cause.getMessage() + ".";
        }
        return "UNREACHABLE: " + (cause.getMessage() == null || cause.getMessage().isBlank()
                ? "the connection failed"
                : clip(cause.getMessage())) + ".";
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
