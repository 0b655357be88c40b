package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SharePollersTest {

    @Test
    void pollersStartOnTheRampAndTheirPollsAreSpreadEvenlyOverThePeriod() {
        long period = 400_000_000;
        int count = 500;
        double connectRate = 250;
        Set<Long> phases = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            long start = (long) (i * 1e9 / connectRate);
            long first = SharePollers.firstTick(start, period, i, count);
            assertThat(first).isBetween(start, start + period - 1);
            assertThat(Math.floorMod(first, period)).isEqualTo(i * period / count);
            phases.add(Math.floorMod(first, period));
        }
        assertThat(phases).hasSize(count);
    }
}
