package dev.dateline.internal.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Date lines read by {@link PageDates}, and how the dates of a page resolve. */
class PageDatesTest {

  private static Instant published(String line) {
    return PageDates.resolve(PageDates.parseLine(line), ZoneOffset.UTC).published();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Published February 4, 2026|2026-02-04T00:00:00Z",
        "Published Feb. 4, 2026 10:45 a.m. ET|2026-02-04T15:45:00Z",
        "Feb. 4, 2026 10:45 a.m. ET|2026-02-04T15:45:00Z",
        "Published Feb 10, 2026, 9:15 AM|2026-02-10T09:15:00Z",
        "Posted: 2026-02-04T10:45:00Z|2026-02-04T10:45:00Z",
        "2026-02-04T10:45:00+08:00|2026-02-04T02:45:00Z",
        "2026-02-04 10:45 UTC|2026-02-04T10:45:00Z",
        "First published on Wednesday, February 4, 2026 at 9:30 PM SGT|2026-02-04T13:30:00Z",
        "Wed 4 Feb 2026 10.45 GMT|2026-02-04T10:45:00Z",
        "4 February 2026, 10:45 GMT+8|2026-02-04T02:45:00Z",
        "10:45 AM EST, Feb 4, 2026|2026-02-04T15:45:00Z",
        "July 4, 2026 10:00 EST|2026-07-04T14:00:00Z",
        "Published: 25/02/2026|2026-02-25T00:00:00Z",
        "Published 02/25/2026 8 pm PT|2026-02-26T04:00:00Z",
      })
  void dateLineForms(String line, String instant) {
    assertThat(published(line)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Published Feb 4",
        "March 3",
        "04/02/2026",
        "Updated 3 hours ago",
        "10:45",
        "February 30, 2026",
        "Feb 4, 2026 was a Wednesday.",
        "Prices rose on February 4, 2026 after the vote.",
        "Published Feb 4, 2026 10:45 local time"
      })
  void linesThatAreNotReadableDates(String line) {
    assertThat(published(line)).isNull();
  }

  @Test
  void timeWithoutZoneIsInTheCallersZone() {
    var d = PageDates.parseLine("Published Feb 4, 2026, 9:15 AM");
    assertThat(PageDates.resolve(d, ZoneId.of("Asia/Singapore")).published())
        .isEqualTo(Instant.parse("2026-02-04T01:15:00Z"));
  }

  @Test
  void updateTimeWithoutDateTakesThePublicationDateOrTheNextDay() {
    var sameDay = PageDates.parseLine("Published Feb 4, 2026 10:45 AM ET | Updated 1:20 PM");
    assertThat(PageDates.resolve(sameDay, ZoneOffset.UTC).updated())
        .isEqualTo(Instant.parse("2026-02-04T18:20:00Z"));
    var nextDay = PageDates.parseLine("Published Feb 4, 2026 11:30 PM ET Updated 1:05 AM");
    assertThat(PageDates.resolve(nextDay, ZoneOffset.UTC).updated())
        .isEqualTo(Instant.parse("2026-02-05T06:05:00Z"));
  }

  @Test
  void labelledPublicationWinsOverAnUnlabelledDate() {
    var dates =
        List.of(
            PageDates.parseLine("February 3, 2026").get(0),
            PageDates.parseLine("Published February 4, 2026").get(0));
    assertThat(PageDates.resolve(dates, ZoneOffset.UTC).published())
        .isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
  }

  @Test
  void updateAloneDoesNotDateThePublication() {
    var r = PageDates.resolve(PageDates.parseLine("Updated February 5, 2026"), ZoneOffset.UTC);
    assertThat(r.published()).isNull();
    assertThat(r.updated()).isEqualTo(Instant.parse("2026-02-05T00:00:00Z"));
  }
}
