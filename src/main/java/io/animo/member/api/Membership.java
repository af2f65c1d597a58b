package io.animo.member.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.api.Community;
import io.animo.member.domain.CommunityRole;
import io.animo.member.domain.MemberStatus;
import io.animo.member.domain.MembershipView;

@Type("Membership")
public record Membership(@NonNull Community community, @NonNull Member member, @NonNull CommunityRole role,
        @NonNull MemberStatus status, Instant mutedUntil, Instant bannedUntil, @NonNull Instant joinedAt) {

    static Membership of(MembershipView view) {
        if (view == null) {
            return null;
        }
        var m = view.membership();
        return new Membership(Community.of(view.community()), Member.of(view.member()), m.role, m.status, m.mutedUntil,
                m.bannedUntil, m.joinedAt);
    }
}
