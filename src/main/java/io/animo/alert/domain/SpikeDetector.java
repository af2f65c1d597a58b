package io.animo.alert.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells spikes from noise in a community's minute figures: the current minute against the baseline of the minutes
 * before it (empty minutes count as zeros). Counts (messages, reports, joins) are spikes when their z-score, the
 * distance from the baseline's mean in standard deviations (at least 1, so that a flat baseline does not make every
 * blip a spike), reaches the threshold and the count reaches a minimum volume. The negative share is a spike when its
 * binomial z-score against the baseline share (smoothed towards 20 % so that a quiet baseline says little) reaches
 * the threshold, over at least the minimum volume of messages. Pure code: tested on synthetic series.
 */
public final class SpikeDetector {

    private static final double PRIOR_NEGATIVE_SHARE = 0.2;
    private static final double PRIOR_WEIGHT = 5;
    /**
     * The minutes just before the current one are left out of its baseline: a surge that began there (a burst that
     * straddles a minute boundary) must not become its own baseline.
     */
    static final int GUARD_MINUTES = 2;

    private SpikeDetector() {
    }

    /** What counts as a spike: a z-score and minimum volumes per kind. */
    public record Settings(double threshold, int minMessages, int minReports, int minJoins) {

        public static final Settings DEFAULT = new Settings(4.0, 10, 3, 10);
    }

    /** A spike found: the value seen, the baseline it is measured against, and by how many deviations it departs. */
    public record Spike(AlertKind kind, double observed, double baseline, double deviation) {
    }

    /**
     * Per-minute figures, oldest first, the current minute last: messages, messages and mentions by sentiment,
     * reports and joins.
     */
    public record Minutes(long[] messages, long[] content, long[] negative, long[] reports, long[] joins) {
    }

    public static List<Spike> spikes(Minutes minutes, Settings settings) {
        List<Spike> spikes = new ArrayList<>();
        count(AlertKind.VOLUME_SPIKE, minutes.messages(), settings.minMessages(), settings.threshold(), spikes);
        count(AlertKind.REPORTS_SPIKE, minutes.reports(), settings.minReports(), settings.threshold(), spikes);
        count(AlertKind.NEW_MEMBER_SURGE, minutes.joins(), settings.minJoins(), settings.threshold(), spikes);
        negativeShare(minutes, settings, spikes);
        return spikes;
    }

    private static void count(AlertKind kind, long[] series, int minimum, double threshold, List<Spike> spikes) {
        int last = series.length - 1;
        if (last < 1 || series[last] < minimum) {
            return;
        }
        int end = baselineEnd(last);
        double mean = 0;
        for (int i = 0; i < end; i++) {
            mean += series[i];
        }
        mean /= end;
        double variance = 0;
        for (int i = 0; i < end; i++) {
            variance += (series[i] - mean) * (series[i] - mean);
        }
        double deviation = Math.max(1, Math.sqrt(variance / end));
        double z = (series[last] - mean) / deviation;
        if (z >= threshold) {
            spikes.add(new Spike(kind, series[last], mean, z));
        }
    }

    private static void negativeShare(Minutes minutes, Settings settings, List<Spike> spikes) {
        int last = minutes.content().length - 1;
        long now = minutes.content()[last];
        if (last < 1 || now < settings.minMessages()) {
            return;
        }
        long before = 0;
        long negativeBefore = 0;
        for (int i = 0; i < baselineEnd(last); i++) {
            before += minutes.content()[i];
            negativeBefore += minutes.negative()[i];
        }
        double baseline = (negativeBefore + PRIOR_NEGATIVE_SHARE * PRIOR_WEIGHT) / (before + PRIOR_WEIGHT);
        double share = (double) minutes.negative()[last] / now;
        double z = (share - baseline) / Math.sqrt(baseline * (1 - baseline) / now);
        if (z >= settings.threshold()) {
            spikes.add(new Spike(AlertKind.NEGATIVE_SHARE_SPIKE, share, baseline, z));
        }
    }

    /** The baseline is minutes [0, end): all before the current one but the guard, when there are enough. */
    private static int baselineEnd(int last) {
        return last > GUARD_MINUTES ? last - GUARD_MINUTES : last;
    }
}
