package io.animo.member.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.member.domain.MemberTags;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.UserError;

@Type("MemberTagsPayload")
public record MemberTagsPayload(@Id String memberId, @NonNull List<@NonNull String> tags,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static MemberTagsPayload of(MemberTags.Result result, String clientMutationId) {
        return new MemberTagsPayload(result.memberId() == null ? null : GlobalId.encode(Member.TYPE, result.memberId()),
                result.tags(), result.userErrors(), clientMutationId);
    }
}
