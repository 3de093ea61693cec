package dev.dateline;

/**
 * Turns the text of a scraped news page into an {@link Article}: headline, summary bullets,
 * dateline, byline, captions, subheads, credits and body paragraphs, with site boilerplate removed.
 *
 * <p>What it recognises: newsletter prompts, badges, share buttons and similar boilerplate
 * (dropped); {@code •}/{@code -}/{@code *} summary bullets before the body; photo captions and
 * their credit lines (near-duplicate captions kept once); datelines such as {@code KYIV -}, {@code
 * FRANKFURT, April 17 (Reuters) -} and {@code WASHINGTON (AP) —}; bylines ({@code By Jane Doe,
 * Reuters}); trailing agency credits ({@code ... REUTERS}) and {@code (Reporting by ...; Editing by
 * ...)} lines; link text split onto its own lines (rejoined); and short title-like subheads.
 */
public final class RawArticleParser {
  private RawArticleParser() {}

  /**
   * Parses raw page text. The result is a builder so the caller can add what the text does not
   * carry (id, url, source, publication time) before {@link Article.Builder#build()}. Entities are
   * not extracted here; the index does that through its {@link EntityExtractor}.
   *
   * <p>The first line that is not blank or boilerplate becomes the headline. Stateless and
   * thread-safe: each call returns a new builder.
   *
   * @param text the page as plain text, lines separated by any line break; null is treated as an
   *     empty page
   * @return a new builder holding what was recognised; never null, but empty for a page with no
   *     content, in which case {@link Article.Builder#build()} throws {@link
   *     InvalidArticleException} unless a headline or body is added
   */
  public static Article.Builder parse(String text) {
    return dev.dateline.internal.raw.RawPageParser.parse(text);
  }
}
