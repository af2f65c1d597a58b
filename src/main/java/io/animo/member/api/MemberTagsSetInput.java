package io.animo.member.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MemberTagsSetInput")
public record MemberTagsSetInput(@Id @NonNull String memberId,
        @NonNull @Description("Up to 20 tags of 1 to 40 letters, digits, '-' or '_'; they replace the member's tags;"
                + " stored lowercased") List<@NonNull String> tags,
        String clientMutationId) {
}
