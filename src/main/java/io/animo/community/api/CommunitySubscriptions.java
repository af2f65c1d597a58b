package io.animo.community.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.community.domain.CommunityEvents;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Multi;

/** Live community events of one tenant; the tenant is captured once, when the subscription starts. */
@ApplicationScoped
public class CommunitySubscriptions {

    private final CommunityEvents events;

    public CommunitySubscriptions(CommunityEvents events) {
        this.events = events;
    }

    Multi<CommunityEvent> forTenant(Caller caller) {
        return events.stream()
                .filter(change -> change.tenantId().equals(caller.tenantId()))
                .map(change -> new CommunityEvent(change.type(), Community.of(change.community())));
    }
}
