package io.animo.metrics.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.Metric;

@Type("MetricValue")
public record MetricValue(@NonNull Metric metric, @NonNull long value) {
}
