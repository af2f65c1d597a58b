package io.animo.metrics;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.History.Past.of;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.platform.graphql.GlobalId;
import io.animo.support.History;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The CSV export: the figures of the engagement query, streamed over any range, refused before the first byte. */
@QuarkusTest
class EngagementExportTest {

    private static final String PATH = "/exports/engagement.csv";

    @Test
    void daysOfACommunityAsCsv() throws InterruptedException {
        String community = aCommunity().in(Tokens.GLOBEX).named("Export " + UUID.randomUUID()).createId();
        UUID member = UUID.randomUUID();
        History.record(Tokens.GLOBEX, GlobalId.decode(community, "Community").orElseThrow(), List.of(
                of(member, "MESSAGE_POSTED", "2026-01-01T09:00:00Z"), of(member, "REPLY_POSTED", "2026-01-01T10:00:00Z"),
                of(UUID.randomUUID(), "REACTION_ADDED", "2026-01-03T23:59:00Z")));
        Map<String, Object> days = Map.of("communityId", community, "from", "2026-01-01T00:00:00Z", "to",
                "2026-01-04T00:00:00Z", "granularity", "DAY");

        String[] lines = awaitCsv(days, "2026-01-03T00:00:00Z", "reactions", 1);
        assertEquals(4, lines.length, "a header and three days");
        List<String> header = Arrays.asList(lines[0].split(","));
        assertEquals("start", header.get(0));
        assertEquals(List.of("2", "0", "0"), column(lines, header, "messages"));
        assertEquals(List.of("1", "0", "0"), column(lines, header, "replies"));
        assertEquals(List.of("0", "0", "1"), column(lines, header, "reactions"));
        assertEquals(List.of("1", "0", "1"), column(lines, header, "active_members"));
        assertEquals(List.of("", "", ""), column(lines, header, "median_first_reply_seconds"));
        assertEquals(List.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"),
                Arrays.stream(lines).skip(1).map(line -> line.split(",")[0]).toList());

        // any range: 100 days of hours are streamed in several slices, every hour once
        String hours = as(Tokens.of(Tokens.GLOBEX, "manager")).queryParams(Map.of("communityId", community, "from",
                "2025-10-01T00:00:00Z", "to", "2026-01-09T00:00:00Z", "granularity", "HOUR"))
                .when().get(PATH).then().statusCode(200).extract().asString();
        String[] hourLines = hours.split("\r\n");
        assertEquals(1 + 100 * 24, hourLines.length);
        List<String> hourHeader = Arrays.asList(hourLines[0].split(","));
        String[] hourRows = Arrays.copyOfRange(hourLines, 1, hourLines.length);
        assertEquals(2, sum(hourRows, hourHeader, "messages"));
        assertEquals(1, sum(hourRows, hourHeader, "reactions"));
        assertEquals("2025-10-01T00:00:00Z", hourRows[0].split(",")[0]);
        assertEquals("2026-01-08T23:00:00Z", hourRows[hourRows.length - 1].split(",")[0]);
    }

    @Test
    void refusalsComeBeforeTheFirstByteWithACode() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Export refusals " + UUID.randomUUID()).createId();
        Map<String, Object> query = Map.of("communityId", community, "from", "2026-01-01T00:00:00Z", "to",
                "2026-01-02T00:00:00Z", "granularity", "DAY");
        given().queryParams(query).when().get(PATH).then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        as(Tokens.of(Tokens.GLOBEX, "member")).queryParams(query).when().get(PATH).then().statusCode(403)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        as(Tokens.of(Tokens.ACME, "analyst")).queryParams(query).when().get(PATH).then().statusCode(404)
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        as(Tokens.of(Tokens.GLOBEX, "analyst")).queryParams(Map.of("from", "2026-01-01T00:00:00Z", "to",
                "2026-01-02T00:00:00Z", "granularity", "FORTNIGHT")).when().get(PATH).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        as(Tokens.of(Tokens.GLOBEX, "analyst")).queryParams(Map.of("from", "2026-01-02T00:00:00Z", "to",
                "2026-01-01T00:00:00Z", "granularity", "DAY")).when().get(PATH).then().statusCode(400)
                .body("errors[0].message", startsWith("from must be before to"));
        as(Tokens.of(Tokens.GLOBEX, "analyst")).queryParams(Map.of("to", "2026-01-01T00:00:00Z", "granularity", "DAY"))
                .when().get(PATH).then().statusCode(400)
                .body("errors[0].message", equalTo("The query parameter from is required."));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** The CSV once the aggregator counted the fixture: {@code metric} of the row starting at {@code start} is there. */
    private static String[] awaitCsv(Map<String, Object> query, String start, String metric, int value)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            String csv = as(Tokens.of(Tokens.GLOBEX, "analyst")).queryParams(query).when().get(PATH).then()
                    .statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
            String[] lines = csv.split("\r\n");
            List<String> header = Arrays.asList(lines[0].split(","));
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                if (cells[0].equals(start) && cells[header.indexOf(metric)].equals(String.valueOf(value))) {
                    return lines;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("never counted: " + csv);
            }
            Thread.sleep(300);
        }
    }

    private static long sum(String[] rows, List<String> header, String name) {
        int index = header.indexOf(name);
        return Arrays.stream(rows).mapToLong(row -> Long.parseLong(row.split(",", -1)[index])).sum();
    }

    private static List<String> column(String[] lines, List<String> header, String name) {
        int index = header.indexOf(name);
        return Arrays.stream(lines).skip(1).map(line -> line.split(",", -1)[index]).toList();
    }
}
