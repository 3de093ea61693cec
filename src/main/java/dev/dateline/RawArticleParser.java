package dev.dateline;

/**
 * Turns the text of a scraped news page into an {@link Article}: headline, summary bullets,
 * dateline, byline, captions, subheads, credits and body paragraphs, with site boilerplate removed.
 */
public final class RawArticleParser {
  private RawArticleParser() {}

  /**
   * Parses raw page text. The result is a builder so the caller can add what the text does not
   * carry (id, url, source, publication time) before {@link Article.Builder#build()}. Entities are
   * not extracted here; the index does that through its {@link EntityExtractor}.
   */
  public static Article.Builder parse(String text) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
