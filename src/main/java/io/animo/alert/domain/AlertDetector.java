package io.animo.alert.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.metrics.domain.CountsListener;
import io.animo.metrics.domain.ScopeChange;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.webhook.domain.WebhookEventType;
import io.animo.webhook.domain.WebhookOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Looks for spikes each time the aggregator changed communities' figures: per tenant, in one unit of work, the
 * changed communities' last hour of minutes goes through the {@link SpikeDetector} with the tenant's settings; a spike
 * opens an alert (or updates the open one of its kind) and is announced to every replica.
 */
@ApplicationScoped
public class AlertDetector implements CountsListener {

    private static final Logger LOG = Logger.getLogger(AlertDetector.class);

    private final UnitOfWork units;
    private final AlertRepository alerts;
    private final AlertEvents events;
    private final WebhookOutbox webhooks;

    public AlertDetector(UnitOfWork units, AlertRepository alerts, AlertEvents events, WebhookOutbox webhooks) {
        this.units = units;
        this.alerts = alerts;
        this.events = events;
        this.webhooks = webhooks;
    }

    @Override
    public Uni<Void> counted(List<ScopeChange> changes) {
        Map<UUID, List<UUID>> byTenant = new LinkedHashMap<>();
        changes.forEach(change -> byTenant.computeIfAbsent(change.tenantId(), tenant -> new ArrayList<>())
                .add(change.communityId()));
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, List<UUID>> tenant : byTenant.entrySet()) {
            all = all.call(() -> units.inTenant(tenant.getKey(), tx -> detect(tx, tenant.getValue()))
                    .onFailure().invoke(failure -> LOG.warnf("Spike detection of tenant %s failed: %s", tenant.getKey(),
                            failure.getMessage()))
                    .onFailure().recoverWithNull());
        }
        return all;
    }

    private Uni<Void> detect(Tx tx, List<UUID> communities) {
        return tx.sql().query("select date_trunc('minute', now())").execute()
                .map(rows -> Rows.first(rows, row -> Rows.instant(row, 0)))
                .chain(minute -> Uni.combine().all().unis(alerts.settings(tx), alerts.recentMinutes(tx, communities, minute))
                        .asTuple()
                        .chain(found -> {
                            Uni<Void> recorded = Uni.createFrom().voidItem();
                            for (var community : found.getItem2().entrySet()) {
                                for (SpikeDetector.Spike spike : SpikeDetector.spikes(community.getValue(), found.getItem1())) {
                                    recorded = recorded.call(() -> record(tx, community.getKey(), minute, spike));
                                }
                            }
                            return recorded;
                        }));
    }

    private Uni<Void> record(Tx tx, UUID communityId, Instant minute, SpikeDetector.Spike spike) {
        return alerts.recordSpike(tx, communityId, minute, spike).chain(recorded -> recorded == null
                ? Uni.createFrom().voidItem()
                : alerts.findInTenant(tx.tenantId(), recorded.id()).chain(alert -> {
                    LOG.logf(recorded.raised() ? Logger.Level.INFO : Logger.Level.DEBUG,
                            "%s in community %s of tenant %s: %.2f against a baseline of %.2f", spike.kind(), communityId,
                            tx.tenantId(), spike.observed(), spike.baseline());
                    return events.publish(tx, recorded.raised() ? AlertChange.RAISED : AlertChange.UPDATED, alert)
                            .call(() -> recorded.raised()
                                    ? webhooks.announce(tx, WebhookEventType.ALERT_RAISED, webhookData(alert))
                                    : Uni.createFrom().voidItem());
                }));
    }

    private static JsonObject webhookData(AlertEntity alert) {
        return new JsonObject().put("alertId", GlobalId.encode("Alert", alert.id))
                .put("communityId", GlobalId.encode("Community", alert.communityId)).put("kind", alert.kind.name())
                .put("minute", alert.minute.toString()).put("observed", alert.observed).put("baseline", alert.baseline)
                .put("deviation", alert.deviation);
    }
}
