package io.animo.member.api;

import org.eclipse.microprofile.graphql.Input;

import io.animo.member.domain.CommunityRole;
import io.animo.member.domain.MemberStatus;

@Input("MembershipFilter")
public record MembershipFilter(CommunityRole role, MemberStatus status) {
}
