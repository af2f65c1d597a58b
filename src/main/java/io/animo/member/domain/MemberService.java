package io.animo.member.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.audit.domain.AuditLog;
import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityRepository;
import io.animo.community.domain.CommunityStatus;
import io.animo.community.domain.CommunityVisibility;
import io.animo.platform.graphql.Page;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Members of a tenant and their memberships of communities. */
@ApplicationScoped
public class MemberService {

    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final CommunityRepository communities;
    private final StandingOnReturn standing;
    private final AuditLog audit;
    private final CommunityGate gate;

    public MemberService(MemberRepository members, MembershipRepository memberships,
            CommunityRepository communities, StandingOnReturn standing, AuditLog audit, CommunityGate gate) {
        this.audit = audit;
        this.gate = gate;
        this.standing = standing;
        this.members = members;
        this.memberships = memberships;
        this.communities = communities;
    }

    public Uni<MembershipResult> join(Tx tx, Caller caller, UUID communityId) {
        UUID tenant = caller.tenantId();
        // a concurrent join of the same person won: the membership exists, which is what was asked
        tx.retry(failure -> Constraints.isUniqueViolation(failure, null), again -> mine(again, caller, communityId));
        return communities.findInTenant(tenant, communityId).chain(community -> {
            if (community == null) {
                return Uni.createFrom().item(notFound());
            }
            if (community.status == CommunityStatus.ARCHIVED) {
                return Uni.createFrom().item(MembershipResult.rejected("input.communityId", "ARCHIVED",
                        "This community is archived; nobody can join it."));
            }
            if (community.visibility == CommunityVisibility.PRIVATE && !isStaff(caller)) {
                return Uni.createFrom().item(MembershipResult.rejected("input.communityId", "PRIVATE_COMMUNITY",
                        "This community is private: ask one of its managers to add you."));
            }
            return memberOf(caller).chain(member -> memberships.find(tenant, communityId, member.id).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(MembershipResult.ok(new MembershipView(existing, member, community)));
                }
                Instant now = now();
                MembershipEntity membership = new MembershipEntity();
                membership.tenantId = tenant;
                membership.communityId = communityId;
                membership.memberId = member.id;
                membership.role = CommunityRole.MEMBER;
                membership.status = MemberStatus.ACTIVE;
                membership.joinedAt = now;
                membership.updatedAt = now;
                // leaving and joining again does not shed a mute or ban still in force
                return standing.restore(tx, membership).chain(() -> memberships.persistAndFlush(membership))
                        .call(() -> Activities.record(tx, communityId, member.id, ActivityKind.MEMBER_JOINED, now))
                        .map(saved -> MembershipResult.ok(new MembershipView(saved, member, community)));
            }));
        });
    }

    private Uni<MembershipResult> mine(Tx tx, Caller caller, UUID communityId) {
        UUID tenant = caller.tenantId();
        return members.findBySubject(tenant, caller.subject())
                .chain(member -> memberships.find(tenant, communityId, member.id)
                        .chain(membership -> communities.findInTenant(tenant, communityId)
                                .map(community -> MembershipResult.ok(new MembershipView(membership, member, community)))));
    }

    public Uni<MembershipResult> leave(Tx tx, Caller caller, UUID communityId) {
        UUID tenant = caller.tenantId();
        return members.findBySubject(tenant, caller.subject()).chain(member -> member == null
                ? Uni.createFrom().item(notMember())
                : memberships.find(tenant, communityId, member.id).chain(membership -> membership == null
                        ? Uni.createFrom().item(notMember())
                        : memberships.delete(membership)
                                .call(() -> Activities.record(tx, communityId, member.id, ActivityKind.MEMBER_LEFT, now()))
                                .map(ignored -> new MembershipResult(null, List.of()))));
    }

    /** Tenant admins, community managers and the community's owners in good standing give community roles. */
    public Uni<MembershipResult> setRole(Tx tx, Caller caller, UUID communityId, UUID memberId, CommunityRole role) {
        UUID tenant = caller.tenantId();
        return gate.check(tx, caller, communityId, CommunityAction.OWN, "input.communityId")
                .chain(access -> {
                    if (!access.allowed()) {
                        return Uni.createFrom().item(new MembershipResult(null, List.of(access.refusal())));
                    }
                    return memberships.find(tenant, communityId, memberId).chain(membership -> {
                        if (membership == null) {
                            return Uni.createFrom().item(MembershipResult.rejected("input.memberId", "NOT_FOUND",
                                    "This person is not a member of this community."));
                        }
                        if (membership.role == role) {
                            return view(tenant, membership).map(v -> MembershipResult.ok(v));
                        }
                        CommunityRole before = membership.role;
                        membership.role = role;
                        membership.updatedAt = now();
                        return memberships.flush()
                                .chain(() -> audit.record(tx, caller, "MEMBERSHIP_ROLE_SET", "Member", memberId,
                                        "Community role " + before + " -> " + role + " in community " + communityId))
                                .chain(() -> view(tenant, membership)).map(v -> MembershipResult.ok(v));
                    });
                });
    }

    /** Members of a community; a private community's list is for its members and the staff (the gate's READ). */
    public Uni<Page<MembershipView>> members(Tx tx, Caller caller, UUID communityId, MembershipQuery query) {
        UUID tenant = caller.tenantId();
        return gate.check(tx, caller, communityId, CommunityAction.READ, "communityId")
                .chain(access -> !access.allowed()
                        ? Uni.createFrom().item(Page.<MembershipView>empty())
                        : memberships.page(tenant, communityId, query).chain(rows -> memberships.count(tenant, communityId,
                                query).chain(
                                        total -> withMembers(tenant, rows, access.community()).map(views -> Page.of(views,
                                                query.page(), view -> MembershipRepository.cursorOf(view.membership()),
                                                total)))));
    }

    /** The caller's memberships, oldest first. */
    public Uni<List<MembershipView>> mine(Tx tx, Caller caller) {
        UUID tenant = caller.tenantId();
        return members.findBySubject(tenant, caller.subject()).chain(member -> {
            if (member == null) {
                return Uni.createFrom().item(List.<MembershipView>of());
            }
            return memberships.ofMember(tenant, member.id).chain(list -> communities
                    .readByIds(tx, list.stream().map(m -> m.communityId).toList())
                    .map(found -> {
                        Map<UUID, CommunityEntity> byId = found.stream()
                                .collect(Collectors.toMap(c -> c.id, Function.identity()));
                        return list.stream().map(m -> new MembershipView(m, member, byId.get(m.communityId))).toList();
                    }));
        });
    }

    private Uni<List<MembershipView>> withMembers(UUID tenant, List<MembershipEntity> rows, CommunityEntity community) {
        return members.findByIds(tenant, rows.stream().map(m -> m.memberId).toList()).map(found -> {
            Map<UUID, MemberEntity> byId = found.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
            return rows.stream().map(m -> new MembershipView(m, byId.get(m.memberId), community)).toList();
        });
    }

    private Uni<MembershipView> view(UUID tenant, MembershipEntity membership) {
        return members.findById(membership.memberId).chain(member -> communities.findInTenant(tenant, membership.communityId)
                .map(community -> new MembershipView(membership, member, community)));
    }

    /** The caller's member profile, created on first use from the token. */
    public Uni<MemberEntity> memberOf(Caller caller) {
        return members.findBySubject(caller.tenantId(), caller.subject()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Instant now = now();
            MemberEntity member = new MemberEntity();
            member.id = UUID.randomUUID();
            member.tenantId = caller.tenantId();
            member.subject = caller.subject();
            member.displayName = caller.displayName();
            member.createdAt = now;
            member.updatedAt = now;
            return members.persistAndFlush(member);
        });
    }

    private static boolean isStaff(Caller caller) {
        return caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER);
    }

    private static MembershipResult notFound() {
        return MembershipResult.rejected("input.communityId", "NOT_FOUND", "No community of this tenant has this id.");
    }

    private static MembershipResult notMember() {
        return MembershipResult.rejected("input.communityId", "NOT_A_MEMBER", "You are not a member of this community.");
    }
}
