package io.animo.alert.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityService;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The life of an alert (OPEN, ACKNOWLEDGED, RESOLVED, with who and when) and its playbook: a response applies crisis
 * modes to the community in the same unit of work and remembers the modes it replaced, so that it can be undone. Each
 * step is audited and announced to live subscribers.
 */
@ApplicationScoped
public class AlertService {

    private static final String ALERT = "Alert";

    private final AlertRepository alerts;
    private final AlertEvents events;
    private final CommunityService communities;
    private final AuditLog audit;

    public AlertService(AlertRepository alerts, AlertEvents events, CommunityService communities, AuditLog audit) {
        this.alerts = alerts;
        this.events = events;
        this.communities = communities;
        this.audit = audit;
    }

    public Uni<Page<AlertEntity>> page(Tx tx, UUID communityId, AlertStatus status, PageRequest page) {
        return alerts.page(tx.tenantId(), communityId, status, page);
    }

    public Uni<AlertEntity> get(Tx tx, UUID id) {
        return alerts.findInTenant(tx.tenantId(), id);
    }

    /** Someone took the alert: OPEN becomes ACKNOWLEDGED. */
    public Uni<AlertResult> acknowledge(Tx tx, Caller caller, UUID id) {
        return change(tx, caller, id, alert -> {
            if (alert.status != AlertStatus.OPEN) {
                return refusal("ALREADY_" + alert.status, "This alert is already " + alert.status.name().toLowerCase() + ".");
            }
            acknowledged(alert, caller);
            return audited(tx, caller, alert, "ALERT_ACKNOWLEDGED", alert.kind.name());
        });
    }

    /** The crisis is over: the alert is RESOLVED, and a spike of its kind opens a new one. */
    public Uni<AlertResult> resolve(Tx tx, Caller caller, UUID id) {
        return change(tx, caller, id, alert -> {
            if (alert.status == AlertStatus.RESOLVED) {
                return refusal("ALREADY_RESOLVED", "This alert is already resolved.");
            }
            acknowledged(alert, caller);
            alert.status = AlertStatus.RESOLVED;
            alert.resolvedAt = now();
            alert.resolvedBySubject = caller.subject();
            alert.resolvedByName = caller.displayName();
            return audited(tx, caller, alert, "ALERT_RESOLVED", alert.kind.name());
        });
    }

    /**
     * Applies crisis modes to the alert's community (the ones given; at least one), remembering the modes they
     * replace. An OPEN alert becomes ACKNOWLEDGED.
     */
    public Uni<AlertResult> respond(Tx tx, Caller caller, UUID id, Integer slowModeSeconds, Boolean preModeration,
            Boolean readOnly) {
        if (slowModeSeconds == null && preModeration == null && readOnly == null) {
            return Uni.createFrom().item(AlertResult.refused("input", "NOTHING_TO_APPLY",
                    "Give slowModeSeconds, preModeration or readOnly."));
        }
        return change(tx, caller, id, alert -> {
            if (alert.status == AlertStatus.RESOLVED) {
                return refusal("ALREADY_RESOLVED", "This alert is resolved: there is nothing to respond to.");
            }
            if (alert.responseActive()) {
                return refusal("ALREADY_RESPONDED", "Undo the response in place before applying another one.");
            }
            return communities.get(tx, alert.communityId).chain(before -> communities.setModes(tx, caller,
                    alert.communityId, slowModeSeconds, preModeration, readOnly).chain(result -> {
                        if (!result.userErrors().isEmpty()) {
                            return Uni.createFrom().item(new AlertResult(null, result.userErrors()));
                        }
                        remember(alert, before, slowModeSeconds, preModeration, readOnly, caller);
                        acknowledged(alert, caller);
                        return audited(tx, caller, alert, "ALERT_RESPONDED", modes(alert.responseSlowModeSeconds,
                                alert.responsePreModeration, alert.responseReadOnly));
                    }));
        });
    }

    /** Puts back the modes the response replaced (only those it changed). */
    public Uni<AlertResult> undoResponse(Tx tx, Caller caller, UUID id) {
        return change(tx, caller, id, alert -> {
            if (!alert.responseActive()) {
                return refusal("NO_RESPONSE", "This alert has no response in place to undo.");
            }
            return communities.setModes(tx, caller, alert.communityId, alert.previousSlowModeSeconds,
                    alert.previousPreModeration, alert.previousReadOnly).chain(result -> {
                        if (!result.userErrors().isEmpty()) {
                            return Uni.createFrom().item(new AlertResult(null, result.userErrors()));
                        }
                        alert.responseUndoneAt = now();
                        return audited(tx, caller, alert, "ALERT_RESPONSE_UNDONE", modes(alert.previousSlowModeSeconds,
                                alert.previousPreModeration, alert.previousReadOnly));
                    });
        });
    }

    public Uni<SpikeDetector.Settings> settings(Tx tx) {
        return alerts.settings(tx);
    }

    public Uni<SettingsResult> saveSettings(Tx tx, Caller caller, SpikeDetector.Settings settings) {
        if (!(settings.threshold() >= 2 && settings.threshold() <= 20)) {
            return Uni.createFrom().item(SettingsResult.refused("input.threshold", "OUT_OF_RANGE",
                    "The threshold is between 2 and 20 standard deviations."));
        }
        if (outOfRange(settings.minMessages()) || outOfRange(settings.minReports()) || outOfRange(settings.minJoins())) {
            return Uni.createFrom().item(SettingsResult.refused("input", "OUT_OF_RANGE",
                    "Minimum volumes are between 1 and 100000."));
        }
        return alerts.saveSettings(tx, settings)
                .chain(() -> audit.record(tx, caller, "ALERT_SETTINGS_CHANGED", "AlertSettings", tx.tenantId(),
                        String.format(Locale.ROOT, "threshold %.1f, at least %d messages, %d reports, %d joins",
                                settings.threshold(), settings.minMessages(), settings.minReports(), settings.minJoins())))
                .replaceWith(new SettingsResult(settings, List.of()));
    }

    /** Outcome of a change of settings. */
    public record SettingsResult(SpikeDetector.Settings settings, List<UserError> userErrors) {

        static SettingsResult refused(String field, String code, String message) {
            return new SettingsResult(null, List.of(UserError.of(field, code, message)));
        }
    }

    private Uni<AlertResult> change(Tx tx, Caller caller, UUID id, Function<AlertEntity, Uni<AlertResult>> step) {
        tx.recover(OptimisticLocks::isStale,
                () -> Uni.createFrom().item(new AlertResult(null, List.of(OptimisticLocks.staleError("alert")))));
        return alerts.findInTenant(tx.tenantId(), id).chain(alert -> alert == null
                ? Uni.createFrom().item(AlertResult.refused("input.id", "NOT_FOUND", "No alert of this tenant has this id."))
                : step.apply(alert));
    }

    private Uni<AlertResult> audited(Tx tx, Caller caller, AlertEntity alert, String action, String summary) {
        alert.updatedAt = now();
        return alerts.flush()
                .chain(() -> audit.record(tx, caller, action, ALERT, alert.id, summary))
                .chain(() -> events.publish(tx, AlertChange.UPDATED, alert))
                .replaceWith(AlertResult.ok(alert));
    }

    private static Uni<AlertResult> refusal(String code, String message) {
        return Uni.createFrom().item(AlertResult.refused("input.id", code, message));
    }

    private static void acknowledged(AlertEntity alert, Caller caller) {
        if (alert.status == AlertStatus.OPEN) {
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedAt = now();
            alert.acknowledgedBySubject = caller.subject();
            alert.acknowledgedByName = caller.displayName();
        }
    }

    /** The response's modes, and of the modes it changes, the ones in place before. */
    private static void remember(AlertEntity alert, CommunityEntity before, Integer slowModeSeconds,
            Boolean preModeration, Boolean readOnly, Caller caller) {
        alert.responseSlowModeSeconds = slowModeSeconds;
        alert.responsePreModeration = preModeration;
        alert.responseReadOnly = readOnly;
        alert.previousSlowModeSeconds = slowModeSeconds == null ? null : before.slowModeSeconds;
        alert.previousPreModeration = preModeration == null ? null : before.preModeration;
        alert.previousReadOnly = readOnly == null ? null : before.readOnly;
        alert.respondedAt = now();
        alert.respondedByName = caller.displayName();
        alert.responseUndoneAt = null;
    }

    private static String modes(Integer slowModeSeconds, Boolean preModeration, Boolean readOnly) {
        StringBuilder modes = new StringBuilder();
        if (slowModeSeconds != null) {
            modes.append("slow mode ").append(slowModeSeconds).append(" s");
        }
        if (preModeration != null) {
            modes.append(modes.isEmpty() ? "" : ", ").append("pre-moderation ").append(preModeration ? "on" : "off");
        }
        if (readOnly != null) {
            modes.append(modes.isEmpty() ? "" : ", ").append("read-only ").append(readOnly ? "on" : "off");
        }
        return modes.toString();
    }

    private static boolean outOfRange(int minimum) {
        return minimum < 1 || minimum > 100_000;
    }
}
