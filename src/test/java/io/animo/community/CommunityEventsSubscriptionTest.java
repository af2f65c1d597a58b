package io.animo.community;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.document;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.animo.community.domain.CommunityChangeType;
import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityEvents;
import io.animo.community.domain.CommunityStatus;
import io.animo.community.domain.CommunityVisibility;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class CommunityEventsSubscriptionTest {

    @Test
    void subscriberReceivesCreatedAndUpdatedEventsOfItsTenant() throws Exception {
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "member"))) {
            socket.awaitAck();
            socket.subscribe("1", document("communityEvents"));
            Thread.sleep(300); // the subscription is registered asynchronously

            Map<String, Object> created = aCommunity().in(Tokens.ACME).named("Live one").create();
            JsonObject first = awaitEventFor(socket, created.get("id"));
            assertEquals("CREATED", first.getString("type"));
            assertEquals("Live one", first.getJsonObject("community").getString("name"));

            run(Tokens.of(Tokens.ACME, "manager"), "communityUpdate",
                    vars("input", Map.of("id", created.get("id"), "version", 0, "name", "Live two")));
            JsonObject second = awaitEventFor(socket, created.get("id"));
            assertEquals("UPDATED", second.getString("type"));
            assertEquals("Live two", second.getJsonObject("community").getString("name"));
            assertEquals(1, second.getJsonObject("community").getInteger("version"));
        }
    }

    @Test
    void otherTenantSubscriberNeverReceivesTheEvents() throws Exception {
        try (GraphQLWebSocket globex = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "admin"))) {
            globex.awaitAck();
            globex.subscribe("1", document("communityEvents"));
            Thread.sleep(300);

            aCommunity().in(Tokens.ACME).named("Acme only").create();
            Map<String, Object> own = aCommunity().in(Tokens.GLOBEX).named("Globex own").create();
            // acme's change committed first: had it leaked, it would be the first event here
            JsonObject first = globex.nextData(10);
            assertNotNull(first, "globex received nothing");
            assertEquals(own.get("id"), idOf(first));
            assertNull(globex.nextData(1), "no further event expected");
        }
    }

    @Test
    void changeCommittedByAnotherReplicaReachesSubscribers() throws Exception {
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "analyst"))) {
            socket.awaitAck();
            socket.subscribe("1", document("communityEvents"));
            Thread.sleep(300);

            // another replica is another process on the same database: it writes and notifies in one transaction
            UUID id = writeAsAnotherReplica(Tokens.ACME, "Written elsewhere");
            JsonObject event = awaitEventFor(socket, io.animo.platform.graphql.GlobalId.encode("Community", id));
            assertEquals("CREATED", event.getString("type"));
            assertEquals("Written elsewhere", event.getJsonObject("community").getString("name"));
        }
    }

    @Test
    void subscriptionNeedsAValidToken() throws Exception {
        try (GraphQLWebSocket forged = GraphQLWebSocket.open("not.a.token")) {
            JsonObject answer = forged.next(10);
            assertNotNull(answer);
            assertEquals("closed", answer.getString("type"));
            assertEquals(4403, answer.getInteger("code"));
        }
        try (GraphQLWebSocket anonymous = GraphQLWebSocket.open(null)) {
            anonymous.awaitAck();
            anonymous.subscribe("1", document("communityEvents"));
            JsonObject answer = anonymous.next(10);
            assertNotNull(answer);
            assertEquals("error", answer.getString("type"), answer.encode());
            assertEquals("UNAUTHENTICATED",
                    answer.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"));
        }
    }

    private static JsonObject awaitEventFor(GraphQLWebSocket socket, Object communityId) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            JsonObject payload = socket.nextData(10);
            assertNotNull(payload, "no event arrived");
            if (communityId.equals(idOf(payload))) {
                return payload.getJsonObject("data").getJsonObject("communityEvents");
            }
        }
        throw new AssertionError("no event for " + communityId);
    }

    private static String idOf(JsonObject payload) {
        return payload.getJsonObject("data").getJsonObject("communityEvents").getJsonObject("community").getString("id");
    }

    private static UUID writeAsAnotherReplica(String realm, String name) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            UUID tenantId;
            try (PreparedStatement find = db.prepareStatement("select id from tenant where realm = ?")) {
                find.setString(1, realm);
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    tenantId = rows.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement declare = db.prepareStatement("select set_config('animo.tenant_id', ?, true)")) {
                declare.setString(1, tenantId.toString());
                declare.executeQuery().close();
            }
            CommunityEntity community = new CommunityEntity();
            community.id = UUID.randomUUID();
            community.tenantId = tenantId;
            community.slug = "elsewhere-" + community.id.toString().substring(0, 8);
            community.name = name;
            community.visibility = CommunityVisibility.PUBLIC;
            community.status = CommunityStatus.ACTIVE;
            community.createdBySubject = "replica-2";
            community.createdByName = "Replica two";
            community.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            community.updatedAt = community.createdAt;
            try (PreparedStatement insert = db.prepareStatement("insert into community (tenant_id, id, slug, name, sort_name,"
                    + " visibility, status, created_by_subject, created_by_name, created_at, updated_at, version)"
                    + " values (?, ?, ?, ?, lower(?), 'PUBLIC', 'ACTIVE', ?, ?, now(), now(), 0)")) {
                insert.setObject(1, tenantId);
                insert.setObject(2, community.id);
                insert.setString(3, community.slug);
                insert.setString(4, name);
                insert.setString(5, name);
                insert.setString(6, community.createdBySubject);
                insert.setString(7, community.createdByName);
                insert.executeUpdate();
            }
            try (PreparedStatement notify = db.prepareStatement("select pg_notify('animo_community', ?)")) {
                notify.setString(1, CommunityEvents.toJson(CommunityChangeType.CREATED, community).encode());
                notify.executeQuery().close();
            }
            db.commit();
            return community.id;
        }
    }
}
