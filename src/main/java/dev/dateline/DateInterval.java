package dev.dateline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The width of the buckets of a date {@link Histogram}: calendar periods of a time zone.
 *
 * <p>A bucket starts at the first instant of its period in the zone and ends where the next one
 * starts, so bucket boundaries follow the zone's calendar and its changes of offset:
 *
 * <ul>
 *   <li>{@link #DAY} and longer start at the first instant of the local day: midnight, or the end
 *       of the gap when a clock change skips midnight. A day is 23 or 25 hours long across a
 *       daylight-saving change.
 *   <li>{@link #HOUR} buckets start on the zone's whole local hours. When the clocks go back, the
 *       repeated hour gives two buckets (same local time, different offsets); when they go
 *       forward, the skipped hour has no bucket; a change by half an hour gives a half-hour
 *       bucket. In a zone with a half-hour offset (Asia/Kolkata, +05:30) hours start at half past
 *       the UTC hour.
 *   <li>{@link #WEEK} is the ISO week, from Monday.
 * </ul>
 */
public enum DateInterval {
  /** Local clock hours. */
  HOUR("hour"),
  /** Local calendar days. */
  DAY("day"),
  /** ISO weeks, Monday to Sunday. */
  WEEK("week"),
  /** Calendar months. */
  MONTH("month"),
  /** Calendar quarters: January, April, July and October to the end of the third month. */
  QUARTER("quarter"),
  /** Calendar years. */
  YEAR("year");

  private final String key;

  DateInterval(String key) {
    this.key = key;
  }

  /**
   * The interval's name in the CLI and in JSON.
   *
   * @return the lower-case name, e.g. {@code "day"}
   */
  public String key() {
    return key;
  }

  /**
   * The interval with this {@link #key()}, ignoring case and surrounding white space.
   *
   * @param text an interval name such as {@code "week"}
   * @return the interval
   * @throws IllegalArgumentException if no interval has that name; the message lists them
   */
  public static DateInterval parse(String text) {
    String k = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (DateInterval i : values()) {
      if (i.key.equals(k)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown histogram interval '" + text + "' (known: "
            + Arrays.stream(values()).map(DateInterval::key).collect(Collectors.joining(", "))
            + ")");
  }

  /**
   * The start of the bucket holding {@code instant}: the first instant of its period in {@code
   * zone}, with the zone's offset at that instant.
   *
   * @param instant any instant
   * @param zone the time zone of the calendar
   * @return the bucket's start, at or before {@code instant}
   */
  public ZonedDateTime bucketStart(Instant instant, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    ZonedDateTime t = instant.atZone(zone);
    if (this == HOUR) {
      // The latest boundary at or before the instant: a whole local hour, or a change of offset.
      Instant latest = null;
      for (ZoneOffset o : zone.getRules().getValidOffsets(t.toLocalDateTime().truncatedTo(ChronoUnit.HOURS))) {
        Instant h = t.toLocalDateTime().truncatedTo(ChronoUnit.HOURS).toInstant(o);
        if (!h.isAfter(instant) && (latest == null || h.isAfter(latest))) {
          latest = h;
        }
      }
      ZoneOffsetTransition change = zone.getRules().previousTransition(instant.plusNanos(1));
      if (change != null && (latest == null || change.getInstant().isAfter(latest))) {
        latest = change.getInstant();
      }
      return ZonedDateTime.ofInstant(latest, zone);
    }
    return firstInstant(periodStart(t.toLocalDate()), zone);
  }

  /**
   * The start of the bucket after the one that starts at {@code start}.
   *
   * @param start a bucket start returned by {@link #bucketStart} or by this method
   * @return the next bucket's start, after {@code start}
   */
  public ZonedDateTime nextBucketStart(ZonedDateTime start) {
    ZoneId zone = start.getZone();
    if (this == HOUR) {
      // The earliest boundary after the start: the next whole local hour, or a change of offset.
      Instant from = start.toInstant();
      LocalDateTime nextHour = start.toLocalDateTime().truncatedTo(ChronoUnit.HOURS).plusHours(1);
      Instant earliest = null;
      for (LocalDateTime h = nextHour; earliest == null && h.isBefore(nextHour.plusHours(4)); h = h.plusHours(1)) {
        for (ZoneOffset o : zone.getRules().getValidOffsets(h)) {
          Instant i = h.toInstant(o);
          if (i.isAfter(from) && (earliest == null || i.isBefore(earliest))) {
            earliest = i;
          }
        }
      }
      ZoneOffsetTransition change = zone.getRules().nextTransition(from);
      if (change != null && (earliest == null || change.getInstant().isBefore(earliest))) {
        earliest = change.getInstant();
      }
      return ZonedDateTime.ofInstant(earliest, zone);
    }
    LocalDate d = start.withZoneSameInstant(zone).toLocalDate();
    LocalDate next =
        switch (this) {
          case DAY -> d.plusDays(1);
          case WEEK -> d.plusWeeks(1);
          case MONTH -> d.plusMonths(1);
          case QUARTER -> d.plusMonths(3);
          default -> d.plusYears(1);
        };
    return firstInstant(periodStart(next), zone);
  }

  /**
   * The boundaries of the buckets that cover {@code first} to {@code last}: the start of the bucket
   * holding {@code first}, each following start up to that of the bucket holding {@code last},
   * then the end of that last bucket. A {@link Histogram} over that range has one bucket per pair
   * of neighbouring boundaries.
   *
   * @param first the earliest instant to cover
   * @param last the latest instant to cover, not before {@code first}
   * @param zone the time zone of the calendar
   * @return the boundaries in time order: at least two (one bucket)
   * @throws IllegalArgumentException if {@code last} is before {@code first}
   * @throws InvalidQueryException if there would be more than {@link Histogram#MAX_BUCKETS}
   *     buckets
   */
  public List<ZonedDateTime> boundaries(Instant first, Instant last, ZoneId zone) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last " + last + " is before first " + first);
    }
    List<ZonedDateTime> out = new ArrayList<>();
    ZonedDateTime start = bucketStart(first, zone);
    while (!start.toInstant().isAfter(last)) {
      if (out.size() == Histogram.MAX_BUCKETS) {
        throw new InvalidQueryException(
            "the histogram would have more than " + Histogram.MAX_BUCKETS + " " + key
                + " buckets: use a longer interval or a shorter date range");
      }
      out.add(start);
      start = nextBucketStart(start);
    }
    out.add(start);
    return out;
  }

  private LocalDate periodStart(LocalDate d) {
    return switch (this) {
      case DAY, HOUR -> d;
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> d.withDayOfMonth(1);
      case QUARTER -> d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> d.withDayOfYear(1);
    };
  }

  private static ZonedDateTime firstInstant(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone);
  }
}
