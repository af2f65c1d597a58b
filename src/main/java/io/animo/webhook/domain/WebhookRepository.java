package io.animo.webhook.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A tenant's endpoints and deliveries (the dispatcher's cross-tenant queries are in {@link WebhookDispatcher}). */
@ApplicationScoped
public class WebhookRepository {

    private static final String DELIVERY = "id, endpoint_id, event_type, status, attempts, last_status, last_error,"
            + " created_at, next_attempt_at, delivered_at";

    Uni<Void> insertEndpoint(Tx tx, UUID id, String url, String secret, List<String> eventTypes) {
        return tx.sql().preparedQuery("insert into webhook_endpoint (tenant_id, id, url, secret, event_types, created_at)"
                + " values ($1, $2, $3, $4, $5, now())")
                .execute(Tuple.of(tx.tenantId(), id, url, secret, eventTypes.toArray(String[]::new))).replaceWithVoid();
    }

    Uni<List<WebhookEndpoint>> endpoints(Tx tx) {
        return tx.sql().preparedQuery("select id, url, event_types, created_at from webhook_endpoint"
                + " where tenant_id = $1 and deleted_at is null order by created_at, id").execute(Tuple.of(tx.tenantId()))
                .map(rows -> Rows.all(rows, WebhookRepository::endpoint));
    }

    Uni<WebhookEndpoint> endpoint(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select id, url, event_types, created_at from webhook_endpoint"
                + " where tenant_id = $1 and id = $2 and deleted_at is null").execute(Tuple.of(tx.tenantId(), id))
                .map(rows -> Rows.first(rows, WebhookRepository::endpoint));
    }

    /** Deleted endpoints keep their deliveries (the log) but get no new ones; pending ones are dropped. */
    Uni<Void> deleteEndpoint(Tx tx, UUID id) {
        return tx.sql().preparedQuery("update webhook_endpoint set deleted_at = now() where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id))
                .chain(() -> tx.sql().preparedQuery("update webhook_delivery set status = 'FAILED',"
                        + " last_error = 'The endpoint was deleted.' where tenant_id = $1 and endpoint_id = $2"
                        + " and status = 'PENDING'").execute(Tuple.of(tx.tenantId(), id)))
                .replaceWithVoid();
    }

    /** One delivery per live endpoint of the tenant that listens to {@code type} (or to {@code only}, when given). */
    Uni<Void> enqueue(Tx tx, String type, String payload, UUID only) {
        return tx.sql().preparedQuery("insert into webhook_delivery (tenant_id, id, endpoint_id, event_type, payload,"
                + " status, next_attempt_at, created_at)"
                + " select tenant_id, gen_random_uuid(), id, $2, $3, 'PENDING', now(), now() from webhook_endpoint"
                + " where tenant_id = $1 and deleted_at is null and ($4::uuid is null and $2 = any(event_types)"
                + "  or id = $4) order by created_at")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), type, payload, only))).replaceWithVoid();
    }

    Uni<List<WebhookDelivery>> deliveries(Tx tx, UUID endpointId, int limit) {
        return tx.sql().preparedQuery("select " + DELIVERY + " from webhook_delivery where tenant_id = $1"
                + " and endpoint_id = $2 order by seq desc limit $3").execute(Tuple.of(tx.tenantId(), endpointId, limit))
                .map(rows -> Rows.all(rows, WebhookRepository::delivery));
    }

    private static WebhookEndpoint endpoint(Row row) {
        return new WebhookEndpoint(row.getUUID(0), row.getString(1), List.of(row.getArrayOfStrings(2)),
                Rows.instant(row, 3));
    }

    private static WebhookDelivery delivery(Row row) {
        return new WebhookDelivery(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3),
                row.getInteger(4), row.getInteger(5), row.getString(6), Rows.instant(row, 7), Rows.instant(row, 8),
                Rows.instant(row, 9));
    }
}
