package io.animo.moderation.domain;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.persistence.Notify;
import io.animo.platform.persistence.PgNotifications;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Queue changes fanned out to moderators on every replica, after commit (LISTEN/NOTIFY). */
@ApplicationScoped
public class QueueEvents {

    static final String CHANNEL = "animo_moderation";
    private static final Logger LOG = Logger.getLogger(QueueEvents.class);

    private final PgNotifications notifications;
    private final BroadcastProcessor<QueueChange> changes = BroadcastProcessor.create();
    private boolean listening;

    public QueueEvents(PgNotifications notifications) {
        this.notifications = notifications;
    }

    Uni<Void> publish(Tx tx, String type, ModerationItemEntity item) {
        return Notify.inTransaction(tx, CHANNEL, QueueChange.of(type, item).toJson());
    }

    /** Each time this replica may have missed queue changes (its LISTEN connection was lost for a while). */
    public Multi<String> gaps() {
        return notifications.gapsOf(CHANNEL);
    }

    public synchronized Multi<QueueChange> stream() {
        if (!listening) {
            listening = true;
            notifications.listen(CHANNEL).subscribe().with(payload -> {
                try {
                    changes.onNext(QueueChange.fromJson(payload));
                } catch (RuntimeException e) {
                    LOG.warnf("Ignoring a malformed queue event: %s", e.getMessage());
                }
            });
        }
        return changes;
    }
}
