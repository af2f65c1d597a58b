package io.animo.content.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.content.domain.ContentService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Threads and messages by global id, under the same visibility as {@code threads} and {@code messages}. */
public final class ContentNodeLoaders {

    private ContentNodeLoaders() {
    }

    @ApplicationScoped
    public static class ThreadNodeLoader implements NodeLoader {

        private final ContentService content;
        private final TenantAccess access;

        public ThreadNodeLoader(ContentService content, TenantAccess access) {
            this.content = content;
            this.access = access;
        }

        @Override
        public String type() {
            return Thread.TYPE;
        }

        @Override
        public Uni<Thread> load(SecurityIdentity identity, UUID id) {
            return access.requireMember(identity).chain(caller -> content.thread(caller, id)).map(Thread::of);
        }
    }

    @ApplicationScoped
    public static class MessageNodeLoader implements NodeLoader {

        private final ContentService content;
        private final TenantAccess access;

        public MessageNodeLoader(ContentService content, TenantAccess access) {
            this.content = content;
            this.access = access;
        }

        @Override
        public String type() {
            return Message.TYPE;
        }

        @Override
        public Uni<Message> load(SecurityIdentity identity, UUID id) {
            return access.requireMember(identity).chain(caller -> content.message(caller, id)).map(Message::of);
        }
    }
}
