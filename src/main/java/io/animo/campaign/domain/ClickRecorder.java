package io.animo.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores clicks with a group commit: one transaction at a time writes every click that arrived while the previous
 * one was being written (up to {@value #BATCH}), so a burst of clicks costs a few transactions, not one each, and a
 * click is answered only once it is stored. Each click is also an activity of the link's community, so the metrics
 * count it (CLICKS) and live subscriptions see it. Past {@value #MAX_PENDING} clicks waiting, more are not recorded
 * (the visitor is still sent on): a flood of clicks cannot exhaust memory or the pool.
 */
@ApplicationScoped
public class ClickRecorder {

    private static final Logger LOG = Logger.getLogger(ClickRecorder.class);
    static final int BATCH = 500;
    static final int MAX_PENDING = 10_000;

    private record Pending(Click click, CompletableFuture<Boolean> stored) {
    }

    private final UnitOfWork units;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Counter notRecorded;

    public ClickRecorder(UnitOfWork units, MeterRegistry meters) {
        this.units = units;
        this.notRecorded = Counter.builder("animo_campaign_clicks_not_recorded")
                .description("Clicks on tracked links that could not be stored (too many waiting, or the database"
                        + " failed)")
                .register(meters);
    }

    /** True once the click is stored; false when it could not be. Never fails. */
    public Uni<Boolean> record(Click click) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            notRecorded.increment();
            return Uni.createFrom().item(false);
        }
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        queue.add(new Pending(click, stored));
        drain();
        return Uni.createFrom().completionStage(stored);
    }

    private void drain() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queue.poll(); next != null; next = batch.size() < BATCH ? queue.poll() : null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                drain(); // a click arrived between the last poll and the release
            }
            return;
        }
        units.platform(tx -> write(tx, batch)).subscribe().with(ignored -> finish(batch, true), failure -> {
            LOG.warnf("Storing %d clicks failed: %s", batch.size(), failure.getMessage());
            notRecorded.increment(batch.size());
            finish(batch, false);
        });
    }

    private void finish(List<Pending> batch, boolean stored) {
        pending.addAndGet(-batch.size());
        writing.set(false);
        batch.forEach(each -> each.stored().complete(stored));
        drain();
    }

    private static Uni<Void> write(Tx tx, List<Pending> batch) {
        return tx.sql().query("select set_config('animo.redirecting', 'on', true)").execute()
                .chain(() -> tx.sql().preparedQuery("with clicks as (select * from unnest($1::uuid[], $2::uuid[],"
                        + " $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::text[], $8::text[], $9::text[],"
                        + " $10::text[], $11::text[]) as c (tenant_id, id, link_id, campaign_id, community_id, at,"
                        + " utm_source, utm_medium, utm_campaign, utm_term, utm_content)),"
                        + " stored as (insert into campaign_click (tenant_id, id, link_id, campaign_id, clicked_at,"
                        + "  utm_source, utm_medium, utm_campaign, utm_term, utm_content)"
                        + "  select tenant_id, id, link_id, campaign_id, at, utm_source, utm_medium, utm_campaign,"
                        + "  utm_term, utm_content from clicks)"
                        + " insert into activity (id, tenant_id, community_id, member_id, kind, occurred_at, subject_id)"
                        + " select gen_random_uuid(), tenant_id, community_id, null, 'CAMPAIGN_CLICKED', at, id"
                        + " from clicks")
                        .execute(Tuple.from(new Object[]{column(batch, c -> c.link().tenantId()),
                                column(batch, Click::id), column(batch, c -> c.link().linkId()),
                                column(batch, c -> c.link().campaignId()), column(batch, c -> c.link().communityId()),
                                batch.stream().map(p -> Rows.timestamp(p.click().at()))
                                        .toArray(java.time.OffsetDateTime[]::new),
                                text(batch, Click::utmSource), text(batch, Click::utmMedium),
                                text(batch, Click::utmCampaign), text(batch, Click::utmTerm),
                                text(batch, Click::utmContent)})))
                .replaceWithVoid();
    }

    private static UUID[] column(List<Pending> batch, Function<Click, UUID> value) {
        return batch.stream().map(p -> value.apply(p.click())).toArray(UUID[]::new);
    }

    private static String[] text(List<Pending> batch, Function<Click, String> value) {
        return batch.stream().map(p -> value.apply(p.click())).toArray(String[]::new);
    }
}
