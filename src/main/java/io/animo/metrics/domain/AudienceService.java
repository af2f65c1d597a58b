package io.animo.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/** Audience, retention and leaders of a community or a whole tenant, inside the caller's unit of work. */
@ApplicationScoped
public class AudienceService {

    public static final int MAX_PERIODS = 52;
    public static final int MAX_TOP = 100;
    /** Top terms read the messages themselves: a range covers at most this many days. */
    public static final int MAX_TERM_DAYS = 400;

    private final AudienceRepository audience;
    private final EngagementService engagement;

    public AudienceService(AudienceRepository audience, EngagementService engagement) {
        this.audience = audience;
        this.engagement = engagement;
    }

    /** DAU, WAU, MAU and the month's new, returning and churned members, for the day {@code on} in {@code timeZone}. */
    public Uni<Audience> audience(Tx tx, UUID communityId, LocalDate on, String timeZone) {
        ZoneId zone = EngagementService.zone(timeZone);
        return engagement.inScope(tx, communityId).chain(() -> audience.audience(tx, communityId, start(on, zone),
                start(on.minusDays(6), zone), start(on.minusDays(29), zone), start(on.minusDays(59), zone),
                start(on.plusDays(1), zone)));
    }

    /**
     * The last {@code periods} cohorts up to the current period, oldest first: members by the period of their first
     * activity, and how many of them were active in each period since (up to the current one).
     */
    public Uni<List<Cohort>> retention(Tx tx, UUID communityId, CohortPeriod period, int periods, String timeZone) {
        if (periods < 1 || periods > MAX_PERIODS) {
            return Uni.createFrom().failure(new BadRequestException("periods is between 1 and " + MAX_PERIODS + "."));
        }
        ZoneId zone = EngagementService.zone(timeZone);
        LocalDateTime current = floor(ZonedDateTime.now(zone).toLocalDateTime(), period);
        LocalDateTime first = minus(current, period, periods - 1);
        Map<LocalDateTime, Map<Long, Long>> cells = new HashMap<>();
        return engagement.inScope(tx, communityId)
                .chain(() -> audience.cohorts(tx, communityId, period, zone, first, (cohort, active, members) -> cells
                        .computeIfAbsent(cohort, ignored -> new HashMap<>()).put(between(cohort, active, period), members)))
                .map(ignored -> {
                    List<Cohort> cohorts = new ArrayList<>();
                    for (LocalDateTime cohort = first; !cohort.isAfter(current); cohort = minus(cohort, period, -1)) {
                        Map<Long, Long> row = cells.getOrDefault(cohort, Map.of());
                        List<Long> active = new ArrayList<>();
                        for (long offset = 0; offset <= between(cohort, current, period); offset++) {
                            active.add(row.getOrDefault(offset, 0L));
                        }
                        cohorts.add(new Cohort(cohort.atZone(zone).toInstant(), active.get(0), List.copyOf(active)));
                    }
                    return cohorts;
                });
    }

    public Uni<List<TopMember>> topMembers(Tx tx, UUID communityId, Instant from, Instant to, int limit) {
        checkTop(from, to, limit);
        return engagement.inScope(tx, communityId).chain(() -> audience.topMembers(tx, communityId, from, to, limit));
    }

    public Uni<List<TopTerm>> topTerms(Tx tx, UUID communityId, Instant from, Instant to, int limit) {
        checkTop(from, to, limit);
        if (ChronoUnit.DAYS.between(from, to) > MAX_TERM_DAYS) {
            throw new BadRequestException("Top terms cover at most " + MAX_TERM_DAYS + " days.");
        }
        return engagement.inScope(tx, communityId).chain(() -> audience.topTerms(tx, communityId, from, to, limit));
    }

    private static void checkTop(Instant from, Instant to, int limit) {
        if (!from.isBefore(to)) {
            throw new BadRequestException("from must be before to.");
        }
        if (limit < 1 || limit > MAX_TOP) {
            throw new BadRequestException("first is between 1 and " + MAX_TOP + ".");
        }
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDateTime floor(LocalDateTime at, CohortPeriod period) {
        LocalDateTime day = at.truncatedTo(ChronoUnit.DAYS);
        return period == CohortPeriod.WEEK
                ? day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
    }

    private static LocalDateTime minus(LocalDateTime at, CohortPeriod period, long periods) {
        return period == CohortPeriod.WEEK ? at.minusWeeks(periods) : at.minusMonths(periods);
    }

    private static long between(LocalDateTime from, LocalDateTime to, CohortPeriod period) {
        return period == CohortPeriod.WEEK ? ChronoUnit.WEEKS.between(from, to) : ChronoUnit.MONTHS.between(from, to);
    }
}
