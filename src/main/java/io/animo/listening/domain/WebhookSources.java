package io.animo.listening.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.animo.listening.domain.ListeningRepository.WebhookSource;
import io.animo.platform.persistence.UnitOfWork;
import io.smallrye.mutiny.Uni;

/**
 * Active webhook sources by id, remembered for {@value #SECONDS} seconds so that a push costs one transaction, not
 * two. A source paused or resumed on this replica is forgotten at once; another replica may take those seconds.
 */
@ApplicationScoped
public class WebhookSources {

    static final int SECONDS = 5;

    private final AsyncLoadingCache<UUID, Optional<WebhookSource>> byId;

    public WebhookSources(UnitOfWork units, ListeningRepository sources) {
        this.byId = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(SECONDS))
                .buildAsync((id, executor) -> units.platform(tx -> sources.webhookSource(tx, id))
                        .map(Optional::ofNullable).subscribeAsCompletionStage());
    }

    /** The active webhook source with this id; null when there is none. */
    Uni<WebhookSource> find(UUID id) {
        return Uni.createFrom().completionStage(() -> byId.get(id)).map(found -> found.orElse(null));
    }

    void forget(UUID id) {
        byId.synchronous().invalidate(id);
    }
}
