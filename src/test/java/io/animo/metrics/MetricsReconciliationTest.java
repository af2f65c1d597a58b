package io.animo.metrics;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.animo.activity.domain.ActivityKind;
import io.animo.metrics.domain.Metric;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every bucket equals what the raw activity rows say, recounted here in Java, independently of the aggregator's SQL:
 * for every tenant, community, granularity, bucket and metric of the database.
 */
@QuarkusTest
class MetricsReconciliationTest {

    @Test
    void everyBucketIsTheCountOfItsActivities() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Reconcile " + UUID.randomUUID()).create().get("id")
                .toString();
        String member = Tokens.of(Tokens.GLOBEX, "member");
        run(member, "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
        String thread = run(member, "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Counting", "body", "We count everything"))).extract().path("data.threadCreate.thread.id");
        for (String body : List.of("What a wonderful release", "This is a disaster", "See you on Monday")) {
            run(member, "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                    .body("data.messagePost.userErrors", empty());
        }

        try (Connection db = aggregatorView()) {
            awaitCaughtUp(db);
            Map<String, Long> recounted = recount(db);
            Map<String, Long> stored = buckets(db);
            assertFalse(recounted.isEmpty());
            assertEquals(recounted, stored);
        }
    }

    /** The app role, seeing every tenant's activities and buckets as the aggregator does. */
    private static Connection aggregatorView() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        try (Statement sql = db.createStatement()) {
            sql.execute("set animo.aggregating = 'on'");
        }
        return db;
    }

    private static void awaitCaughtUp(Connection db) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select count(*) from activity"
                            + " where tx >= (select counted_below from metric_watermark where id = 1)")) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the aggregator did not count the activities within 30 s");
    }

    private static Map<String, Long> recount(Connection db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select tenant_id, community_id, kind, sentiment, occurred_at from activity")) {
            while (rows.next()) {
                String tenant = rows.getString(1);
                String community = rows.getString(2);
                ActivityKind kind = ActivityKind.valueOf(rows.getString(3));
                String sentiment = rows.getString(4);
                ZonedDateTime at = rows.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC);
                List<String> metrics = new java.util.ArrayList<>(Metric.countedFor(kind).stream().map(Enum::name).toList());
                if (sentiment != null) {
                    metrics.add(sentiment);
                }
                for (String metric : metrics) {
                    counts.merge(key(tenant, "MINUTE", community, at.truncatedTo(ChronoUnit.MINUTES).toInstant(), metric), 1L,
                            Long::sum);
                    counts.merge(key(tenant, "HOUR", community, at.truncatedTo(ChronoUnit.HOURS).toInstant(), metric), 1L,
                            Long::sum);
                    counts.merge(key(tenant, "DAY", community, at.truncatedTo(ChronoUnit.DAYS).toInstant(), metric), 1L,
                            Long::sum);
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> buckets(Connection db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select tenant_id, granularity, community_id, bucket_start, metric, value from metric_bucket")) {
            while (rows.next()) {
                counts.put(key(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant(), rows.getString(5)), rows.getLong(6));
            }
        }
        return counts;
    }

    private static String key(String tenant, String granularity, String community, Instant bucket, String metric) {
        return tenant + " " + granularity + " " + community + " " + bucket + " " + metric;
    }
}
