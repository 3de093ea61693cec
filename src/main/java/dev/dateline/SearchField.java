package dev.dateline;

import java.util.Locale;

/**
 * The free-text parts of an article that queries search. A query term without a field prefix
 * searches all of them at once, each weighted by its boost (see {@link NewsIndex.Options.Builder#boost});
 * with a prefix ({@code headline:ceasefire}) it searches only that one.
 */
public enum SearchField {
  HEADLINE("headline", 3.0f),
  BULLETS("bullets", 2.0f),
  SUBHEADS("subheads", 1.5f),
  BODY("body", 1.0f),
  CAPTIONS("captions", 0.75f),
  BYLINE("byline", 0.5f);

  private final String key;
  private final float defaultBoost;

  SearchField(String key, float defaultBoost) {
    this.key = key;
    this.defaultBoost = defaultBoost;
  }

  /** The name used in the query syntax ({@code headline:}) and the Lucene field name. */
  public String key() {
    return key;
  }

  /**
   * The default weight of a match in this field. Why these numbers: the headline is the editor's
   * one-line statement of what the story is about, so a match there is the strongest evidence
   * (3x); summary bullets condense the story (2x); subheads name its sections (1.5x); body
   * paragraphs are the baseline (1x) and already gain from term frequency; captions describe a
   * photo that may be incidental (0.75x); the byline matches people who wrote, not people in the
   * story, so it only tips ties (0.5x).
   */
  public float defaultBoost() {
    return defaultBoost;
  }

  /** Looks up a field by its query-syntax name (also accepts singular forms), or null. */
  public static SearchField byKey(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "headline", "title" -> HEADLINE;
      case "bullets", "bullet", "summary" -> BULLETS;
      case "subheads", "subhead" -> SUBHEADS;
      case "body", "text" -> BODY;
      case "captions", "caption" -> CAPTIONS;
      case "byline", "author", "authors" -> BYLINE;
      default -> null;
    };
  }
}
