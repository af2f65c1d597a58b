package io.animo.content.api;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.content.domain.ContentService;
import io.animo.content.domain.PostResult;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class ContentGraphQLApi {

    /** Who may post. Tenant realms give every person the member role by default, analysts included. */
    private static final String[] POSTERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.MEMBER};

    private final ContentService content;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public ContentGraphQLApi(ContentService content, TenantWork work, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.content = content;
        this.work = work;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("Threads of a community, newest first. Held threads are shown only to their authors and moderators.")
    public Uni<@NonNull ThreadConnection> threads(@NonNull @Id String communityId, Integer first, String after, Integer last,
            String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(communityId, "Community")
                .map(uuid -> content.threads(tx, caller, uuid, page))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(ThreadConnection::of);
    }

    @Query
    @Description("Messages of a thread, oldest first. Held messages are shown only to their authors and moderators.")
    public Uni<@NonNull MessageConnection> messages(@NonNull @Id String threadId, Integer first, String after, Integer last,
            String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(threadId, Thread.TYPE)
                .map(uuid -> content.messages(tx, caller, uuid, page))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(MessageConnection::of);
    }

    @Mutation
    @Description("Start a thread in a community you joined; it passes the community's rules first. Roles: tenant-admin, community-manager, moderator, member.")
    public Uni<@NonNull PostPayload> threadCreate(@NonNull ThreadCreateInput input) {
        return work.as(identity, POSTERS).run((tx, caller) -> GlobalId.decode(input.communityId(), "Community")
                .map(uuid -> content.createThread(tx, caller, uuid, input.kind(), input.title(), input.body()))
                .orElseGet(() -> Uni.createFrom().item(notFound("input.communityId"))))
                .map(result -> PostPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Post a message (or a reply, one level deep) in a thread; it passes the community's rules first."
            + " Roles: tenant-admin, community-manager, moderator, member.")
    public Uni<@NonNull PostPayload> messagePost(@NonNull MessagePostInput input) {
        var parent = GlobalId.optional(input.parentId(), Message.TYPE);
        var side = GlobalId.optional(input.sideId(), "DebateSide");
        return work.as(identity, POSTERS).run((tx, caller) -> GlobalId.decode(input.threadId(), Thread.TYPE)
                .map(uuid -> content.postMessage(tx, caller, uuid, parent, input.body(), side))
                .orElseGet(() -> Uni.createFrom().item(notFound("input.threadId"))))
                .map(result -> PostPayload.of(result, input.clientMutationId()));
    }

    private static PostResult notFound(String field) {
        return new PostResult(null, null, null, java.util.List.of(),
                java.util.List.of(UserError.of(field, "NOT_FOUND", "Nothing of this tenant has this id.")));
    }
}
