package io.animo.metrics.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.Audience;

@Type("Audience")
@Description("Who was active around a day (members who did something themselves: posted, replied, reacted, voted,"
        + " joined, reported), in the asked time zone.")
public record AudienceFigures(@Id @Description("null for the whole tenant") String communityId, @NonNull LocalDate on,
        @NonNull String timeZone,
        @NonNull @Description("Distinct active members on the day (DAU)") long daily,
        @NonNull @Description("Distinct active members in the 7 days ending with it (WAU)") long weekly,
        @NonNull @Description("Distinct active members in the 30 days ending with it (MAU)") long monthly,
        @Description("daily / monthly, between 0 and 1; null without members") Double stickiness,
        @NonNull @Description("Of the 30 days' members, those active for the first time") long newMembers,
        @NonNull @Description("Of the 30 days' members, those active before them too") long returningMembers,
        @NonNull @Description("Members active in the 30 days before, but not in these 30") long churnedMembers) {

    static AudienceFigures of(String communityId, LocalDate on, String timeZone, Audience a) {
        return new AudienceFigures(communityId, on, timeZone, a.daily(), a.weekly(), a.monthly(), a.stickiness(),
                a.newMembers(), a.returningMembers(), a.churnedMembers());
    }
}
