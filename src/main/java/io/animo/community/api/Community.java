package io.animo.community.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityStatus;
import io.animo.community.domain.CommunityVisibility;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;
import io.animo.tenancy.api.Actor;

@Type("Community")
@Description("A place where members of one tenant talk: a forum, a group, a product space.")
public record Community(
        @Id @NonNull String id,
        @NonNull String name,
        @NonNull @Description("Unique within the tenant; lower-case letters, digits and hyphens") String slug,
        String description,
        @NonNull CommunityVisibility visibility,
        @NonNull CommunityStatus status,
        @NonNull @Description("Increases with every change; pass it back to update or archive") long version,
        @NonNull Actor createdBy,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        Instant archivedAt,
        @NonNull @Description("Minimum seconds between two messages of one member; 0 is off") int slowModeSeconds,
        @NonNull @Description("Every new post is held for a moderator") boolean preModeration,
        @NonNull @Description("Nobody posts") boolean readOnly) implements Node {

    public static final String TYPE = "Community";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Community of(CommunityEntity e) {
        return e == null
                ? null
                : new Community(GlobalId.encode(TYPE, e.id), e.name, e.slug, e.description, e.visibility, e.status,
                        e.version, new Actor(e.createdBySubject, e.createdByName), e.createdAt, e.updatedAt, e.archivedAt,
                        e.slowModeSeconds, e.preModeration, e.readOnly);
    }
}
