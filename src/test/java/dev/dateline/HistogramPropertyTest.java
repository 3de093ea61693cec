package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Date histograms on randomised corpora over daylight-saving changes, in many zones, every bucket
 * checked against a definition computed independently, minute by minute or day by day.
 */
class HistogramPropertyTest {

  static final List<String> ZONES =
      List.of(
          "UTC", "America/New_York", "Europe/London", "Europe/Kyiv", "Asia/Kolkata", "Asia/Kathmandu",
          "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "America/Santiago",
          "Australia/Sydney", "Asia/Singapore", "+08:00", "-03:30");

  /** A boundary of an hour bucket: a whole local hour, or a change of offset (zones here use whole minutes). */
  static boolean hourBoundary(Instant m, ZoneId zone) {
    ZonedDateTime t = m.atZone(zone);
    return (t.getMinute() == 0 && t.getSecond() == 0)
        || !zone.getRules().getOffset(m).equals(zone.getRules().getOffset(m.minusSeconds(60)));
  }

  /** The hour bucket of {@code t}, by walking back minute by minute to a boundary. */
  static Instant hourKey(Instant t, ZoneId zone) {
    Instant m = t.truncatedTo(ChronoUnit.MINUTES);
    while (!hourBoundary(m, zone)) {
      m = m.minusSeconds(60);
    }
    return m;
  }

  /** The first local date of the calendar period holding {@code d}. */
  static LocalDate periodStart(LocalDate d, DateInterval interval) {
    return switch (interval) {
      case DAY, HOUR -> d;
      case WEEK -> d.minusDays(d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
      case MONTH -> LocalDate.of(d.getYear(), d.getMonth(), 1);
      case QUARTER -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
      case YEAR -> LocalDate.of(d.getYear(), 1, 1);
    };
  }

  static LocalDate nextPeriod(LocalDate start, DateInterval interval) {
    return switch (interval) {
      case DAY, HOUR -> start.plusDays(1);
      case WEEK -> start.plusDays(7);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
      case YEAR -> start.plusYears(1);
    };
  }

  /** Checks a bucket's start (and end) against the definition, independently of the library. */
  static void checkBounds(Histogram.Bucket b, DateInterval interval, ZoneId zone) {
    Instant s = b.start().toInstant();
    assertThat(b.start().getOffset()).isEqualTo(zone.getRules().getOffset(s));
    if (interval == DateInterval.HOUR) {
      assertThat(hourBoundary(s, zone)).as("start %s", b.start()).isTrue();
      assertThat(hourBoundary(b.end(), zone)).as("end %s", b.end()).isTrue();
      for (Instant m = s.plusSeconds(60); m.isBefore(b.end()); m = m.plusSeconds(60)) {
        assertThat(hourBoundary(m, zone)).as("inside %s: %s", b.start(), m).isFalse();
      }
    } else {
      LocalDate d = s.atZone(zone).toLocalDate();
      assertThat(periodStart(d, interval)).as("start %s", b.start()).isEqualTo(d);
      // The first instant of that date: a millisecond earlier is another date.
      assertThat(s.minusMillis(1).atZone(zone).toLocalDate()).isBefore(d);
      LocalDate next = b.end().atZone(zone).toLocalDate();
      assertThat(next).isEqualTo(nextPeriod(d, interval));
      assertThat(b.end().minusMillis(1).atZone(zone).toLocalDate()).isBefore(next);
    }
  }

  static Object key(Instant t, DateInterval interval, ZoneId zone) {
    return interval == DateInterval.HOUR
        ? hourKey(t, zone)
        : periodStart(t.atZone(zone).toLocalDate(), interval);
  }

  static Object key(Histogram.Bucket b, DateInterval interval, ZoneId zone) {
    return interval == DateInterval.HOUR ? b.start().toInstant() : b.start().toLocalDate();
  }

  static void check(Histogram h, List<Article> matching, DateInterval interval, ZoneId zone,
      Instant from, Instant to) {
    assertThat(h.interval()).isEqualTo(interval);
    assertThat(h.zone()).isEqualTo(zone);
    assertThat(h.undated()).isEqualTo(matching.stream().filter(a -> a.published() == null).count());
    Map<Object, Long> expected = new HashMap<>();
    Instant first = from;
    Instant last = to;
    for (Article a : matching) {
      if (a.published() != null) {
        expected.merge(key(a.published(), interval, zone), 1L, Long::sum);
        first = from != null ? from : first == null || a.published().isBefore(first) ? a.published() : first;
        last = to != null ? to : last == null || a.published().isAfter(last) ? a.published() : last;
      }
    }
    if (first == null || last == null) {
      assertThat(h.buckets()).isEmpty();
      return;
    }
    List<Histogram.Bucket> buckets = h.buckets();
    assertThat(buckets).isNotEmpty();
    assertThat(key(buckets.get(0), interval, zone)).isEqualTo(key(first, interval, zone));
    assertThat(key(buckets.get(buckets.size() - 1), interval, zone)).isEqualTo(key(last, interval, zone));
    Map<Object, Long> got = new HashMap<>();
    for (int i = 0; i < buckets.size(); i++) {
      Histogram.Bucket b = buckets.get(i);
      checkBounds(b, interval, zone);
      if (i > 0) {
        assertThat(b.start().toInstant()).isEqualTo(buckets.get(i - 1).end()); // contiguous: no bucket missing
      }
      got.put(key(b, interval, zone), b.count());
    }
    expected.forEach((k, n) -> assertThat(got.get(k)).as("bucket %s", k).isEqualTo(n));
    assertThat(h.dated()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void everyBucketMatchesTheArticles_inManyZonesAcrossClockChanges() {
    Random r = new Random(42);
    for (int round = 0; round < 4; round++) {
      // Windows around the northern (March, October/November) and southern (April, October) changes.
      Instant from = List.of(
          Instant.parse("2025-03-05T00:00:00Z"), Instant.parse("2025-09-25T00:00:00Z"),
          Instant.parse("2025-03-25T00:00:00Z"), Instant.parse("2024-10-20T00:00:00Z")).get(round);
      try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
        Map<String, Article> live = FacetCountsPropertyTest.index(index, r, 250, from, 40L * 86_400_000);
        for (String z : ZONES) {
          ZoneId zone = ZoneId.of(z);
          for (DateInterval interval : DateInterval.values()) {
            NewsQuery q = r.nextBoolean() ? NewsQuery.builder().build() : NewsQuery.of("quux");
            List<Article> matching = live.values().stream()
                .filter(a -> q.text().isEmpty() || a.headline().contains("quux")).toList();
            Facets f = index.facets(q, FacetRequest.builder().histogram(interval).zone(zone).build());
            check(f.histogram(), matching, interval, zone, null, null);
          }
        }
      }
    }
  }

  @Test
  void theQueryDateRangeSetsTheExtent_emptyBucketsKeptAtBothEnds() {
    Random r = new Random(7);
    try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
      Map<String, Article> live =
          FacetCountsPropertyTest.index(index, r, 200, Instant.parse("2025-10-10T00:00:00Z"), 20L * 86_400_000);
      for (String z : List.of("America/New_York", "Asia/Kolkata", "Europe/London")) {
        ZoneId zone = ZoneId.of(z);
        NewsQuery q = NewsQuery.builder().from("2025-10-01").to("2025-11-30").zone(zone).build();
        List<Article> matching = live.values().stream()
            .filter(a -> a.published() != null && !a.published().isBefore(q.from()) && !a.published().isAfter(q.to()))
            .toList();
        for (DateInterval interval : List.of(DateInterval.HOUR, DateInterval.DAY, DateInterval.WEEK, DateInterval.MONTH)) {
          Histogram h = index.facets(q, FacetRequest.builder().histogram(interval).build()).histogram();
          check(h, matching, interval, zone, q.from(), q.to());
        }
        Histogram months = index.facets(q, FacetRequest.builder().histogram(DateInterval.MONTH).build()).histogram();
        assertThat(months.buckets()).hasSize(2);
        assertThat(months.buckets().get(0).start()).isEqualTo(ZonedDateTime.of(2025, 10, 1, 0, 0, 0, 0, zone));
      }
    }
  }

  @Test
  void daylightSavingDays_areTwentyThreeAndTwentyFiveHoursLong_andTheRepeatedHourIsTwoBuckets() {
    ZoneId ny = ZoneId.of("America/New_York");
    ZonedDateTime day = DateInterval.DAY.bucketStart(Instant.parse("2025-11-02T12:00:00Z"), ny);
    assertThat(ChronoUnit.HOURS.between(day, DateInterval.DAY.nextBucketStart(day))).isEqualTo(25);
    ZonedDateTime spring = DateInterval.DAY.bucketStart(Instant.parse("2025-03-09T12:00:00Z"), ny);
    assertThat(ChronoUnit.HOURS.between(spring, DateInterval.DAY.nextBucketStart(spring))).isEqualTo(23);
    ZonedDateTime one = ZonedDateTime.parse("2025-11-02T01:00-04:00[America/New_York]");
    ZonedDateTime again = DateInterval.HOUR.nextBucketStart(one);
    assertThat(again.toLocalDateTime()).isEqualTo(one.toLocalDateTime());
    assertThat(again.getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);
    ZonedDateTime kolkata = DateInterval.HOUR.bucketStart(Instant.parse("2026-02-04T10:10:00Z"), ZoneId.of("Asia/Kolkata"));
    assertThat(kolkata.toInstant()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
  }

  @Test
  void tooManyBuckets_isAnInvalidQuery() {
    try (NewsIndex index = NewsIndex.inMemory(FacetCountsPropertyTest.options())) {
      index.add(Article.builder().id("x").headline("x").published("2026-01-01T00:00:00Z").build());
      index.refresh();
      NewsQuery q = NewsQuery.builder().from("1990").to("2030").build();
      assertThatThrownBy(() -> index.facets(q, FacetRequest.builder().histogram(DateInterval.HOUR).build()))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("longer interval");
      assertThat(index.facets(q, FacetRequest.builder().histogram(DateInterval.YEAR).build())
          .histogram().buckets()).hasSize(41);
    }
  }


  @Test
  void boundaries_areEachBucketStartFromFirstToLast_thenTheLastEnd() {
    Random r = new Random(20261130L);
    for (String z : ZONES) {
      ZoneId zone = ZoneId.of(z);
      for (DateInterval interval : DateInterval.values()) {
        Instant first = Instant.parse("2025-09-01T00:00:00Z").plusSeconds(r.nextInt(300 * 86_400));
        Instant last = first.plusSeconds(r.nextInt(interval == DateInterval.HOUR ? 4 * 86_400 : 500 * 86_400));
        List<ZonedDateTime> b = interval.boundaries(first, last, zone);
        assertThat(b).hasSizeGreaterThanOrEqualTo(2);
        assertThat(b.get(0).toInstant()).isBeforeOrEqualTo(first);
        assertThat(b.get(1).toInstant()).isAfter(first);
        assertThat(b.get(b.size() - 2).toInstant()).isBeforeOrEqualTo(last);
        assertThat(b.get(b.size() - 1).toInstant()).isAfter(last);
        for (int k = 0; k + 1 < b.size(); k++) {
          checkBounds(new Histogram.Bucket(b.get(k), b.get(k + 1).toInstant(), 0), interval, zone);
        }
      }
    }
    assertThatThrownBy(() -> DateInterval.DAY.boundaries(Instant.EPOCH, Instant.EPOCH.minusSeconds(1), ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
