package io.animo.content.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.content.domain.ContentService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;

/** Threads and messages by global id, under the same visibility as `threads` and `messages`. */
@Singleton
public class ContentNodes {

    @Produces
    @Singleton
    NodeLoader threads(ContentService content, TenantWork work) {
        return work.nodeLoader(Thread.TYPE, (tx, caller, id) -> content.thread(tx, caller, id).map(Thread::of),
                Roles.ANY_TENANT_ROLE);
    }

    @Produces
    @Singleton
    NodeLoader messages(ContentService content, TenantWork work) {
        return work.nodeLoader(Message.TYPE, (tx, caller, id) -> content.message(tx, caller, id).map(Message::of),
                Roles.ANY_TENANT_ROLE);
    }
}
