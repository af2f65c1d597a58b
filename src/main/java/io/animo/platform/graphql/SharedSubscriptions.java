package io.animo.platform.graphql;

import static io.smallrye.graphql.JsonProviderHolder.JSON_PROVIDER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.animo.platform.security.KeycloakRealms;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/**
 * Identical live subscriptions share one execution. A subscription whose only root field is one of
 * {@link #SHAREABLE_FIELDS} (their events depend on the tenant and the roles of the caller, never on the person) is
 * keyed by the caller's tenant (the token's realm, or realm and organization), roles, document, operation name and variables; the first
 * subscriber of a key runs it, every event is turned into JSON once and sent to all the subscribers of the key under
 * their own operation ids, and the execution ends with its last subscriber. Twenty thousand dashboards watching one
 * community cost one GraphQL execution per event instead of twenty thousand. A newcomer gets the last event at once.
 * Per-event {@code extensions} (the first subscriber's cost budget) are left out of shared events.
 */
final class SharedSubscriptions {

    static final Set<String> SHAREABLE_FIELDS = Set.of("engagementUpdated");

    private static final Logger LOG = Logger.getLogger(SharedSubscriptions.class);
    private static final int MAX_DOCUMENTS = 1_000;

    private final KeycloakRealms realms;
    private final Map<Key, Group> groups = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> shareableDocuments = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

    SharedSubscriptions(KeycloakRealms realms) {
        this.realms = realms;
    }

    /**
     * One subscriber: where to send, under which operation id, what to do when the execution ends, and the event loop
     * of its socket (writes from there go straight to the socket).
     */
    record Member(Consumer<String> socket, String operationId, Runnable ended, Executor eventLoop) {
    }

    /** What makes two subscriptions give the same events. */
    record Key(String tenant, Set<String> roles, String query, String operationName, String variables) {
    }

    /** The key of a subscribe payload, or null when it is not shareable (it then runs on its own, as usual). */
    Key keyOf(JsonObject payload, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || payload == null
                || !(payload.get("query") instanceof JsonString query)) {
            return null;
        }
        Boolean shareable = shareableDocuments.get(query.getString(), SharedSubscriptions::shareable);
        if (!Boolean.TRUE.equals(shareable)) {
            return null;
        }
        // the tenant, not the issuer: the organizations of the shared realm have one issuer
        String tenant = identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token
                ? realms.tenantKeyOf(token).orElse(null)
                : null;
        if (tenant == null) {
            return null;
        }
        JsonValue operationName = payload.get("operationName");
        JsonValue variables = payload.get("variables");
        return new Key(tenant, new TreeSet<>(identity.getRoles()), query.getString(),
                operationName instanceof JsonString name ? name.getString() : null,
                variables == null || variables == JsonValue.NULL ? "{}" : variables.toString());
    }

    /**
     * Adds the member to the key's group: the first member's {@code start} runs the subscription (it is handed the
     * writer that shares the events), the others get the last event at once.
     */
    void join(Key key, Member member, Consumer<ExecutionResponseWriter> start) {
        boolean[] created = {false};
        Group group = groups.compute(key, (k, existing) -> {
            Group joined = existing == null ? new Group(k) : existing;
            created[0] = existing == null;
            joined.members.add(member);
            return joined;
        });
        if (created[0]) {
            start.accept(group);
        } else {
            String last = group.lastPayload;
            if (last != null) {
                member.socket().accept(next(member.operationId(), last));
            }
        }
    }

    /** The member leaves; the last one to leave ends the execution. */
    void leave(Key key, Member member) {
        groups.computeIfPresent(key, (k, group) -> {
            group.members.remove(member);
            if (group.members.isEmpty()) {
                group.cancel();
                return null;
            }
            return group;
        });
    }

    int executions() {
        return groups.size();
    }

    int subscribers() {
        return groups.values().stream().mapToInt(group -> group.members.size()).sum();
    }

    private static Boolean shareable(String query) {
        try {
            Document document = Parser.parse(query);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            if (operations.size() != 1
                    || operations.get(0).getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
                return false;
            }
            var roots = operations.get(0).getSelectionSet().getSelections();
            return roots.size() == 1 && roots.get(0) instanceof Field field
                    && SHAREABLE_FIELDS.contains(field.getName());
        } catch (RuntimeException e) {
            return false; // not even a document: the usual path reports it
        }
    }

    private static String next(String operationId, String payload) {
        return "{\"id\":" + JSON_PROVIDER.createValue(operationId) + ",\"type\":\"next\",\"payload\":" + payload + "}";
    }

    private static String message(String type, String operationId, String payloadOrNull) {
        return "{\"id\":" + JSON_PROVIDER.createValue(operationId) + ",\"type\":\"" + type + "\""
                + (payloadOrNull == null ? "" : ",\"payload\":" + payloadOrNull) + "}";
    }

    /** The subscribers of one key and the execution they share. */
    private final class Group implements ExecutionResponseWriter, Subscriber<ExecutionResult> {

        final Key key;
        final List<Member> members = new CopyOnWriteArrayList<>();
        final AtomicReference<Subscription> subscription = new AtomicReference<>();
        volatile boolean cancelled;
        volatile String lastPayload;

        Group(Key key) {
            this.key = key;
        }

        // --- the execution's first response: the stream of events, or why there is none

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            if (result != null && result.isDataPresent() && result.getData() instanceof Publisher<?> events) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> stream = (Publisher<ExecutionResult>) events;
                stream.subscribe(this);
                return;
            }
            String errors = result == null
                    ? "[]"
                    : String.valueOf(response.getExecutionResultAsJsonObject().get("errors"));
            end(operationId -> message("error", operationId, errors));
        }

        @Override
        public void fail(Throwable failure) {
            LOG.warnf("A shared subscription could not run: %s", failure.getMessage());
            end(operationId -> message("error", operationId,
                    "[{\"message\":\"The subscription could not run.\",\"extensions\":{\"code\":\"INTERNAL\"}}]"));
        }

        // --- its events

        @Override
        public void onSubscribe(Subscription s) {
            subscription.set(s);
            if (cancelled) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(ExecutionResult result) {
            JsonObject payload = new ExecutionResponse(result).getExecutionResultAsJsonObject();
            String json = JSON_PROVIDER.createObjectBuilder(payload).remove("extensions").build().toString();
            lastPayload = json;
            // each event loop writes to its own sockets, in parallel, with one task each
            Map<Executor, List<Member>> byEventLoop = new HashMap<>();
            for (Member member : members) {
                byEventLoop.computeIfAbsent(member.eventLoop(), loop -> new ArrayList<>()).add(member);
            }
            byEventLoop.forEach((loop, sockets) -> loop.execute(() -> sockets
                    .forEach(member -> member.socket().accept(next(member.operationId(), json)))));
            subscription.get().request(1);
        }

        @Override
        public void onError(Throwable failure) {
            fail(failure);
        }

        @Override
        public void onComplete() {
            end(operationId -> message("complete", operationId, null));
        }

        /** The execution is over: every member gets its last message and the key is free for a new execution. */
        private void end(java.util.function.Function<String, String> lastMessage) {
            groups.remove(key, this);
            for (Member member : members) {
                // through the member's event loop, after the events queued there
                String last = lastMessage.apply(member.operationId());
                member.eventLoop().execute(() -> member.socket().accept(last));
                member.ended().run();
            }
        }

        void cancel() {
            cancelled = true;
            Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }
}
