package io.animo.campaign.domain;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.MemberService;
import io.animo.member.domain.MemberTags;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.webhook.domain.WebhookEventType;
import io.animo.webhook.domain.WebhookOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Campaigns: staff draft one (objective, window, target communities, segment), schedule it, end it early if they
 * must, and make tracked links for it; members claim their clicks; the report says what the campaign did. Creating,
 * scheduling, ending and links are audited; scheduling and ending are announced to the tenant's webhooks.
 */
@ApplicationScoped
public class CampaignService {

    public static final int MAX_LIST = 100;
    public static final int MAX_COMMUNITIES = 20;
    public static final int MAX_LINKS = 200;
    private static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final int DEFAULT_ATTRIBUTION_DAYS = 7;
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CampaignRepository campaigns;
    private final CommunityGate gate;
    private final MemberService members;
    private final AuditLog audit;
    private final WebhookOutbox webhooks;

    public CampaignService(CampaignRepository campaigns, CommunityGate gate, MemberService members, AuditLog audit,
            WebhookOutbox webhooks) {
        this.campaigns = campaigns;
        this.gate = gate;
        this.members = members;
        this.audit = audit;
        this.webhooks = webhooks;
    }

    public Uni<CampaignResult> create(Tx tx, Caller caller, NewCampaign draft) {
        CampaignResult invalid = validate(draft);
        if (invalid != null) {
            return Uni.createFrom().item(invalid);
        }
        Segment segment = draft.segment() == null ? Segment.EVERYONE : draft.segment();
        NewCampaign clean = new NewCampaign(draft.name().strip(), draft.objective().strip(), draft.startsAt(),
                draft.endsAt(), draft.attributionDays() == null ? DEFAULT_ATTRIBUTION_DAYS : draft.attributionDays(),
                List.copyOf(new LinkedHashSet<>(draft.communityIds())),
                new Segment(segment.roles() == null ? List.of() : List.copyOf(new LinkedHashSet<>(segment.roles())),
                        segment.joinedAfter(), segment.joinedBefore(), segment.activeWithinDays(),
                        MemberTags.normalize(segment.tags())));
        return administersAll(tx, caller, clean.communityIds(), 0).chain(refusal -> {
            if (refusal != null) {
                return Uni.createFrom().item(refusal);
            }
            UUID id = UUID.randomUUID();
            return campaigns.insert(tx, id, clean)
                    .chain(() -> audit.record(tx, caller, "CAMPAIGN_CREATED", "Campaign", id, clean.name()))
                    .chain(() -> campaigns.find(tx, id)).map(created -> CampaignResult.ok(created, null));
        });
    }

    /** Checks the target communities one after the other: the first the caller may not administer refuses. */
    private Uni<CampaignResult> administersAll(Tx tx, Caller caller, List<UUID> communities, int index) {
        if (index == communities.size()) {
            return Uni.createFrom().nullItem();
        }
        return gate.check(tx, caller, communities.get(index), CommunityAction.ADMINISTER, "input.communityIds")
                .chain(access -> access.allowed()
                        ? administersAll(tx, caller, communities, index + 1)
                        : Uni.createFrom().item(CampaignResult.refused(access.refusal())));
    }

    public Uni<CampaignResult> schedule(Tx tx, Caller caller, UUID id) {
        return campaigns.find(tx, id).chain(campaign -> {
            if (campaign == null) {
                return Uni.createFrom().item(notFound());
            }
            if (campaign.status(Instant.now()) != CampaignStatus.DRAFT) {
                return Uni.createFrom().item(CampaignResult.refused("input.id", "NOT_DRAFT",
                        "Only a draft can be scheduled; this campaign is " + campaign.status(Instant.now()) + "."));
            }
            if (!campaign.endsAt().isAfter(Instant.now())) {
                return Uni.createFrom().item(CampaignResult.refused("input.id", "WINDOW_OVER",
                        "This campaign's window is over: change its dates in a new campaign."));
            }
            return campaigns.schedule(tx, id)
                    .chain(() -> audit.record(tx, caller, "CAMPAIGN_SCHEDULED", "Campaign", id, campaign.name()))
                    .chain(() -> campaigns.find(tx, id))
                    .call(scheduled -> webhooks.announce(tx, WebhookEventType.CAMPAIGN_SCHEDULED, webhookData(scheduled)))
                    .map(scheduled -> CampaignResult.ok(scheduled, null));
        });
    }

    public Uni<CampaignResult> end(Tx tx, Caller caller, UUID id) {
        return campaigns.find(tx, id).chain(campaign -> {
            if (campaign == null) {
                return Uni.createFrom().item(notFound());
            }
            CampaignStatus status = campaign.status(Instant.now());
            if (status == CampaignStatus.DRAFT || status == CampaignStatus.ENDED) {
                return Uni.createFrom().item(CampaignResult.refused("input.id", status == CampaignStatus.DRAFT
                        ? "NOT_SCHEDULED"
                        : "ALREADY_ENDED", "Only a scheduled or running campaign can be ended."));
            }
            return campaigns.end(tx, id)
                    .chain(() -> audit.record(tx, caller, "CAMPAIGN_ENDED", "Campaign", id, campaign.name()))
                    .chain(() -> campaigns.find(tx, id))
                    .call(ended -> webhooks.announce(tx, WebhookEventType.CAMPAIGN_ENDED, webhookData(ended)))
                    .map(ended -> CampaignResult.ok(ended, null));
        });
    }

    public Uni<Campaign> get(Tx tx, UUID id) {
        return campaigns.find(tx, id);
    }

    public Uni<List<Campaign>> list(Tx tx, Instant startingBefore, int first) {
        return campaigns.list(tx, startingBefore, Math.max(1, Math.min(first, MAX_LIST)));
    }

    public Uni<List<TrackedLink>> links(Tx tx, UUID campaignId) {
        return campaigns.links(tx, campaignId);
    }

    /** A tracked link with a fresh public code, leading into one of the campaign's communities (its first by default). */
    public Uni<CampaignResult> createLink(Tx tx, Caller caller, UUID campaignId, NewLink link) {
        String channel = link.channel() == null ? "" : link.channel().strip().toLowerCase(Locale.ROOT);
        if (!CHANNEL.matcher(channel).matches()) {
            return Uni.createFrom().item(CampaignResult.refused("input.channel", "INVALID", "Name the channel with 1 to"
                    + " 40 letters, digits, '-' or '_' (e.g. newsletter, twitter)."));
        }
        if (!isWebAddress(link.targetUrl())) {
            return Uni.createFrom().item(CampaignResult.refused("input.targetUrl", "INVALID", "Give an absolute http or"
                    + " https address of up to 2000 characters."));
        }
        for (String utm : new String[]{link.utmSource(), link.utmMedium(), link.utmContent()}) {
            if (utm != null && (utm.isBlank() || utm.length() > 100)) {
                return Uni.createFrom().item(CampaignResult.refused("input", "INVALID", "UTM values have 1 to 100"
                        + " characters."));
            }
        }
        return campaigns.find(tx, campaignId).chain(campaign -> {
            if (campaign == null) {
                return Uni.createFrom().item(notFound("input.campaignId"));
            }
            if (campaign.status(Instant.now()) == CampaignStatus.ENDED) {
                return Uni.createFrom().item(CampaignResult.refused("input.campaignId", "CAMPAIGN_ENDED",
                        "This campaign has ended."));
            }
            UUID community = link.communityId() == null ? campaign.communityIds().get(0) : link.communityId();
            if (!campaign.communityIds().contains(community)) {
                return Uni.createFrom().item(CampaignResult.refused("input.communityId", "NOT_TARGETED",
                        "A link leads into one of the campaign's communities."));
            }
            NewLink clean = new NewLink(channel, link.targetUrl().strip(), community,
                    link.utmSource() == null ? channel : link.utmSource().strip(),
                    link.utmMedium() == null ? "animo" : link.utmMedium().strip(),
                    link.utmContent() == null ? null : link.utmContent().strip());
            UUID id = UUID.randomUUID();
            return campaigns.linkCount(tx, campaign.id()).chain(count -> {
                if (count >= MAX_LINKS) {
                    return Uni.createFrom().item(CampaignResult.refused("input.campaignId", "TOO_MANY_LINKS",
                            "A campaign has at most " + MAX_LINKS + " tracked links."));
                }
                return insertWithFreshCode(tx, id, campaign, clean, 3)
                        .chain(() -> audit.record(tx, caller, "TRACKED_LINK_CREATED", "TrackedLink", id,
                                campaign.name() + " / " + channel))
                        .chain(() -> campaigns.link(tx, id))
                        .map(created -> CampaignResult.ok(campaign, created));
            });
        });
    }

    private Uni<Void> insertWithFreshCode(Tx tx, UUID id, Campaign campaign, NewLink link, int attempts) {
        return campaigns.insertLink(tx, id, campaign.id(), newCode(), link, campaign.name())
                .chain(stored -> stored || attempts == 1
                        ? Uni.createFrom().voidItem()
                        : insertWithFreshCode(tx, id, campaign, link, attempts - 1));
    }

    /** The caller becomes the member who made the click, so what they do next is attributed to its campaign. */
    public Uni<ClickClaim> claim(Tx tx, Caller caller, UUID clickId) {
        return members.memberOf(caller).chain(member -> campaigns.claim(tx, clickId, member.id));
    }

    public Uni<CampaignReport> report(Tx tx, Campaign campaign) {
        Instant now = Instant.now();
        Instant from = campaign.startsAt();
        Instant to = campaign.reportEnd(now);
        Instant baselineFrom = from.minus(Duration.between(from, to));
        return campaigns.reach(tx, campaign)
                .chain(reach -> campaigns.clicks(tx, campaign.id())
                        .chain(clicks -> campaigns.conversions(tx, campaign)
                                .chain(conversions -> campaigns.periods(tx, campaign, baselineFrom, from, to)
                                        .map(periods -> new CampaignReport(from, to, baselineFrom, reach, clicks[0],
                                                clicks[1], conversions[0], conversions[1], conversions[2], periods[1],
                                                periods[0])))));
    }

    private static JsonObject webhookData(Campaign campaign) {
        return new JsonObject().put("campaignId", GlobalId.encode("Campaign", campaign.id()))
                .put("name", campaign.name()).put("startsAt", campaign.startsAt().toString())
                .put("endsAt", campaign.endsAt().toString()).put("status", campaign.status(Instant.now()).name());
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static CampaignResult validate(NewCampaign campaign) {
        if (campaign.name() == null || campaign.name().isBlank() || campaign.name().length() > 200) {
            return CampaignResult.refused("input.name", campaign.name() == null || campaign.name().isBlank()
                    ? "REQUIRED"
                    : "TOO_LONG", "Give a name of up to 200 characters.");
        }
        if (campaign.objective() == null || campaign.objective().isBlank() || campaign.objective().length() > 2_000) {
            return CampaignResult.refused("input.objective", "INVALID", "State the objective in 1 to 2000 characters.");
        }
        if (!campaign.endsAt().isAfter(campaign.startsAt())) {
            return CampaignResult.refused("input.endsAt", "INVALID", "A campaign ends after it starts.");
        }
        if (Duration.between(campaign.startsAt(), campaign.endsAt()).compareTo(MAX_WINDOW) > 0) {
            return CampaignResult.refused("input.endsAt", "INVALID", "A campaign lasts at most 366 days.");
        }
        if (campaign.attributionDays() != null && (campaign.attributionDays() < 1 || campaign.attributionDays() > 90)) {
            return CampaignResult.refused("input.attributionDays", "INVALID", "The attribution window is 1 to 90 days.");
        }
        if (campaign.communityIds().isEmpty() || campaign.communityIds().size() > MAX_COMMUNITIES) {
            return CampaignResult.refused("input.communityIds", "INVALID", "Aim at 1 to " + MAX_COMMUNITIES
                    + " communities.");
        }
        Segment segment = campaign.segment();
        if (segment != null) {
            if (segment.activeWithinDays() != null && (segment.activeWithinDays() < 1 || segment.activeWithinDays() > 365)) {
                return CampaignResult.refused("input.segment.activeWithinDays", "INVALID", "Give 1 to 365 days.");
            }
            if (segment.joinedAfter() != null && segment.joinedBefore() != null
                    && !segment.joinedBefore().isAfter(segment.joinedAfter())) {
                return CampaignResult.refused("input.segment.joinedBefore", "INVALID",
                        "joinedBefore comes after joinedAfter.");
            }
            if (MemberTags.normalize(segment.tags()) == null) {
                return CampaignResult.refused("input.segment.tags", "INVALID", "Give up to " + MemberTags.MAX_TAGS
                        + " tags of 1 to 40 letters, digits, '-' or '_'.");
            }
        }
        return null;
    }

    private static boolean isWebAddress(String url) {
        if (url == null || url.isBlank() || url.length() > 2_000) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CampaignResult notFound() {
        return notFound("input.id");
    }

    private static CampaignResult notFound(String field) {
        return CampaignResult.refused(field, "NOT_FOUND", "No campaign of this tenant has this id.");
    }
}
