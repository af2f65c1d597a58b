package io.animo.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.animo.alert.domain.AlertKind;
import io.animo.alert.domain.SpikeDetector;
import io.animo.alert.domain.SpikeDetector.Minutes;
import io.animo.alert.domain.SpikeDetector.Settings;
import io.animo.alert.domain.SpikeDetector.Spike;

/**
 * The detector on synthetic series: an hour of Poisson (or binomial) noise around a steady rate, then a current minute
 * that is either more of the same noise (must not be a spike, bar a rare false alarm) or a known spike (must be).
 */
class SpikeDetectorTest {

    private static final int HOUR = 60;
    private static final int TRIALS = 2_000;

    @Test
    void noiseAroundASteadyRateRaisesNothing() {
        Random random = new Random(42);
        int alarms = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double rate = 2 + random.nextInt(40); // quiet to busy communities
            Minutes minutes = series(random, rate, rate, 0.2, 0.2, rate / 10, rate / 10, rate / 5, rate / 5);
            alarms += SpikeDetector.spikes(minutes, Settings.DEFAULT).size();
        }
        assertTrue(alarms <= TRIALS / 200, "false alarms in " + TRIALS + " noisy minutes: " + alarms);
    }

    @Test
    void aBurstOfMessagesIsAVolumeSpike() {
        Random random = new Random(1);
        for (double rate : new double[]{0.5, 5, 20}) {
            Minutes minutes = series(random, rate, rate * 5 + 15, 0.2, 0.2, 0, 0, 0, 0);
            assertEquals(List.of(AlertKind.VOLUME_SPIKE), kinds(SpikeDetector.spikes(minutes, Settings.DEFAULT)),
                    "rate " + rate);
        }
    }

    @Test
    void aTurnToNegativeIsANegativeShareSpikeWithoutAVolumeSpike() {
        Random random = new Random(2);
        Minutes minutes = series(random, 20, 20, 0.15, 0.7, 0, 0, 0, 0);
        List<Spike> spikes = SpikeDetector.spikes(minutes, Settings.DEFAULT);
        assertEquals(List.of(AlertKind.NEGATIVE_SHARE_SPIKE), kinds(spikes));
        assertTrue(spikes.get(0).observed() > 0.5 && spikes.get(0).baseline() < 0.25, spikes.toString());
    }

    @Test
    void aNegativeBurstThatStraddlesAMinuteIsStillASpike() {
        long[] content = new long[HOUR + 1];
        long[] negative = new long[HOUR + 1];
        content[HOUR - 1] = 8; // the burst began in the last seconds of the minute before
        negative[HOUR - 1] = 8;
        content[HOUR] = 22;
        negative[HOUR] = 22;
        long[] none = new long[HOUR + 1];
        assertEquals(List.of(AlertKind.VOLUME_SPIKE, AlertKind.NEGATIVE_SHARE_SPIKE),
                kinds(SpikeDetector.spikes(new Minutes(content, content, negative, none, none), Settings.DEFAULT)));
    }

    @Test
    void aWaveOfReportsAndASurgeOfNewcomersAreSpikes() {
        Random random = new Random(3);
        Minutes minutes = series(random, 10, 10, 0.2, 0.2, 0.2, 12, 0.5, 40);
        assertEquals(List.of(AlertKind.REPORTS_SPIKE, AlertKind.NEW_MEMBER_SURGE),
                kinds(SpikeDetector.spikes(minutes, Settings.DEFAULT)));
    }

    @Test
    void aQuietCommunityNeedsTheMinimumVolume() {
        long[] quiet = new long[HOUR + 1];
        quiet[HOUR] = 6; // six messages after an empty hour: far from the mean, but below ten messages
        long[] none = new long[HOUR + 1];
        assertEquals(List.of(), SpikeDetector.spikes(new Minutes(quiet, quiet, quiet, none, none), Settings.DEFAULT));
        Settings sensitive = new Settings(4, 5, 3, 10);
        assertEquals(List.of(AlertKind.VOLUME_SPIKE, AlertKind.NEGATIVE_SHARE_SPIKE),
                kinds(SpikeDetector.spikes(new Minutes(quiet, quiet, quiet, none, none), sensitive)));
    }

    @Test
    void aHigherThresholdLetsAModerateBurstPass() {
        long[] messages = new long[HOUR + 1];
        java.util.Arrays.fill(messages, 10);
        messages[HOUR] = 25; // 15 above a flat baseline of 10: 15 deviations at the floor of 1
        long[] none = new long[HOUR + 1];
        Minutes minutes = new Minutes(messages, messages, none, none, none);
        assertEquals(List.of(AlertKind.VOLUME_SPIKE), kinds(SpikeDetector.spikes(minutes, Settings.DEFAULT)));
        assertEquals(List.of(), SpikeDetector.spikes(minutes, new Settings(20, 10, 3, 10)));
    }

    /**
     * An hour at the baseline rates, then a current minute at the current rates: messages (all content, with a
     * negative share), reports and joins.
     */
    private static Minutes series(Random random, double messageRate, double currentMessageRate, double negativeShare,
            double currentNegativeShare, double reportRate, double currentReportRate, double joinRate,
            double currentJoinRate) {
        long[] messages = new long[HOUR + 1];
        long[] negative = new long[HOUR + 1];
        long[] reports = new long[HOUR + 1];
        long[] joins = new long[HOUR + 1];
        for (int minute = 0; minute <= HOUR; minute++) {
            boolean current = minute == HOUR;
            messages[minute] = poisson(random, current ? currentMessageRate : messageRate);
            negative[minute] = binomial(random, messages[minute], current ? currentNegativeShare : negativeShare);
            reports[minute] = poisson(random, current ? currentReportRate : reportRate);
            joins[minute] = poisson(random, current ? currentJoinRate : joinRate);
        }
        return new Minutes(messages, messages, negative, reports, joins);
    }

    private static long poisson(Random random, double rate) {
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static long binomial(Random random, long trials, double p) {
        long successes = 0;
        for (long i = 0; i < trials; i++) {
            successes += random.nextDouble() < p ? 1 : 0;
        }
        return successes;
    }

    private static List<AlertKind> kinds(List<Spike> spikes) {
        return spikes.stream().map(Spike::kind).toList();
    }
}
