package io.animo.community.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.community.domain.CommunityEvents;
import io.animo.platform.graphql.EventsMissedException;
import io.animo.platform.security.Caller;
import io.animo.tenancy.domain.TenantAccess;
import io.smallrye.mutiny.Multi;

/** Live community events of one tenant; the tenant is captured once, when the subscription starts. */
@ApplicationScoped
public class CommunitySubscriptions {

    /** Events a slow client may fall behind by before its subscription fails. */
    private static final int BUFFER = 1_024;

    private final CommunityEvents events;
    private final TenantAccess access;

    public CommunitySubscriptions(CommunityEvents events, TenantAccess access) {
        this.events = events;
        this.access = access;
    }

    /**
     * A suspended tenant's subscriptions end (TENANT_SUSPENDED) at their next event; all end (EVENTS_MISSED) when
     * this replica may have missed changes, so clients reload instead of silently missing them.
     */
    Multi<CommunityEvent> forTenant(Caller caller) {
        Multi<CommunityEvent> live = events.stream()
                .filter(change -> change.tenantId().equals(caller.tenantId()))
                .onOverflow().buffer(BUFFER)
                .call(change -> access.ensureActive(caller))
                .map(change -> new CommunityEvent(change.type(), Community.of(change.community())));
        return EventsMissedException.endingAtGap(live, events.gaps());
    }
}
