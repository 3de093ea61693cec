package dev.dateline.internal.index;

import org.apache.lucene.util.Attribute;

/** The form of a token before stemming, carried past the stemmer by {@link NewsAnalyzer}. */
public interface OriginalTermAttribute extends Attribute {
  /** Remembers {@code length} chars of {@code buffer} as the unstemmed form. */
  void setOriginal(char[] buffer, int length);

  /** Whether the unstemmed form equals the first {@code length} chars of {@code buffer}. */
  boolean originalEquals(char[] buffer, int length);

  char[] originalBuffer();

  int originalLength();
}
