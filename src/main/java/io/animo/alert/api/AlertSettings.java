package io.animo.alert.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.alert.domain.SpikeDetector;

@Type("AlertSettings")
@Description("What counts as a spike for the tenant: a minute at least `threshold` standard deviations above the hour"
        + " before it, with at least the minimum volume.")
public record AlertSettings(@NonNull double threshold,
        @NonNull @Description("Messages in the minute (volume and negative-share spikes)") int minMessages,
        @NonNull @Description("Reports in the minute") int minReports,
        @NonNull @Description("Members joining in the minute") int minJoins) {

    static AlertSettings of(SpikeDetector.Settings s) {
        return s == null ? null : new AlertSettings(s.threshold(), s.minMessages(), s.minReports(), s.minJoins());
    }
}
