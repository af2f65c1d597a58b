package io.animo.moderation.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReportPeriodInput")
@Description("A period [from, to) of at most 366 days.")
public record ReportPeriodInput(@NonNull Instant from, @NonNull Instant to) {
}
