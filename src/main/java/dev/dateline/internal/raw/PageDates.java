package dev.dateline.internal.raw;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication and update times printed on a page, each on a line of its own (possibly several on
 * one line, separated by {@code |}, {@code ·} or {@code •}).
 *
 * <p>Forms read (the label is optional; case, full stops and commas are ignored where shown):
 *
 * <ul>
 *   <li>labels: {@code Published}, {@code First published}, {@code Posted}, {@code Updated}, {@code
 *       Last updated}, {@code Modified}, {@code Last modified}, with {@code on}, {@code at} or
 *       {@code :} after them;
 *   <li>dates with the month named: {@code February 4, 2026}, {@code Feb. 4, 2026}, {@code 4
 *       February 2026}, {@code Wednesday, February 4, 2026}, {@code Wed 4 Feb 2026};
 *   <li>numeric dates only when unambiguous: ISO {@code 2026-02-04}, and {@code 25/02/2026} or
 *       {@code 02/25/2026} where one number is over 12 (so the order is certain);
 *   <li>a time before or after the date, separated by a comma, {@code at}, {@code /}, {@code |}
 *       or a dash: {@code 10:45 AM}, {@code 10:45 a.m.}, {@code 10.45}, {@code 22:45:10}, {@code 10
 *       am}; ISO date-times ({@code 2026-02-04T10:45:00Z}, {@code 2026-02-04 10:45+08:00});
 *   <li>a time zone after the time (or after an ISO date-time): an offset ({@code +08:00}, {@code
 *       GMT+8}, {@code UTC-05:00}) or an abbreviation: {@code UTC}/{@code GMT}/{@code Z}, {@code
 *       ET}/{@code EST}/{@code EDT} (America/New_York), {@code CT}/{@code CST}/{@code CDT}, {@code
 *       MT}/{@code MST}/{@code MDT}, {@code PT}/{@code PST}/{@code PDT}, {@code BST} (Europe/London),
 *       {@code CET}/{@code CEST} (Europe/Paris), {@code SGT}, {@code HKT}, {@code JST}, {@code KST},
 *       {@code IST} (India), {@code AEST}/{@code AEDT} (Australia/Sydney), {@code MSK}, {@code WIB}.
 *       Named zones follow their region's daylight-saving rules, so {@code EST} printed in July
 *       is read as New York time (EDT);
 *   <li>a labelled time without a date ({@code Updated 10:45 AM}) is on the publication date, or
 *       the next day when that would put it before the publication time.
 * </ul>
 *
 * <p>Not read: dates without a year ("Feb 4", as in a wire dateline: the year would be a guess),
 * relative times ("3 hours ago": the page gives no reference time), ambiguous numeric dates ({@code
 * 04/02/2026}). A time with no zone is taken in the caller's zone (UTC by default); a date with no
 * time is the start of that day in that zone.
 */
final class PageDates {
  /** What a date line says: its label kind, the local date (may be null for a bare time), etc. */
  enum Kind {
    PUBLISHED,
    UPDATED,
    UNLABELLED
  }

  /**
   * One date printed on a page.
   *
   * @param kind what the label says it is
   * @param date the date, or null for a time printed alone ("Updated 10:45 AM")
   * @param time the time of day, or null for a date alone
   * @param zone the zone printed, or null
   */
  record PageDate(Kind kind, LocalDate date, LocalTime time, ZoneId zone) {
    /** The instant, in {@code zone} (or {@code defaultZone} when none was printed); needs a date. */
    Instant instant(ZoneId defaultZone) {
      ZoneId z = zone != null ? zone : defaultZone;
      LocalDateTime local = date.atTime(time != null ? time : LocalTime.MIDNIGHT);
      return ZonedDateTime.of(local, z).toInstant();
    }
  }

  private static final Pattern SEGMENTS = Pattern.compile("\\s*[|·•]\\s*|\\s+(?=(?i:updated|last updated|modified)\\b)");
  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)(?<label>first published|published|posted|last updated|updated|last modified|modified)"
              + "(?:\\s+(?:on|at))?\\s*:?\\s*(?<value>.*)");
  private static final String WEEKDAY =
      "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
  private static final String MONTH_NAME =
      "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?i)" + WEEKDAY + "(?<month>" + MONTH_NAME + ")\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?i)" + WEEKDAY + "(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>" + MONTH_NAME + "),?\\s+(?<year>\\d{4})");
  private static final Pattern NUMERIC =
      Pattern.compile("(?<a>\\d{1,2})[/.](?<b>\\d{1,2})[/.](?<year>\\d{4})");
  private static final Pattern ISO =
      Pattern.compile(
          "(?<date>\\d{4}-\\d{2}-\\d{2})(?:[T ](?<time>\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
              + "(?<offset>Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern TIME =
      Pattern.compile(
          "(?i)(?<hour>\\d{1,2})(?:[:.](?<minute>\\d{2})(?::(?<second>\\d{2}))?)?"
              + "(?:\\s*(?<ampm>[ap])\\.?\\s?m\\b\\.?)?");
  private static final Pattern SEPARATOR = Pattern.compile("(?i)\\s*(?:,|\\bat\\b|/|-|–|—)?\\s*");
  private static final Pattern ZONE =
      Pattern.compile(
          "(?i)\\(?(?:(?:gmt|utc)\\s*(?<off>[+-]\\d{1,2}(?::?\\d{2})?)|(?<num>[+-]\\d{2}:?\\d{2})"
              + "|(?<abbr>[a-z]{1,5}))\\)?");
  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("UTC", "UTC"), Map.entry("GMT", "UTC"), Map.entry("Z", "UTC"),
          Map.entry("UT", "UTC"),
          Map.entry("ET", "America/New_York"), Map.entry("EST", "America/New_York"),
          Map.entry("EDT", "America/New_York"),
          Map.entry("CT", "America/Chicago"), Map.entry("CST", "America/Chicago"),
          Map.entry("CDT", "America/Chicago"),
          Map.entry("MT", "America/Denver"), Map.entry("MST", "America/Denver"),
          Map.entry("MDT", "America/Denver"),
          Map.entry("PT", "America/Los_Angeles"), Map.entry("PST", "America/Los_Angeles"),
          Map.entry("PDT", "America/Los_Angeles"),
          Map.entry("BST", "Europe/London"), Map.entry("CET", "Europe/Paris"),
          Map.entry("CEST", "Europe/Paris"), Map.entry("SGT", "Asia/Singapore"),
          Map.entry("HKT", "Asia/Hong_Kong"), Map.entry("JST", "Asia/Tokyo"),
          Map.entry("KST", "Asia/Seoul"), Map.entry("IST", "Asia/Kolkata"),
          Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"),
          Map.entry("MSK", "Europe/Moscow"), Map.entry("WIB", "Asia/Jakarta"));
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private PageDates() {}

  /**
   * The dates on {@code line} when the whole line is made of dates (with their labels); empty when
   * any part of it is something else.
   */
  static List<PageDate> parseLine(String line) {
    List<PageDate> out = new ArrayList<>();
    for (String segment : SEGMENTS.split(line.strip())) {
      if (segment.isBlank()) {
        continue;
      }
      Optional<PageDate> d = parseSegment(segment.strip());
      if (d.isEmpty()) {
        return List.of();
      }
      out.add(d.get());
    }
    return out;
  }

  private static Optional<PageDate> parseSegment(String segment) {
    Kind kind = Kind.UNLABELLED;
    String value = segment;
    Matcher label = LABEL.matcher(segment);
    if (label.matches()) {
      String l = label.group("label").toLowerCase(Locale.ROOT);
      kind = l.contains("updated") || l.contains("modified") ? Kind.UPDATED : Kind.PUBLISHED;
      value = label.group("value");
    }
    try {
      return parseValue(kind, value.strip());
    } catch (DateTimeException e) {
      return Optional.empty(); // February 30 and the like
    }
  }

  private static Optional<PageDate> parseValue(Kind kind, String value) {
    Matcher iso = ISO.matcher(value);
    if (iso.lookingAt()) {
      LocalDate date = LocalDate.parse(iso.group("date"));
      LocalTime time = iso.group("time") == null ? null : LocalTime.parse(iso.group("time"));
      ZoneId zone = iso.group("offset") == null ? null : offset(iso.group("offset"));
      return finish(kind, date, time, zone, value.substring(iso.end()));
    }
    // a time first: "10:45 AM ET, Feb 4, 2026"
    Matcher time = TIME.matcher(value);
    if (time.lookingAt() && (time.group("minute") != null || time.group("ampm") != null)) {
      LocalTime t = time(time);
      Cursor c = new Cursor(value, time.end());
      ZoneId zone = c.zone();
      c.separator();
      Optional<LocalDate> date = c.date();
      if (c.atEnd()) {
        boolean dated = date.isPresent() || kind != Kind.UNLABELLED; // "10:45" alone says nothing
        return dated ? Optional.of(new PageDate(kind, date.orElse(null), t, zone)) : Optional.empty();
      }
      return Optional.empty();
    }
    Cursor c = new Cursor(value, 0);
    Optional<LocalDate> date = c.date();
    if (date.isEmpty()) {
      return Optional.empty();
    }
    return finish(kind, date.get(), null, null, value.substring(c.at));
  }

  /** Reads an optional time and zone after the date; the whole value must be used. */
  private static Optional<PageDate> finish(
      Kind kind, LocalDate date, LocalTime time, ZoneId zone, String after) {
    Cursor c = new Cursor(after, 0);
    if (time == null) {
      c.separator();
      time = c.time();
    }
    if (zone == null && time != null) {
      zone = c.zone();
    }
    return c.atEnd() ? Optional.of(new PageDate(kind, date, time, zone)) : Optional.empty();
  }

  /** A reading position in a value. */
  private static final class Cursor {
    private final String text;
    private int at;

    Cursor(String text, int at) {
      this.text = text;
      this.at = at;
    }

    boolean atEnd() {
      return text.substring(at).strip().replaceAll("^[.,]+$", "").isEmpty();
    }

    void separator() {
      Matcher m = SEPARATOR.matcher(text);
      m.region(at, text.length());
      if (m.lookingAt()) {
        at = m.end();
      }
    }

    Optional<LocalDate> date() {
      String rest = text.substring(at);
      Matcher m = MONTH_DAY_YEAR.matcher(rest);
      if (!m.lookingAt()) {
        m = DAY_MONTH_YEAR.matcher(rest);
      }
      if (m.lookingAt()) {
        at += m.end();
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(m.group("year")), month(m.group("month")), Integer.parseInt(m.group("day"))));
      }
      Matcher n = NUMERIC.matcher(rest);
      if (n.lookingAt()) {
        int a = Integer.parseInt(n.group("a"));
        int b = Integer.parseInt(n.group("b"));
        int year = Integer.parseInt(n.group("year"));
        if (a > 12 && b <= 12) {
          at += n.end();
          return Optional.of(LocalDate.of(year, b, a));
        }
        if (b > 12 && a <= 12) {
          at += n.end();
          return Optional.of(LocalDate.of(year, a, b));
        }
      }
      return Optional.empty();
    }

    LocalTime time() {
      Matcher m = TIME.matcher(text);
      m.region(at, text.length());
      if (!m.lookingAt() || (m.group("minute") == null && m.group("ampm") == null)) {
        return null;
      }
      at = m.end();
      return PageDates.time(m);
    }

    ZoneId zone() {
      Matcher m = ZONE.matcher(text);
      m.region(at, text.length());
      int start = at;
      while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      m.region(start, text.length());
      if (!m.lookingAt()) {
        return null;
      }
      ZoneId zone = null;
      if (m.group("off") != null) {
        zone = offset(m.group("off"));
      } else if (m.group("num") != null) {
        zone = offset(m.group("num"));
      } else if (ZONES.containsKey(m.group("abbr").toUpperCase(Locale.ROOT))) {
        zone = ZoneId.of(ZONES.get(m.group("abbr").toUpperCase(Locale.ROOT)));
      }
      if (zone != null) {
        at = m.end();
      }
      return zone;
    }
  }

  private static LocalTime time(Matcher m) {
    int hour = Integer.parseInt(m.group("hour"));
    int minute = m.group("minute") == null ? 0 : Integer.parseInt(m.group("minute"));
    int second = m.group("second") == null ? 0 : Integer.parseInt(m.group("second"));
    String ampm = m.group("ampm");
    if (ampm != null) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("hour " + hour + " with am/pm");
      }
      hour = hour % 12 + (ampm.equalsIgnoreCase("p") ? 12 : 0);
    }
    return LocalTime.of(hour, minute, second);
  }

  private static int month(String name) {
    return MONTHS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
  }

  private static ZoneOffset offset(String printed) {
    String p = printed.strip();
    if (p.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    String sign = p.substring(0, 1);
    String digits = p.substring(1).replace(":", "");
    int hours;
    int minutes = 0;
    if (digits.length() <= 2) {
      hours = Integer.parseInt(digits);
    } else {
      hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
      minutes = Integer.parseInt(digits.substring(digits.length() - 2));
    }
    int total = hours * 3600 + minutes * 60;
    return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
  }

  /**
   * A page's publication and update instants.
   *
   * @param published when it was published, or null
   * @param updated when it was last updated, or null
   */
  record Resolved(Instant published, Instant updated) {}

  /**
   * Resolves the dates read on a page: the first labelled publication date wins, else the first
   * unlabelled one; the first labelled update is the update time, a time printed without a date
   * taking the publication date (the next day if it would come before the publication time).
   */
  static Resolved resolve(List<PageDate> dates, ZoneId defaultZone) {
    PageDate published = null;
    PageDate unlabelled = null;
    PageDate updated = null;
    for (PageDate d : dates) {
      switch (d.kind()) {
        case PUBLISHED -> published = published == null && d.date() != null ? d : published;
        case UNLABELLED -> unlabelled = unlabelled == null ? d : unlabelled;
        case UPDATED -> updated = updated == null ? d : updated;
      }
    }
    if (published == null) {
      published = unlabelled;
    }
    Instant pub = published == null ? null : published.instant(defaultZone);
    Instant upd = null;
    if (updated != null) {
      if (updated.date() != null) {
        upd = updated.instant(defaultZone);
      } else if (published != null) {
        ZoneId zone = updated.zone() != null ? updated.zone() : published.zone() != null ? published.zone() : defaultZone;
        LocalDate day = pub.atZone(zone).toLocalDate();
        upd = ZonedDateTime.of(day, updated.time(), zone).toInstant();
        if (upd.isBefore(pub)) {
          upd = ZonedDateTime.of(day.plusDays(1), updated.time(), zone).toInstant();
        }
      }
    }
    return new Resolved(pub, upd);
  }

}
