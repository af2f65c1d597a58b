package io.animo.member.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("MembershipEdge")
public record MembershipEdge(@NonNull String cursor, @NonNull Membership node) {
}
