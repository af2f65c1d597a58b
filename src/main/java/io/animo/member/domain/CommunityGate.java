package io.animo.member.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityRepository;
import io.animo.community.domain.CommunityStatus;
import io.animo.community.domain.CommunityVisibility;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The one place that decides what a person may do in a community ({@link CommunityAction}): whether
 * they may read it (a private one: its members and the staff), whether it still changes (an archived
 * one does not), whether they are a member in good standing (sanctions suspend posting, reacting,
 * voting and community powers alike), and which community role they hold. Features add their own
 * conditions ({@link CommunityCondition}) instead of deciding apart. Object-level rules (a held message
 * is its author's and the moderators') stay with the objects' features, on top of this.
 */
@ApplicationScoped
public class CommunityGate {

    /** Realm roles that moderate every community of the tenant. */
    public static final String[] STAFF = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};
    private static final String[] MANAGERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};

    private final CommunityRepository communities;
    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final List<CommunityCondition> conditions;

    public CommunityGate(CommunityRepository communities, MemberRepository members, MembershipRepository memberships,
            Instance<CommunityCondition> conditions) {
        this.communities = communities;
        this.members = members;
        this.memberships = memberships;
        this.conditions = conditions.stream().sorted(Comparator.comparingInt(CommunityCondition::order)).toList();
    }

    /**
     * May the caller (as the member their token names) do {@code action} in {@code communityId}? Refusals are on
     * {@code field}. The community, the caller's member profile and their membership there are read in one statement.
     */
    public Uni<CommunityAccess> check(Tx tx, Caller caller, UUID communityId, CommunityAction action, String field) {
        return memberships.presenceBySubject(tx, communityId, caller.subject())
                .chain(found -> decide(tx, caller, found, action, field));
    }

    /**
     * As {@link #check}, for a member already read, or one the caller acts for (the external author an
     * integration ingests for; null when they have no member profile yet).
     */
    public Uni<CommunityAccess> checkAs(Tx tx, Caller caller, MemberEntity member, UUID communityId, CommunityAction action,
            String field) {
        Uni<CommunityPresence> found = member == null
                ? communities.read(tx, communityId).map(community -> new CommunityPresence(community, null, null))
                : memberships.presenceOf(tx, communityId, member);
        return found.chain(presence -> decide(tx, caller, presence, action, field));
    }

    /**
     * The gate's answer for a presence already read: work that reads it along with its own rows (posting reads it
     * with the thread, {@code MembershipRepository.presenceJoins}) asks here.
     */
    public Uni<CommunityAccess> decide(Tx tx, Caller caller, CommunityPresence found, CommunityAction action,
            String field) {
        CommunityAccess access = new CommunityAccess(found.community(), found.member(), found.membership(), null);
        if (found.community() == null) {
            return Uni.createFrom().item(access.refused(field, "NOT_FOUND", "No community you can see has this id."));
        }
        CommunityAccess decided = decideHere(caller, access, action, field, Instant.now());
        if (!decided.allowed()) {
            return Uni.createFrom().item(decided);
        }
        return applyConditions(tx, decided, action, field, conditions, 0);
    }

    /**
     * Whether the community lets {@code action} happen at all, before anyone's membership is known: it exists,
     * is not archived, and is not read-only for actions that need good standing. For ingestion, which creates
     * its author's membership only once nothing about the community refuses the message.
     */
    public Uni<CommunityAccess> checkCommunity(Tx tx, UUID communityId, CommunityAction action, String field) {
        return communities.read(tx, communityId).map(community -> {
            CommunityAccess access = new CommunityAccess(community, null, null, null);
            if (community == null) {
                return access.refused(field, "NOT_FOUND", "No community you can see has this id.");
            }
            UserError refusal = communityRefusal(community, action, field);
            return refusal == null ? access : new CommunityAccess(community, null, null, refusal);
        });
    }

    private static CommunityAccess decideHere(Caller caller, CommunityAccess access, CommunityAction action, String field,
            Instant now) {
        CommunityEntity community = access.community();
        MembershipEntity membership = access.membership();
        boolean member = membership != null;
        if (action.needsGoodStanding()) {
            UserError refusal = communityRefusal(community, action, field);
            if (refusal != null) {
                return new CommunityAccess(community, access.member(), membership, refusal);
            }
            if (!member) {
                return access.refused(field, "NOT_A_MEMBER", "Join the community first.");
            }
            return standingRefusal(access, field, now);
        }
        if (!mayRead(caller, community, member)) {
            return access.refused(field, "NOT_FOUND", "No community you can see has this id.");
        }
        UserError refusal = communityRefusal(community, action, field);
        if (refusal != null) {
            return new CommunityAccess(community, access.member(), membership, refusal);
        }
        return switch (action) {
            case READ, WITHDRAW, RESPOND, ADMINISTER -> access;
            case PARTICIPATE -> member ? access : access.refused(field, "NOT_A_MEMBER", "Join the community first.");
            case MODERATE -> caller.hasAnyRole(STAFF) || holdsInGoodStanding(membership, now, CommunityRole.OWNER,
                    CommunityRole.MODERATOR)
                            ? access
                            : access.refused(field, "NOT_ALLOWED", "This needs the tenant-admin, community-manager or"
                                    + " moderator role, or the OWNER or MODERATOR role in this community (in good standing).");
            case OWN -> caller.hasAnyRole(MANAGERS) || holdsInGoodStanding(membership, now, CommunityRole.OWNER)
                    ? access
                    : access.refused(field, "NOT_ALLOWED", "Only tenant admins, community managers and the community's"
                            + " owners (in good standing) give community roles.");
            default -> throw new IllegalStateException("unhandled " + action);
        };
    }

    /** What the community itself refuses: any change once archived, and, when read-only, what needs good standing. */
    private static UserError communityRefusal(CommunityEntity community, CommunityAction action, String field) {
        if (action.changes() && community.status == CommunityStatus.ARCHIVED) {
            return UserError.of(field, "ARCHIVED", "This community is archived: it no longer changes.");
        }
        if (action.needsGoodStanding() && community.readOnly) {
            return UserError.of(field, "READ_ONLY", "This community is read-only for now.");
        }
        return null;
    }

    private static CommunityAccess standingRefusal(CommunityAccess access, String field, Instant now) {
        MembershipEntity membership = access.membership();
        if (membership.bannedAt(now)) {
            return access.refused(field, "BANNED", "You are banned from this community.");
        }
        if (membership.mutedAt(now)) {
            return access.refused(field, "MUTED", "You are muted in this community until " + membership.mutedUntil + ".");
        }
        return access;
    }

    private static boolean holdsInGoodStanding(MembershipEntity membership, Instant now, CommunityRole... roles) {
        return membership != null && membership.inGoodStandingAt(now) && List.of(roles).contains(membership.role);
    }

    private static boolean mayRead(Caller caller, CommunityEntity community, boolean member) {
        return community.visibility != CommunityVisibility.PRIVATE || member || caller.hasAnyRole(STAFF);
    }

    private static Uni<CommunityAccess> applyConditions(Tx tx, CommunityAccess access, CommunityAction action, String field,
            List<CommunityCondition> all, int next) {
        if (next == all.size()) {
            return Uni.createFrom().item(access);
        }
        return all.get(next).check(tx, action, access, field).chain(refusal -> refusal != null
                ? Uni.createFrom().item(new CommunityAccess(access.community(), access.member(), access.membership(), refusal))
                : applyConditions(tx, access, action, field, all, next + 1));
    }

    /** Of {@code communityIds}, those the caller may read: for fields loaded for a whole page at once. */
    public Uni<Set<UUID>> readable(Tx tx, Caller caller, Collection<UUID> communityIds) {
        if (communityIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<UUID> ids = List.copyOf(new HashSet<>(communityIds));
        return communities.readByIds(tx, ids).chain(found -> {
            Set<UUID> readable = new HashSet<>();
            List<UUID> privateOnes = found.stream().filter(c -> {
                boolean open = c.visibility != CommunityVisibility.PRIVATE || caller.hasAnyRole(STAFF);
                if (open) {
                    readable.add(c.id);
                }
                return !open;
            }).map(c -> c.id).toList();
            if (privateOnes.isEmpty()) {
                return Uni.createFrom().item(readable);
            }
            return members.readBySubject(tx, caller.subject()).chain(me -> me == null
                    ? Uni.createFrom().item(readable)
                    : memberships.ofMember(tx.tenantId(), me.id).map(mine -> {
                        mine.stream().map(m -> m.communityId).filter(privateOnes::contains).forEach(readable::add);
                        return readable;
                    }));
        });
    }
}
