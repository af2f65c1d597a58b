package io.animo.metrics.domain;

import java.time.Instant;
import java.util.List;

/**
 * The members first active in one period (week or month) and, for that period and each later one that has begun, how
 * many of them were active in it ({@code active.get(0)} is the size).
 */
public record Cohort(Instant start, long size, List<Long> active) {
}
