package dev.dateline.internal.facet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FacetColumns.Times#firstBelow}: the first document at or after a position whose time is
 * below a bound, found through every 64th time and a bisection, or for a whole hour in a table
 * of hours, equals a linear scan.
 */
class TimesTest {

  @Test
  void wholeHoursLookedUpEqualALinearScan() {
    Random r = new Random(7);
    long hour = FacetColumns.Times.HOUR;
    int indexed = 0;
    for (int round = 0; round < 200; round++) {
      int dated = 1 + r.nextInt(2_000);
      long[] values = new long[dated];
      // Millisecond times, newest first, some on whole hours, a few before 1970.
      long t = (r.nextBoolean() ? 1_780_000_000_000L : 3 * hour) + r.nextInt(1_000_000);
      for (int i = 0; i < dated; i++) {
        values[i] = r.nextInt(10) == 0 ? Math.floorDiv(t, hour) * hour : t;
        t = values[i] - (r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextInt(100) == 0 ? 20 * (int) hour : 40 * 60_000));
      }
      FacetColumns.Times times = FacetColumns.Times.of(values, null, dated, true);
      indexed += times.hourIndexed() ? 1 : 0;
      long first = Math.floorDiv(values[dated - 1], hour) * hour - 2 * hour;
      long last = Math.ceilDiv(values[0], hour) * hour + 2 * hour;
      for (long bound = first; bound <= last; bound += hour * (1 + r.nextInt(3))) {
        int from = r.nextInt(dated + 2);
        assertThat(times.firstBelow(bound, from))
            .as("round %d, bound %d, from %d", round, bound, from)
            .isEqualTo(scan(values, dated, bound, from));
      }
    }
    assertThat(indexed).as("rounds with an hour index").isGreaterThan(50);
  }

  private static int scan(long[] values, int dated, long bound, int from) {
    int i = from;
    while (i < dated && values[i] >= bound) {
      i++;
    }
    return i;
  }

  @Test
  void firstBelowEqualsALinearScan() {
    Random r = new Random(42);
    for (int round = 0; round < 300; round++) {
      // Newest first: times that never rise, with runs of equal times of any length.
      int dated = r.nextInt(round < 20 ? 70 : 3_000);
      long[] values = new long[dated + r.nextInt(3)]; // undated documents after the dated
      long t = 1_000_000;
      for (int i = 0; i < dated; i++) {
        values[i] = t;
        t -= r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextBoolean() ? 3 : 500);
      }
      FacetColumns.Times times = FacetColumns.Times.of(values, null, dated, true);
      for (int q = 0; q < 200; q++) {
        long bound = dated == 0 ? 0 : values[r.nextInt(dated)] + r.nextInt(3) - 1;
        int from = r.nextInt(dated + 2);
        int expected = from;
        while (expected < dated && values[expected] >= bound) {
          expected++;
        }
        assertThat(times.firstBelow(bound, from))
            .as("round %d, %d dated, bound %d, from %d", round, dated, bound, from)
            .isEqualTo(expected);
      }
    }
  }
}
