package dev.dateline.internal.raw;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Word-set similarity for spotting near-duplicate lines, such as a photo caption a page prints
 * twice with a word changed.
 */
final class TextSimilarity {
  /** Jaccard index at or above which two texts count as the same. */
  static final double SAME_JACCARD = 0.6;

  /** Share of the shorter text's words found in the longer at or above which they are the same. */
  static final double SAME_CONTAINMENT = 0.8;

  private TextSimilarity() {}

  /** Whether the two texts are near-duplicates by token Jaccard or containment. */
  static boolean nearDuplicates(String a, String b) {
    Set<String> ta = tokens(a);
    Set<String> tb = tokens(b);
    if (ta.isEmpty() || tb.isEmpty()) {
      return ta.equals(tb);
    }
    Set<String> common = new HashSet<>(ta);
    common.retainAll(tb);
    int union = ta.size() + tb.size() - common.size();
    double jaccard = (double) common.size() / union;
    double containment = (double) common.size() / Math.min(ta.size(), tb.size());
    return jaccard >= SAME_JACCARD || (Math.min(ta.size(), tb.size()) >= 3 && containment >= SAME_CONTAINMENT);
  }

  static Set<String> tokens(String text) {
    Set<String> out = new HashSet<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
