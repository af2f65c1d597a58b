package io.animo.member.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.member.domain.MemberEntity;
import io.animo.platform.graphql.GlobalId;

@Type("Member")
@Description("A person of the tenant as communities know them.")
public record Member(@Id @NonNull String id, @NonNull String displayName,
        @Description("Set for people known only through an integration (e.g. an imported forum account)") String externalHandle,
        @NonNull Instant createdAt) {

    static final String TYPE = "Member";

    static Member of(MemberEntity e) {
        return e == null ? null : new Member(GlobalId.encode(TYPE, e.id), e.displayName, e.externalHandle, e.createdAt);
    }
}
