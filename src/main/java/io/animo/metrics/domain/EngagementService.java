package io.animo.metrics.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.community.domain.CommunityRepository;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.NotFoundException;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/** Engagement series of a community or a whole tenant, inside the caller's unit of work. */
@ApplicationScoped
public class EngagementService {

    /** A series has at most this many points: 16 hours of minutes, 41 days of hours, 2.7 years of days. */
    public static final int MAX_POINTS = 1_000;

    private final EngagementRepository engagement;
    private final CommunityRepository communities;

    public EngagementService(EngagementRepository engagement, CommunityRepository communities) {
        this.engagement = engagement;
        this.communities = communities;
    }

    /** The points of {@code [from, to)}, one per bucket, zeros included. */
    public Uni<List<EngagementPoint>> series(Tx tx, UUID communityId, Instant from, Instant to, Granularity granularity,
            String timeZone) {
        ZoneId zone = zone(timeZone);
        checkRange(from, to, granularity);
        Map<Instant, EngagementPoint> points = new LinkedHashMap<>();
        granularity.starts(from, to, zone).forEach(start -> points.put(start, EngagementPoint.empty(start)));
        Instant start = points.keySet().iterator().next();
        return inScope(tx, communityId).chain(() -> Uni.combine().all().unis(
                engagement.counts(tx, communityId, granularity, zone, start, to, (bucket, row) -> pointAt(points, bucket)
                        .counts().merge(Metric.valueOf(row.getString(1)), row.getLong(2), Long::sum)),
                engagement.activeMembers(tx, communityId, granularity, zone, start, to,
                        (bucket, members) -> points.computeIfPresent(bucket, (at, point) -> new EngagementPoint(at,
                                point.counts(), members, point.medianFirstReplySeconds()))),
                engagement.medianFirstReply(tx, communityId, granularity, zone, start, to,
                        (bucket, median) -> points.computeIfPresent(bucket, (at, point) -> new EngagementPoint(at,
                                point.counts(), point.activeMembers(), median))))
                .discardItems())
                .map(ignored -> List.copyOf(points.values()));
    }

    /**
     * {@code [from, to)} cut into ranges of fewer than {@link #MAX_POINTS} buckets, for series of any length (exports):
     * each range starts on a bucket start, so no bucket is split.
     */
    public List<Instant[]> chunks(Instant from, Instant to, Granularity granularity, String timeZone) {
        ZoneId zone = zone(timeZone);
        if (!from.isBefore(to)) {
            throw new BadRequestException("from must be before to.");
        }
        List<Instant[]> chunks = new ArrayList<>();
        ZonedDateTime start = granularity.floor(from.atZone(zone));
        while (start.toInstant().isBefore(to)) {
            ZonedDateTime end = start;
            for (int i = 0; i < MAX_POINTS - 2 && end.toInstant().isBefore(to); i++) { // within checkRange's estimate
                end = granularity.next(end);
            }
            chunks.add(new Instant[]{start.toInstant(), end.toInstant().isBefore(to) ? end.toInstant() : to});
            start = end;
        }
        return chunks;
    }

    /** A community scope must be one of the tenant's communities ({@code NOT_FOUND} otherwise). */
    public Uni<Void> inScope(Tx tx, UUID communityId) {
        if (communityId == null) {
            return Uni.createFrom().voidItem();
        }
        return communities.read(tx, communityId).map(community -> {
            if (community == null) {
                throw new NotFoundException("No community of this tenant has this id.");
            }
            return null;
        });
    }

    /** A range of a series: {@code from} before {@code to}, and at most {@link #MAX_POINTS} points. */
    static void checkRange(Instant from, Instant to, Granularity granularity) {
        if (!from.isBefore(to)) {
            throw new BadRequestException("from must be before to.");
        }
        if (granularity.pointsBetween(from, to) > MAX_POINTS) {
            throw new BadRequestException("At most " + MAX_POINTS + " points: ask for a shorter range or a coarser"
                    + " granularity.");
        }
    }

    static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? Granularity.utc() : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            String shown = timeZone.length() > 50 ? timeZone.substring(0, 50) : timeZone;
            throw new BadRequestException("Unknown time zone '" + shown + "': give an IANA name such as Europe/Paris.");
        }
    }

    private static EngagementPoint pointAt(Map<Instant, EngagementPoint> points, Instant bucket) {
        return points.getOrDefault(bucket, EngagementPoint.empty(bucket));
    }
}
