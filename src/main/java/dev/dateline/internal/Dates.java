package dev.dateline.internal;

import dev.dateline.InvalidArticleException;
import dev.dateline.InvalidDateException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date parsing for article input and for date filters. Internal: not part of the public API.
 *
 * <p>Dates are strict: {@code 2026-02-30} is an error, not March 2nd. Years outside 1000..9999 are
 * rejected (see {@link #MIN_YEAR}, {@link #MAX_YEAR}): real publication times never fall there and
 * such values are almost always a parsing accident upstream.
 */
public final class Dates {
  public static final int MIN_YEAR = 1000;
  public static final int MAX_YEAR = 9999;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern RELATIVE =
      Pattern.compile("now(?:([+-])(\\d{1,6})([smhdwMy]))?", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter STRICT_LOCAL_DATE_TIME =
      DateTimeFormatter.ISO_LOCAL_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter STRICT_OFFSET_DATE_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter STRICT_ZONED_DATE_TIME =
      DateTimeFormatter.ISO_ZONED_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /**
   * Parses an article's date: {@code 2026-02-04} (midnight UTC), {@code 2026-02-04T09:30[:00]}
   * (UTC), or a date-time with an offset or zone ({@code Z}, {@code +08:00}, {@code [Asia/Singapore]}).
   *
   * @return the instant, or null for null/blank text
   * @throws InvalidArticleException naming {@code field} when the text is not a valid date
   */
  public static Instant parseArticleDate(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      Instant instant = parseAbsolute(t, ZoneId.of("UTC"), false);
      checkRange(instant, t);
      return instant;
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new InvalidArticleException(
          field, "'" + abbreviate(t) + "' is not a valid ISO-8601 date or date-time: " + reason(e));
    }
  }

  private static final Instant MIN_INSTANT =
      LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant END_INSTANT =
      LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  /**
   * Checks an article's instant given as an {@link Instant} rather than text: the same year range
   * applies, and instants such as {@link Instant#MAX} have no epoch-millisecond value to index.
   *
   * @throws InvalidArticleException naming {@code field} when the instant is out of range
   */
  public static void checkArticleInstant(String field, Instant instant) {
    if (instant != null && (instant.isBefore(MIN_INSTANT) || !instant.isBefore(END_INSTANT))) {
      throw new InvalidArticleException(
          field, "'" + instant + "' is outside " + MIN_YEAR + ".." + MAX_YEAR + " (UTC years)");
    }
  }

  /** Index of the first unpaired UTF-16 surrogate in {@code s}, or -1 (also for null). */
  public static int unpairedSurrogate(String s) {
    if (s == null) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** A period start and its exclusive end. */
  public record Span(Instant start, Instant endExclusive) {}

  /**
   * Parses a date filter bound in {@code zone}. A calendar period ({@code 2026}, {@code 2026-02},
   * {@code 2026-02-04}) gives its whole span, so a caller takes {@code start} for "from" and
   * {@code endExclusive} for "to"; a full date-time or a relative form ({@code now}, {@code
   * now-7d}, {@code now-3h}; units s m h d w M y) gives an instant (start == end - 1 ms).
   *
   * @throws InvalidDateException with a message naming {@code what} (e.g. "--from")
   */
  public static Span parseFilterBound(String what, String text, ZoneId zone, Clock clock) {
    if (text == null || text.isBlank()) {
      throw new InvalidDateException(what + ": empty date");
    }
    String t = text.strip();
    try {
      Span span;
      Matcher rel = RELATIVE.matcher(t);
      if (rel.matches()) {
        Instant now = clock.instant();
        Instant at = now;
        if (rel.group(1) != null) {
          long amount = Long.parseLong(rel.group(2));
          if (rel.group(1).equals("-")) {
            amount = -amount;
          }
          at = shift(now, amount, rel.group(3), zone);
        }
        span = new Span(at, at.plusMillis(1));
      } else if (t.equalsIgnoreCase("today") || t.equalsIgnoreCase("yesterday")) {
        LocalDate day = LocalDate.now(clock.withZone(zone));
        if (t.equalsIgnoreCase("yesterday")) {
          day = day.minusDays(1);
        }
        span = new Span(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
      } else if (YEAR.matcher(t).matches()) {
        Year y = Year.parse(t);
        span =
            new Span(
                y.atDay(1).atStartOfDay(zone).toInstant(),
                y.plusYears(1).atDay(1).atStartOfDay(zone).toInstant());
      } else if (YEAR_MONTH.matcher(t).matches()) {
        YearMonth ym = YearMonth.parse(t);
        span =
            new Span(
                ym.atDay(1).atStartOfDay(zone).toInstant(),
                ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
      } else if (DATE.matcher(t).matches()) {
        LocalDate d = LocalDate.parse(t, STRICT_DATE);
        span =
            new Span(
                d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant());
      } else {
        Instant at = parseAbsolute(t, zone, true);
        span = new Span(at, at.plusMillis(1));
      }
      checkRange(span.start(), t);
      return span;
    } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
      throw new InvalidDateException(
          what
              + ": '"
              + abbreviate(t)
              + "' is not a date (use 2026, 2026-02, 2026-02-04, an ISO date-time, or now-7d): "
              + reason(e));
    }
  }

  /** Resolves a time-zone id such as {@code UTC}, {@code +08:00} or {@code Asia/Singapore}. */
  public static ZoneId parseZone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException | NullPointerException e) {
      throw new InvalidDateException(
          "unknown time zone '" + text + "' (use an id like UTC, +08:00 or Europe/Kyiv)");
    }
  }

  private static Instant parseAbsolute(String t, ZoneId zone, boolean allowDateOnly) {
    if (DATE.matcher(t).matches()) {
      return LocalDate.parse(t, STRICT_DATE).atStartOfDay(zone).toInstant();
    }
    if (t.endsWith("]")) {
      return ZonedDateTime.parse(t, STRICT_ZONED_DATE_TIME).toInstant();
    }
    if (hasOffset(t)) {
      return OffsetDateTime.parse(t, STRICT_OFFSET_DATE_TIME).toInstant();
    }
    if (t.contains("T") || t.contains("t")) {
      return LocalDateTime.parse(t.replace('t', 'T'), STRICT_LOCAL_DATE_TIME).atZone(zone).toInstant();
    }
    throw new DateTimeParseException("unrecognised date format", t, 0);
  }

  private static boolean hasOffset(String t) {
    int tpos = Math.max(t.indexOf('T'), t.indexOf('t'));
    if (tpos < 0) {
      return false;
    }
    String time = t.substring(tpos + 1);
    return time.endsWith("Z") || time.endsWith("z") || time.contains("+") || time.contains("-");
  }

  private static Instant shift(Instant now, long amount, String unit, ZoneId zone) {
    return switch (unit) {
      case "s" -> now.plusSeconds(amount);
      case "m" -> now.plus(Duration.ofMinutes(amount));
      case "h" -> now.plus(Duration.ofHours(amount));
      case "d" -> now.plus(amount, ChronoUnit.DAYS);
      case "w" -> now.plus(amount * 7, ChronoUnit.DAYS);
      case "M" -> now.atZone(zone).plusMonths(amount).toInstant();
      case "y", "Y" -> now.atZone(zone).plusYears(amount).toInstant();
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  private static void checkRange(Instant instant, String text) {
    int year = instant.atZone(ZoneId.of("UTC")).getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new DateTimeException(
          "year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    // java.time messages repeat the input; keep the part that says what is wrong.
    int idx = m.indexOf("could not be parsed: ");
    if (idx >= 0) {
      return m.substring(idx + "could not be parsed: ".length());
    }
    if (m.startsWith("Text '") && m.contains("could not be parsed")) {
      return "unrecognised format";
    }
    return m;
  }

  private static String abbreviate(String t) {
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }
}
