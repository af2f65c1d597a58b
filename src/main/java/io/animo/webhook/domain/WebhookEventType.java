package io.animo.webhook.domain;

import java.util.Set;

/** What a tenant's endpoints can hear of. */
public final class WebhookEventType {

    public static final String EVENT_CREATED = "event.created";
    public static final String EVENT_CANCELLED = "event.cancelled";
    public static final String EVENT_REMINDER = "event.reminder";
    public static final String ALERT_RAISED = "alert.raised";
    public static final String MODERATION_DECIDED = "moderation.decided";
    public static final String CAMPAIGN_SCHEDULED = "campaign.scheduled";
    public static final String CAMPAIGN_ENDED = "campaign.ended";
    public static final String TEST = "webhook.test";
    public static final Set<String> ALL = Set.of(EVENT_CREATED, EVENT_CANCELLED, EVENT_REMINDER, ALERT_RAISED,
            MODERATION_DECIDED,
            CAMPAIGN_SCHEDULED, CAMPAIGN_ENDED, TEST);

    private WebhookEventType() {
    }
}
