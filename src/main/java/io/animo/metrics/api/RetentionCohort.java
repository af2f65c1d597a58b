package io.animo.metrics.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.Cohort;

@Type("RetentionCohort")
@Description("The members first active in one period, and how many came back in each period since.")
public record RetentionCohort(@NonNull @Description("The start of the cohort's period") Instant start,
        @NonNull @Description("Members first active in the period") long size,
        @NonNull @Description("Members of the cohort active in the cohort's period (= size), the next one, and so on up"
                + " to the current period") List<@NonNull Long> active,
        @NonNull @Description("active / size, period by period (0 for an empty cohort)") List<@NonNull Double> rates) {

    static RetentionCohort of(Cohort cohort) {
        return new RetentionCohort(cohort.start(), cohort.size(), cohort.active(), cohort.active().stream()
                .map(active -> cohort.size() == 0 ? 0.0 : (double) active / cohort.size()).toList());
    }
}
