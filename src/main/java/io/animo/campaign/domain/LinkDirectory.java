package io.animo.campaign.domain;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.UnitOfWork;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Finds a tracked link by its public code, across tenants (the redirect has no token), and remembers the answer for a
 * minute, unknown codes included: a link never changes once made, and a flood of made-up codes costs one query each
 * per minute at most.
 */
@ApplicationScoped
public class LinkDirectory {

    private final UnitOfWork units;
    private final AsyncLoadingCache<String, Optional<LinkTarget>> byCode = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1))
            .buildAsync((code, executor) -> load(code).subscribeAsCompletionStage());

    public LinkDirectory(UnitOfWork units) {
        this.units = units;
    }

    /** The link with this code; null when there is none. */
    public Uni<LinkTarget> find(String code) {
        return Uni.createFrom().completionStage(() -> byCode.get(code)).map(found -> found.orElse(null));
    }

    private Uni<Optional<LinkTarget>> load(String code) {
        return units.platform(tx -> tx.sql().query("select set_config('animo.redirecting', 'on', true)").execute()
                .chain(() -> tx.sql().preparedQuery("select tenant_id, id, campaign_id, community_id, target_url,"
                        + " utm_source, utm_medium, utm_campaign, utm_content from tracked_link where code = $1")
                        .execute(Tuple.of(code)))
                .map(rows -> Optional.ofNullable(Rows.first(rows, row -> new LinkTarget(row.getUUID(0), row.getUUID(1),
                        row.getUUID(2), row.getUUID(3), row.getString(4), row.getString(5), row.getString(6),
                        row.getString(7), row.getString(8))))));
    }
}
