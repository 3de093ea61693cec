package dev.dateline;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Turns the text of a scraped news page, or of a wire story, into an {@link Article}: headline,
 * summary bullets, dateline, byline, captions, subheads, credits, body paragraphs and the
 * publication and update times the page prints, with site boilerplate removed.
 *
 * <p>What it recognises: newsletter prompts, badges, share buttons and similar boilerplate
 * (dropped); {@code •}/{@code -}/{@code *} summary bullets before the body; photo captions and
 * their credit lines (near-duplicate captions kept once); datelines such as {@code KYIV -}, {@code
 * FRANKFURT, April 17 (Reuters) -}, {@code WASHINGTON (AP) —} and the wire forms {@code NEW YORK,
 * MARCH 2 -}, {@code STAMFORD, Conn., March 4 -}, {@code omaha, april 7 -}, {@code WASHINGTON,
 * March 12, Reuter -}, also alone on the line before the story; bylines ({@code By Jane Doe,
 * Reuters}); trailing agency credits ({@code ... REUTERS}), the wire sign-off ({@code Reuter},
 * {@code REUTER}) and {@code (Reporting by ...; Editing by ...)} lines; link text split onto its
 * own lines (rejoined); and short title-like subheads.
 *
 * <p><b>Paragraphs.</b> Hard-wrapped text (lines cut at a fixed width, most running on into the
 * next, as in wire copy) is put back together from the page's own paragraph marks: a paragraph
 * starts on an indented line or after a blank line, and a line ending in "U.S." or a short line
 * in a table does not end a paragraph or become a subhead by itself. Text with one paragraph per
 * line is read line by line, rejoining lines that do not finish a sentence.
 *
 * <p><b>Dates.</b> A line that is only a date, labelled ({@code Published February 4, 2026},
 * {@code Updated 10:45 AM}, {@code Posted: 2026-02-04T10:45:00Z}) anywhere on the page or
 * unlabelled ({@code Feb. 4, 2026 10:45 a.m. ET}) above the story, sets {@link Article#published()}
 * and {@link Article#updated()}. Month-name dates ({@code February 4, 2026}, {@code 4 Feb 2026},
 * with or without a weekday), ISO-8601 dates and date-times, and numeric dates whose order is
 * certain ({@code 25/02/2026}) are read, with a time ({@code 10:45 AM}, {@code 10:45 a.m.}, {@code
 * 22:45}) and a time zone ({@code +08:00}, {@code GMT+8}, {@code UTC}, {@code ET}, {@code EST},
 * {@code PT}, {@code BST}, {@code CET}, {@code SGT}, {@code HKT}, {@code JST}, {@code IST} (India),
 * {@code AEST}, ...; the named US, European and Australian zones follow daylight-saving time, so
 * {@code EST} in July is New York summer time). Ambiguous cases resolve as follows: the first
 * labelled publication date wins, else the first unlabelled one; a time without a date ({@code
 * Updated 10:45 AM}) is on the publication date, or the next day if that would put it before the
 * publication; a time without a zone is in the zone given to {@link #parse(String, ZoneId)} (UTC
 * for {@link #parse(String)}); a date without a time is the start of that day. Not read: dates
 * without a year (the {@code March 3} of a wire dateline is not a publication time: the year
 * would be a guess), relative times ({@code 3 hours ago}) and numeric dates such as {@code
 * 04/02/2026} that could be either April or February.
 */
public final class RawArticleParser {
  private RawArticleParser() {}

  /**
   * Parses raw page text, reading printed times that carry no zone as UTC. The result is a builder
   * so the caller can add what the text does not carry (id, url, source, publication time if the
   * page prints none) before {@link Article.Builder#build()}. Entities are not extracted here; the
   * index does that through its {@link EntityExtractor}.
   *
   * <p>The first line that is not blank, boilerplate or a date becomes the headline. Stateless and
   * thread-safe: each call returns a new builder.
   *
   * @param text the page as plain text, lines separated by any line break; null is treated as an
   *     empty page
   * @return a new builder holding what was recognised; never null, but empty for a page with no
   *     content, in which case {@link Article.Builder#build()} throws {@link
   *     InvalidArticleException} unless a headline or body is added
   */
  public static Article.Builder parse(String text) {
    return parse(text, ZoneOffset.UTC);
  }

  /**
   * Like {@link #parse(String)}, reading printed times that carry no zone in {@code zone} (the
   * site's own zone, e.g. {@code ZoneId.of("Asia/Singapore")} for a Singapore paper).
   *
   * @param text the page as plain text; null is treated as an empty page
   * @param zone the zone of times printed without one
   * @return a new builder holding what was recognised; never null
   * @throws NullPointerException if {@code zone} is null
   */
  public static Article.Builder parse(String text, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return dev.dateline.internal.raw.RawPageParser.parse(text, zone);
  }
}
