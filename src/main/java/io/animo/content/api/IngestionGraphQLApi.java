package io.animo.content.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.content.domain.ContentService;
import io.animo.content.domain.ExternalAuthor;
import io.animo.content.domain.PostResult;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Content an integration brings in from the places where the brand is discussed. */
@GraphQLApi
@GraphQLBoundary
public class IngestionGraphQLApi {

    private final ContentService content;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public IngestionGraphQLApi(ContentService content, TenantWork work, SecurityIdentity identity) {
        this.content = content;
        this.work = work;
        this.identity = identity;
    }

    @Mutation
    @Description("Ingest a message written elsewhere by an author known only by an external handle (a member profile and"
            + " membership are created on first use; sanctions of that handle apply). It passes the community's rules"
            + " like any post. Role: integration (the service account of the tenant's animo-integration client).")
    public Uni<@NonNull PostPayload> messageIngest(@NonNull MessageIngestInput input) {
        UUID parent = GlobalId.optional(input.parentId(), Message.TYPE);
        ExternalAuthor author = new ExternalAuthor(input.externalHandle(), input.displayName());
        return work.as(identity, Roles.INTEGRATION).run((tx, caller) -> GlobalId.decode(input.threadId(), Thread.TYPE)
                .map(thread -> content.ingestMessage(tx, caller, thread, parent, author, input.body(),
                        input.clientMutationId()))
                .orElseGet(() -> Uni.createFrom().item(new PostResult(null, null, null, List.of(),
                        List.of(UserError.of("input.threadId", "NOT_FOUND", "No thread of this tenant has this id."))))))
                .map(result -> PostPayload.of(result, input.clientMutationId()));
    }
}
