package io.animo.campaign.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.ActivityKind;
import io.animo.member.domain.CommunityRole;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Campaigns, their target communities, tracked links and clicks, and the figures of their reports, in plain SQL. */
@ApplicationScoped
public class CampaignRepository {

    private static final String COLUMNS = "c.id, c.name, c.objective, c.starts_at, c.ends_at, c.status, c.ended_at,"
            + " c.attribution_days, c.segment_roles, c.segment_joined_after, c.segment_joined_before,"
            + " c.segment_active_within_days, c.segment_tags, c.created_at,"
            + " array(select cc.community_id from campaign_community cc where cc.tenant_id = c.tenant_id"
            + "   and cc.campaign_id = c.id order by cc.community_id)";
    private static final String LINK_COLUMNS = "l.id, l.campaign_id, l.code, l.channel, l.target_url, l.community_id,"
            + " l.utm_source, l.utm_medium, l.utm_campaign, l.utm_content, l.created_at,"
            + " (select count(*) from campaign_click k where k.tenant_id = l.tenant_id and k.link_id = l.id)";
    private static final String MESSAGE_KINDS = "('THREAD_CREATED', 'MESSAGE_POSTED', 'REPLY_POSTED')";

    Uni<Void> insert(Tx tx, UUID id, NewCampaign campaign) {
        Segment segment = campaign.segment();
        return tx.sql().preparedQuery("insert into campaign (tenant_id, id, name, objective, starts_at, ends_at, status,"
                + " attribution_days, segment_roles, segment_joined_after, segment_joined_before,"
                + " segment_active_within_days, segment_tags, created_at)"
                + " values ($1, $2, $3, $4, $5, $6, 'DRAFT', $7, $8, $9, $10, $11, $12, now())")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), id, campaign.name(), campaign.objective(),
                        Rows.timestamp(campaign.startsAt()), Rows.timestamp(campaign.endsAt()),
                        campaign.attributionDays(), roles(segment), Rows.timestamp(segment.joinedAfter()),
                        Rows.timestamp(segment.joinedBefore()), segment.activeWithinDays(),
                        segment.tags().toArray(String[]::new))))
                .chain(() -> tx.sql().preparedQuery("insert into campaign_community (tenant_id, campaign_id, community_id)"
                        + " select $1, $2, unnest($3::uuid[])")
                        .execute(Tuple.of(tx.tenantId(), id, campaign.communityIds().toArray(UUID[]::new))))
                .replaceWithVoid();
    }

    public Uni<Campaign> find(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select " + COLUMNS + " from campaign c where c.tenant_id = $1 and c.id = $2")
                .execute(Tuple.of(tx.tenantId(), id)).map(rows -> Rows.first(rows, CampaignRepository::campaign));
    }

    /** The tenant's campaigns starting before {@code before} (all when null), latest start first. */
    Uni<List<Campaign>> list(Tx tx, Instant before, int limit) {
        return tx.sql().preparedQuery("select " + COLUMNS + " from campaign c where c.tenant_id = $1"
                + " and ($2::timestamptz is null or c.starts_at < $2) order by c.starts_at desc, c.id desc limit $3")
                .execute(Tuple.of(tx.tenantId(), Rows.timestamp(before), limit))
                .map(rows -> Rows.all(rows, CampaignRepository::campaign));
    }

    Uni<Void> schedule(Tx tx, UUID id) {
        return tx.sql().preparedQuery("update campaign set status = 'SCHEDULED' where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id)).replaceWithVoid();
    }

    Uni<Void> end(Tx tx, UUID id) {
        return tx.sql().preparedQuery("update campaign set status = 'ENDED', ended_at = now()"
                + " where tenant_id = $1 and id = $2").execute(Tuple.of(tx.tenantId(), id)).replaceWithVoid();
    }

    /** Stores the link under {@code code}; false when another link (of any tenant) has that code already. */
    Uni<Boolean> insertLink(Tx tx, UUID id, UUID campaignId, String code, NewLink link, String utmCampaign) {
        return tx.sql().preparedQuery("insert into tracked_link (tenant_id, id, campaign_id, code, channel, target_url,"
                + " community_id, utm_source, utm_medium, utm_campaign, utm_content, created_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()) on conflict (code) do nothing")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), id, campaignId, code, link.channel(), link.targetUrl(),
                        link.communityId(), link.utmSource(), link.utmMedium(), utmCampaign, link.utmContent())))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Long> linkCount(Tx tx, UUID campaignId) {
        return tx.sql().preparedQuery("select count(*) from tracked_link where tenant_id = $1 and campaign_id = $2")
                .execute(Tuple.of(tx.tenantId(), campaignId)).map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<TrackedLink> link(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select " + LINK_COLUMNS + " from tracked_link l where l.tenant_id = $1"
                + " and l.id = $2").execute(Tuple.of(tx.tenantId(), id)).map(rows -> Rows.first(rows,
                        CampaignRepository::link));
    }

    Uni<List<TrackedLink>> links(Tx tx, UUID campaignId) {
        return tx.sql().preparedQuery("select " + LINK_COLUMNS + " from tracked_link l where l.tenant_id = $1"
                + " and l.campaign_id = $2 order by l.created_at, l.id limit 1000")
                .execute(Tuple.of(tx.tenantId(), campaignId)).map(rows -> Rows.all(rows, CampaignRepository::link));
    }

    /** Gives an unclaimed click to the member, if it is recent enough to be attributed; the click as it now is. */
    Uni<ClickClaim> claim(Tx tx, UUID clickId, UUID memberId) {
        return tx.sql().preparedQuery("update campaign_click k set member_id = $3, claimed_at = now()"
                + " from campaign c where k.tenant_id = $1 and k.id = $2 and k.member_id is null"
                + " and c.tenant_id = k.tenant_id and c.id = k.campaign_id"
                + " and k.clicked_at > now() - make_interval(days => c.attribution_days)"
                + " returning k.id, k.campaign_id, k.clicked_at")
                .execute(Tuple.of(tx.tenantId(), clickId, memberId))
                .chain(rows -> rows.rowCount() == 1
                        ? Uni.createFrom().item(claimed(rows.iterator().next()))
                        : tx.sql().preparedQuery("select member_id from campaign_click where tenant_id = $1 and id = $2")
                                .execute(Tuple.of(tx.tenantId(), clickId)).map(found -> {
                                    if (found.rowCount() == 0) {
                                        return ClickClaim.refused("NOT_FOUND", "No click of this tenant has this id.");
                                    }
                                    UUID owner = found.iterator().next().getUUID(0);
                                    if (owner == null) {
                                        return ClickClaim.refused("EXPIRED", "This click is older than its campaign's"
                                                + " attribution window.");
                                    }
                                    return memberId.equals(owner)
                                            ? ClickClaim.refused("ALREADY_CLAIMED", "You claimed this click already.")
                                            : ClickClaim.refused("ALREADY_CLAIMED", "Someone else claimed this click.");
                                }));
    }

    private static ClickClaim claimed(Row row) {
        return new ClickClaim(row.getUUID(0), row.getUUID(1), Rows.instant(row, 2), List.of());
    }

    /** Members of the target communities the segment selects (banned members are left out). */
    Uni<Long> reach(Tx tx, Campaign campaign) {
        Segment segment = campaign.segment();
        return tx.sql().preparedQuery("select count(distinct ms.member_id) from community_membership ms"
                + " where ms.tenant_id = $1 and ms.community_id = any($2) and ms.status <> 'BANNED'"
                + " and (cardinality($3::text[]) = 0 or ms.role = any($3))"
                + " and ($4::timestamptz is null or ms.joined_at >= $4)"
                + " and ($5::timestamptz is null or ms.joined_at < $5)"
                + " and ($6::integer is null or exists (select 1 from activity a where a.tenant_id = ms.tenant_id"
                + "   and a.member_id = ms.member_id and a.occurred_at >= now() - make_interval(days => $6)"
                + "   and a.kind in " + ActivityKind.byTheMemberSql() + "))"
                + " and (cardinality($7::text[]) = 0 or exists (select 1 from member_tag t"
                + "   where t.tenant_id = ms.tenant_id and t.member_id = ms.member_id and t.tag = any($7)))")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), communities(campaign), roles(segment),
                        Rows.timestamp(segment.joinedAfter()), Rows.timestamp(segment.joinedBefore()),
                        segment.activeWithinDays(), segment.tags().toArray(String[]::new))))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** All clicks of the campaign's links, and how many members claimed at least one. */
    Uni<long[]> clicks(Tx tx, UUID campaignId) {
        return tx.sql().preparedQuery("select count(*), count(distinct member_id) from campaign_click"
                + " where tenant_id = $1 and campaign_id = $2").execute(Tuple.of(tx.tenantId(), campaignId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[]{row.getLong(0), row.getLong(1)};
                });
    }

    /**
     * Of the members who claimed a click: how many joined a target community, posted there, answered one of its
     * events, within the attribution window after their first click.
     */
    Uni<long[]> conversions(Tx tx, Campaign campaign) {
        String converted = "exists (select 1 from activity a where a.tenant_id = $1 and a.member_id = k.member_id"
                + " and a.community_id = any($3) and a.occurred_at >= k.first_click"
                + " and a.occurred_at < k.first_click + make_interval(days => $4) and a.kind in ";
        return tx.sql().preparedQuery("select count(*) filter (where " + converted + "('MEMBER_JOINED'))),"
                + " count(*) filter (where " + converted + MESSAGE_KINDS + ")),"
                + " count(*) filter (where " + converted + "('EVENT_RSVP')))"
                + " from (select member_id, min(clicked_at) as first_click from campaign_click"
                + "  where tenant_id = $1 and campaign_id = $2 and member_id is not null group by member_id) k")
                .execute(Tuple.of(tx.tenantId(), campaign.id(), communities(campaign), campaign.attributionDays()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[]{row.getLong(0), row.getLong(1), row.getLong(2)};
                });
    }

    /** Figures of the target communities over [baselineFrom, from) (index 0) and [from, to) (index 1). */
    Uni<PeriodFigures[]> periods(Tx tx, Campaign campaign, Instant baselineFrom, Instant from, Instant to) {
        return tx.sql().preparedQuery("select occurred_at >= $3,"
                + " count(*) filter (where kind in " + MESSAGE_KINDS + "),"
                + " count(distinct member_id) filter (where kind in " + ActivityKind.byTheMemberSql() + "),"
                + " count(*) filter (where kind = 'MEMBER_JOINED'), count(*) filter (where kind = 'CAMPAIGN_CLICKED'),"
                + " count(*) filter (where sentiment = 'POSITIVE'), count(*) filter (where sentiment = 'NEGATIVE'),"
                + " count(sentiment)"
                + " from activity where tenant_id = $1 and community_id = any($2) and occurred_at >= $4"
                + " and occurred_at < $5 group by 1")
                .execute(Tuple.of(tx.tenantId(), communities(campaign), Rows.timestamp(from),
                        Rows.timestamp(baselineFrom), Rows.timestamp(to)))
                .map(rows -> {
                    PeriodFigures[] figures = {PeriodFigures.NONE, PeriodFigures.NONE};
                    rows.forEach(row -> figures[row.getBoolean(0) ? 1 : 0] = new PeriodFigures(row.getLong(1),
                            row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                            row.getLong(7)));
                    return figures;
                });
    }

    private static UUID[] communities(Campaign campaign) {
        return campaign.communityIds().toArray(UUID[]::new);
    }

    private static String[] roles(Segment segment) {
        return segment.roles().stream().map(Enum::name).toArray(String[]::new);
    }

    private static Campaign campaign(Row row) {
        Segment segment = new Segment(Arrays.stream(row.getArrayOfStrings(8)).map(CommunityRole::valueOf).toList(),
                Rows.instant(row, 9), Rows.instant(row, 10), row.getInteger(11), List.of(row.getArrayOfStrings(12)));
        return new Campaign(row.getUUID(0), row.getString(1), row.getString(2), Rows.instant(row, 3),
                Rows.instant(row, 4), row.getString(5), Rows.instant(row, 6), row.getInteger(7), segment,
                List.of(row.getArrayOfUUIDs(14)), Rows.instant(row, 13));
    }

    private static TrackedLink link(Row row) {
        return new TrackedLink(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3), row.getString(4),
                row.getUUID(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getLong(11), Rows.instant(row, 10));
    }
}
