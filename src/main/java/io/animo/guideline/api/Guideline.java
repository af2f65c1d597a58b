package io.animo.guideline.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.guideline.domain.GuidelineEntity;
import io.animo.guideline.domain.GuidelineView;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;
import io.animo.tenancy.api.Actor;

@Type("Guideline")
@Description("One guideline of a community: part of the culture members are asked to read and acknowledge.")
public record Guideline(
        @Id @NonNull String id,
        @Id @NonNull String communityId,
        @NonNull @Description("1-based place among the community's guidelines") int position,
        @NonNull String title,
        @NonNull String body,
        @NonNull @Description("1 when created, one more per edit") int revision,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @NonNull @Description("Who wrote the current version") Actor updatedBy,
        @NonNull @Description("Previous versions, newest first") List<@NonNull GuidelineVersion> history) implements Node {

    public static final String TYPE = "Guideline";
    static final String COMMUNITY_TYPE = "Community";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    static Guideline of(GuidelineView view) {
        if (view == null) {
            return null;
        }
        GuidelineEntity g = view.guideline();
        return new Guideline(GlobalId.encode(TYPE, g.id), GlobalId.encode(COMMUNITY_TYPE, g.communityId), g.position,
                g.title, g.body, g.revision, g.createdAt, g.updatedAt, new Actor(g.updatedBySubject, g.updatedByName),
                view.history().stream().map(GuidelineVersion::of).toList());
    }
}
