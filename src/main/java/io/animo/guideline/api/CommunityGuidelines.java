package io.animo.guideline.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.guideline.domain.GuidelinesView;
import io.animo.platform.graphql.GlobalId;

@Type("CommunityGuidelines")
@Description("A community's guidelines in order, and where the viewer stands with them.")
public record CommunityGuidelines(
        @Id @NonNull String communityId,
        @NonNull @Description("One more for every create, edit, delete or reorder; acknowledge this number") int revision,
        @NonNull @Description("Members must acknowledge the current revision before posting") boolean acknowledgementRequired,
        @Description("The revision the viewer acknowledged last; null if never") Integer viewerAcknowledgedRevision,
        @NonNull @Description("The viewer must acknowledge before posting here") boolean viewerMustAcknowledge,
        @NonNull @Description("By position") List<@NonNull Guideline> items) {

    static CommunityGuidelines of(GuidelinesView view) {
        return view == null
                ? null
                : new CommunityGuidelines(GlobalId.encode(Guideline.COMMUNITY_TYPE, view.communityId()), view.revision(),
                        view.acknowledgementRequired(), view.viewerAcknowledgedRevision(), view.viewerMustAcknowledge(),
                        view.items().stream().map(Guideline::of).toList());
    }
}
