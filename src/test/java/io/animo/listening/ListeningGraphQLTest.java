package io.animo.listening;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.net.WebhookSignature;
import io.animo.support.ActivityLog;
import io.animo.support.Eventually;
import io.animo.support.GraphQL;
import io.animo.support.TenantConnection;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Listening: feeds polled from a local HTTP server (RSS 2.0, Atom), hostile feeds, and signed inbound webhooks. */
@QuarkusTest
class ListeningGraphQLTest {

    private static final String ADD = "mutation($input: ListeningSourceAddInput!) { listeningSourceAdd(input: $input) {"
            + " source { id kind status webhookPath } webhookSecret userErrors { field code message } } }";
    private static final String POLL = "mutation($id: ID!) { listeningSourcePoll(input: {id: $id}) {"
            + " userErrors { code } } }";
    private static final String PAUSE = "mutation($id: ID!) { listeningSourcePause(input: {id: $id}) {"
            + " source { status } userErrors { code } } }";
    private static final String SOURCE = "query($id: ID!) { listeningSource(id: $id) { id status mentions positive"
            + " lastError consecutiveFailures lastPolledAt nextPollAt"
            + " latestMentions(first: 50) { title body language sentiment url author }"
            + " fetches { outcome httpStatus newMentions error } } }";
    private static final String SOURCES = "{ listeningSources(orderBy: VOLUME) { id mentions } }";

    private HttpServer feeds;
    private final Map<String, String> rss = new ConcurrentHashMap<>();
    private final List<String> conditional = new CopyOnWriteArrayList<>();
    private volatile boolean brokenFixed;

    @BeforeEach
    void startFeeds() throws IOException {
        feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-feeds");
            thread.setDaemon(true);
            return thread;
        }));
        feeds.createContext("/rss/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(5);
            String version = rss.getOrDefault(name + ".version", "1");
            String etag = "\"" + name + "-v" + version + "\"";
            String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(asked)) {
                conditional.add(name);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            send(exchange, 200, "application/rss+xml; charset=utf-8", rss.getOrDefault(name, rss(name, 1, 2))
                    .getBytes(StandardCharsets.UTF_8));
        });
        feeds.createContext("/atom", exchange -> send(exchange, 200, "application/atom+xml", (""
                + "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Forum</title><id>urn:forum</id>"
                + "<updated>2026-12-01T10:00:00Z</updated>"
                + "<entry><id>urn:forum:1</id><title>Très bon produit</title><updated>2026-12-01T10:00:00Z</updated>"
                + "<author><name>Élodie</name></author>"
                + "<content type=\"html\">&lt;p&gt;J'adore cette application, elle est géniale !&lt;/p&gt;</content>"
                + "</entry>"
                + "<entry><id>urn:forum:2</id><title>Bug</title><updated>2026-12-01T11:00:00Z</updated>"
                + "<summary>L'application plante tout le temps, c'est nul.</summary></entry></feed>")
                .getBytes(Charset.forName("ISO-8859-1"))));
        feeds.createContext("/broken", exchange -> send(exchange, 200, "application/rss+xml", brokenFixed
                ? rss("broken", 1, 1).getBytes(StandardCharsets.UTF_8)
                : "<rss version=\"2.0\"><channel><title>Half<item><title>cut".getBytes(StandardCharsets.UTF_8)));
        feeds.createContext("/slow", exchange -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "application/rss+xml", rss("slow", 1, 1).getBytes(StandardCharsets.UTF_8));
        });
        feeds.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        feeds.createContext("/huge", exchange -> send(exchange, 200, "application/rss+xml",
                ("<rss version=\"2.0\"><channel><title>" + "x".repeat(400_000) + "</title></channel></rss>")
                        .getBytes(StandardCharsets.UTF_8)));
        feeds.createContext("/doctype", exchange -> send(exchange, 200, "application/rss+xml", ("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8)));
        feeds.start();
    }

    @AfterEach
    void stopFeeds() {
        feeds.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** RSS 2.0 with items first..last of a feed. */
    private static String rss(String name, int first, int last) {
        StringBuilder items = new StringBuilder();
        for (int i = first; i <= last; i++) {
            items.append("<item><guid>").append(name).append("-").append(i).append("</guid><title>Post ").append(i)
                    .append("</title><link>https://blog.example/").append(name).append("/").append(i)
                    .append("</link><description>&lt;b&gt;I love&lt;/b&gt; this great product, number ").append(i)
                    .append("</description><pubDate>Tue, 01 Dec 2026 10:0").append(i % 10)
                    .append(":00 GMT</pubDate></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + name
                + "</title><link>https://blog.example</link><description>d</description>" + items
                + "</channel></rss>";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + feeds.getAddress().getPort() + path;
    }

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private static ValidatableResponse call(String token, String document, Map<String, Object> variables) {
        return GraphQL.raw(token, document, variables).then().statusCode(200);
    }

    private static String add(String community, String kind, String name, String url) {
        Map<String, Object> input = new HashMap<>(Map.of("kind", kind, "name", name, "communityId", community,
                "tags", List.of("press"), "reach", 1000));
        if (url != null) {
            input.put("url", url);
        }
        return call(globex("manager"), ADD, vars("input", input)).body("errors", nullValue())
                .body("data.listeningSourceAdd.userErrors", empty()).extract().path("data.listeningSourceAdd.source.id");
    }

    private static Map<String, Object> source(String id) {
        return call(globex("analyst"), SOURCE, vars("id", id)).body("errors", nullValue()).extract()
                .path("data.listeningSource");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> source, String field) {
        return (List<Map<String, Object>>) source.get(field);
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        Eventually.await(done, what, java.time.Duration.ofSeconds(30));
    }

    @Test
    void feedsArePolledConditionallyAndEachEntryIsStoredOnce() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Listening " + UUID.randomUUID()).create().get("id")
                .toString();
        String feed = add(community, "BLOG", "Product blog", url("/rss/blog"));
        await(() -> list(source(feed), "latestMentions").size() == 2, "the two entries of the feed");
        Map<String, Object> first = source(feed);
        assertEquals("FETCHED", list(first, "fetches").get(0).get("outcome"));
        assertEquals(2, list(first, "fetches").get(0).get("newMentions"));
        Map<String, Object> entry = list(first, "latestMentions").get(0);
        assertTrue(((String) entry.get("body")).startsWith("I love this great product"), entry.toString());
        assertEquals("POSITIVE", entry.get("sentiment"));

        // polled again: the server's ETag is honoured
        call(globex("manager"), POLL, vars("id", feed)).body("data.listeningSourcePoll.userErrors", empty());
        await(() -> list(source(feed), "fetches").size() == 2, "the second fetch");
        assertEquals("NOT_MODIFIED", list(source(feed), "fetches").get(0).get("outcome"));
        assertTrue(conditional.contains("blog"));

        // a new version repeats an old entry: only the new one is stored
        rss.put("blog", rss("blog", 2, 3));
        rss.put("blog.version", "2");
        call(globex("manager"), POLL, vars("id", feed)).body("data.listeningSourcePoll.userErrors", empty());
        await(() -> list(source(feed), "fetches").size() == 3, "the third fetch");
        Map<String, Object> third = source(feed);
        assertEquals(1, list(third, "fetches").get(0).get("newMentions"));
        assertEquals(3, list(third, "latestMentions").size());

        // Atom, in ISO-8859-1: read in its own encoding, in French
        String atom = add(community, "FORUM", "Forum", url("/atom"));
        await(() -> list(source(atom), "latestMentions").size() == 2, "the two Atom entries");
        List<Map<String, Object>> french = list(source(atom), "latestMentions");
        Map<String, Object> praise = french.stream().filter(m -> "Très bon produit".equals(m.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError(french.toString()));
        assertEquals("J'adore cette application, elle est géniale !", praise.get("body"));
        assertEquals("Élodie", praise.get("author"));
        assertEquals("fr", praise.get("language"));

        // mentions count in the community's metrics, never as its content
        await(() -> Collections.frequency(ActivityLog.kinds(Tokens.GLOBEX, community), "MENTION_INGESTED") == 5,
                "five mention activities");
        call(globex("analyst"), SOURCES, Map.of()).body("data.listeningSources.id", org.hamcrest.Matchers.hasItems(feed,
                atom));

        // another tenant sees none of it and changes nothing; members may not read it
        String acme = Tokens.of(Tokens.ACME, "admin");
        call(acme, SOURCE, vars("id", feed)).body("errors", nullValue()).body("data.listeningSource", nullValue());
        call(acme, SOURCES, Map.of()).body("data.listeningSources.id", not(org.hamcrest.Matchers.hasItem(feed)));
        call(acme, PAUSE, vars("id", feed)).body("data.listeningSourcePause.userErrors[0].code", equalTo("NOT_FOUND"));
        call(acme, POLL, vars("id", feed)).body("data.listeningSourcePoll.userErrors[0].code", equalTo("NOT_FOUND"));
        call(acme, ADD, vars("input", Map.of("kind", "FEED", "name", "x", "url", url("/rss/acme"), "communityId",
                community))).body("data.listeningSourceAdd.userErrors[0].code", equalTo("NOT_FOUND"));
        call(globex("member"), SOURCE, vars("id", feed)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        call(globex("manager"), PAUSE, vars("id", feed)).body("data.listeningSourcePause.source.status",
                equalTo("PAUSED"));
    }

    @Test
    void hostileFeedsAreRecordedAsErrorsAndDelayNoOtherFeed() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Hostile " + UUID.randomUUID()).create().get("id")
                .toString();
        for (String refused : List.of("http://10.1.2.3/feed", "http://169.254.169.254/latest/meta-data",
                "file:///etc/passwd", "ftp://example.com/feed")) {
            call(globex("manager"), ADD, vars("input", Map.of("kind", "FEED", "name", "x", "url", refused,
                    "communityId", community))).body("data.listeningSourceAdd.source", nullValue())
                    .body("data.listeningSourceAdd.userErrors[0].code", equalTo("REFUSED_URL"));
        }
        call(globex("manager"), ADD, vars("input", Map.of("kind", "FEED", "name", "x", "communityId", community)))
                .body("data.listeningSourceAdd.userErrors[0].code", equalTo("REQUIRED"));

        String slow = add(community, "FEED", "Slow", url("/slow"));
        String broken = add(community, "FEED", "Broken", url("/broken"));
        String moved = add(community, "FEED", "Moved", url("/moved"));
        String huge = add(community, "FEED", "Huge", url("/huge"));
        String doctype = add(community, "FEED", "Doctype", url("/doctype"));
        String fast = add(community, "FEED", "Fast", url("/rss/fast"));
        Instant added = Instant.now();

        // the fast feed is read while the slow one is still being waited for
        await(() -> list(source(fast), "latestMentions").size() == 2, "the fast feed");
        assertTrue(list(source(slow), "fetches").isEmpty(), "the slow feed is still pending when the fast one is in");

        await(() -> source(slow).get("lastError") != null, "the slow feed's timeout");
        assertTrue(((String) source(slow).get("lastError")).startsWith("TIMEOUT"), source(slow).toString());
        assertTrue(Instant.now().isAfter(added));
        Map<String, String> expected = Map.of(broken, "MALFORMED", moved, "REDIRECTED", huge, "TOO_LARGE", doctype,
                "MALFORMED");
        for (Map.Entry<String, String> each : expected.entrySet()) {
            await(() -> source(each.getKey()).get("lastError") != null, each.getValue());
            Map<String, Object> failed = source(each.getKey());
            assertTrue(((String) failed.get("lastError")).startsWith(each.getValue()), failed.toString());
            assertEquals(1, failed.get("consecutiveFailures"));
            assertEquals("FAILED", list(failed, "fetches").get(0).get("outcome"));
            assertTrue(list(failed, "latestMentions").isEmpty());
            assertTrue(Instant.parse((String) failed.get("nextPollAt")).isAfter(Instant.now().plusSeconds(60)),
                    "backs off: " + failed);
        }

        // fixed: the next poll brings its entries in, nothing lost
        brokenFixed = true;
        call(globex("manager"), POLL, vars("id", broken)).body("data.listeningSourcePoll.userErrors", empty());
        await(() -> list(source(broken), "latestMentions").size() == 1, "the fixed feed's entry");
        assertEquals(0, source(broken).get("consecutiveFailures"));
    }

    @Test
    void webhookSourcesTakeSignedPushesOnceAndRefuseTheRest() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Pushed " + UUID.randomUUID()).create().get("id")
                .toString();
        String term = "zorblax" + Long.toString(System.nanoTime(), 36);
        call(globex("manager"), "mutation($t: String!) { trackedTermAdd(input: {term: $t}) { userErrors { code } } }",
                vars("t", term)).body("data.trackedTermAdd.userErrors", empty());
        var added = call(globex("manager"), ADD, vars("input", Map.of("kind", "WEBHOOK", "name", "Partner app",
                "communityId", community))).body("data.listeningSourceAdd.userErrors", empty()).extract();
        String id = added.path("data.listeningSourceAdd.source.id");
        String secret = added.path("data.listeningSourceAdd.webhookSecret");
        String path = added.path("data.listeningSourceAdd.source.webhookPath");
        assertTrue(secret.startsWith("lsn_"));
        // another tenant's webhook source, with its own secret
        String acmeCommunity = aCommunity().in(Tokens.ACME).named("Acme pushed " + UUID.randomUUID()).create()
                .get("id").toString();
        var acmeAdded = call(Tokens.of(Tokens.ACME, "admin"), ADD, vars("input", Map.of("kind", "WEBHOOK", "name",
                "Acme app", "communityId", acmeCommunity))).body("data.listeningSourceAdd.userErrors", empty())
                .extract();
        String acmeSecret = acmeAdded.path("data.listeningSourceAdd.webhookSecret");
        String acmePath = acmeAdded.path("data.listeningSourceAdd.source.webhookPath");
        String body = "{\"mentions\": [{\"id\": \"m1\", \"body\": \"The new " + term + " release is wonderful\","
                + " \"author\": \"@fan\", \"publishedAt\": \"2026-12-01T10:00:00Z\"},"
                + " {\"id\": \"m2\", \"body\": \"I hate waiting\", \"url\": \"https://social.example/2\"}]}";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.header(secret, now, body);

        push(path, signature, body).statusCode(202).body("received", equalTo(2)).body("stored", equalTo(2));
        push(path, signature, body).statusCode(409).body("errors[0].extensions.code", equalTo("REPLAYED"));
        push(path, WebhookSignature.header(secret, now + 1, body), body).statusCode(202).body("stored", equalTo(0));
        push(path, WebhookSignature.header("lsn_wrong", now, body), body).statusCode(401)
                .body("errors[0].extensions.code", equalTo("BAD_SIGNATURE"));
        push(path, WebhookSignature.header(secret, now - 600, body), body).statusCode(401);
        push(path, null, body).statusCode(401);
        String junk = "{\"mentions\": [{\"body\": \"no id\"}]}";
        push(path, WebhookSignature.header(secret, now, junk), junk).statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        push("/listening/webhooks/not-an-id", signature, body).statusCode(404);
        // one tenant's secret opens no other tenant's source, either way
        push(path, WebhookSignature.header(acmeSecret, now, body), body).statusCode(401);
        push(acmePath, WebhookSignature.header(secret, now, body), body).statusCode(401);

        // pushes at once, each with new mentions: every one is taken (none waits on another's housekeeping)
        List<Integer> statuses = io.animo.support.Parallel
                .run(java.util.stream.IntStream.range(0, 20).<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> {
                    String each = "{\"mentions\": [{\"id\": \"burst-" + i + "\", \"body\": \"Burst " + i + "\"}]}";
                    return push(path, WebhookSignature.header(secret, now, each), each).extract().statusCode();
                }).toList());
        assertEquals(Collections.nCopies(20, 202), statuses);

        Map<String, Object> source = source(id);
        assertEquals(22, list(source, "latestMentions").size());
        assertEquals("RECEIVED", list(source, "fetches").get(0).get("outcome"));
        call(Tokens.of(Tokens.ACME, "admin"), SOURCE, vars("id", id)).body("data.listeningSource", nullValue());

        // the tracked term is found in the pushed mention
        await(() -> {
            List<Map<String, Object>> terms = call(globex("analyst"), "{ trackedTerms { term mentions } }", Map.of())
                    .extract().path("data.trackedTerms");
            return terms.stream().anyMatch(t -> term.equals(t.get("term")) && ((Number) t.get("mentions")).intValue() == 1);
        }, "the tracked term's mention");

        // a paused source refuses pushes
        call(globex("manager"), PAUSE, vars("id", id)).body("data.listeningSourcePause.userErrors", empty());
        String later = "{\"mentions\": [{\"id\": \"m3\", \"body\": \"more\"}]}";
        push(path, WebhookSignature.header(secret, now, later), later).statusCode(404);
        assertTrue(path.startsWith("/listening/webhooks/"));
    }

    @Test
    void aFeedLeasedByAnotherReplicaIsNotPolledHereUntilTheLeaseEnds() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Leased " + UUID.randomUUID()).create().get("id")
                .toString();
        String feed = add(community, "FEED", "Leased", url("/rss/leased"));
        await(() -> list(source(feed), "fetches").size() == 1, "the first fetch");
        // another replica holds the source's lease: due or not, this one leaves it alone
        lease(feed, "now() + interval '1 hour'");
        call(globex("manager"), POLL, vars("id", feed)).body("data.listeningSourcePoll.userErrors", empty());
        Thread.sleep(2_000);
        assertEquals(1, list(source(feed), "fetches").size(), "not polled while another replica holds it");
        // that replica died: its lease runs out, and the source is polled here
        lease(feed, "now() - interval '1 second'");
        await(() -> list(source(feed), "fetches").size() == 2, "the poll once the lease ran out");
        assertEquals("NOT_MODIFIED", list(source(feed), "fetches").get(0).get("outcome"));
        // another tenant cannot resume, pause or poll it
        String acme = Tokens.of(Tokens.ACME, "admin");
        call(acme, "mutation($id: ID!) { listeningSourceResume(input: {id: $id}) { userErrors { code } } }",
                vars("id", feed)).body("data.listeningSourceResume.userErrors[0].code", equalTo("NOT_FOUND"));
    }

    private static void lease(String source, String until) throws Exception {
        try (TenantConnection tenant = TenantConnection.open(Tokens.GLOBEX);
                var update = tenant.db().prepareStatement("update listening_source set lease_until = " + until
                        + " where id = ?")) {
            update.setObject(1, GlobalId.decode(source, "ListeningSource").orElseThrow());
            assertEquals(1, update.executeUpdate());
            tenant.db().commit();
        }
    }

    private static io.restassured.response.ValidatableResponse push(String path, String signature, String body) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request = request.header(WebhookSignature.HEADER, signature);
        }
        return request.post(path).then();
    }
}
