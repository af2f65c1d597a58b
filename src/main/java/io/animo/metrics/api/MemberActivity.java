package io.animo.metrics.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.TopMember;
import io.animo.platform.graphql.GlobalId;

@Type("MemberActivity")
@Description("What one member did in a period.")
public record MemberActivity(@Id @NonNull String memberId, @NonNull String displayName,
        @NonNull @Description("Everything they did themselves") long activities,
        @NonNull @Description("Thread openings, messages and replies") long messages, @NonNull long reactions) {

    static MemberActivity of(TopMember m) {
        return new MemberActivity(GlobalId.encode("Member", m.memberId()), m.displayName(), m.activities(), m.messages(),
                m.reactions());
    }
}
