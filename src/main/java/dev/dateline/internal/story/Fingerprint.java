package dev.dateline.internal.story;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.BytesRef;

/**
 * The MinHash fingerprint of an article's text, for near-duplicate detection: {@link #HASHES}
 * minimum hashes over its word {@link #SHINGLE}-shingles, and the number of distinct shingles.
 *
 * <p>The text (body paragraphs and bullets; not the headline, byline or dateline, which copies
 * change) is folded (case, diacritics), split into words of letters and digits, and normalised so
 * that common respellings compare equal: {@code per cent} is {@code percent}, British {@code
 * -our}, {@code -ise}, {@code -isation} and {@code -tre} endings become {@code -or}, {@code -ize},
 * {@code -ization} and {@code -ter}. Deterministic: the same text always gives the same
 * fingerprint, in any JVM.
 */
public record Fingerprint(int[] minHashes, int shingles) {

  /** Number of min-hashes (hash functions). */
  public static final int HASHES = 128;
  /** Words per shingle. */
  public static final int SHINGLE = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS = seeds();

  private static long[] seeds() {
    long[] s = new long[HASHES];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      x = mix(x + 0x632BE59BD9B4E019L * (i + 1));
      s[i] = x | 1;
    }
    return s;
  }

  /** The fingerprint of these texts (paragraphs), read in order. */
  public static Fingerprint of(List<String> texts) {
    List<String> words = new ArrayList<>();
    for (String t : texts) {
      if (t != null) {
        words(t, words);
      }
    }
    Set<Long> shingles = new HashSet<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      long h = 0x84222325CBF29CE4L;
      for (int j = 0; j < SHINGLE; j++) {
        h = mix(h ^ words.get(i + j).hashCode()) * 31 + j;
      }
      shingles.add(h);
    }
    int[] min = new int[HASHES];
    Arrays.fill(min, Integer.MAX_VALUE);
    for (long sh : shingles) {
      for (int k = 0; k < HASHES; k++) {
        int v = (int) (mix(sh * SEEDS[k]) >>> 33);
        if (v < min[k]) {
          min[k] = v;
        }
      }
    }
    return new Fingerprint(min, shingles.size());
  }

  private static void words(String text, List<String> out) {
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    Matcher m = WORD.matcher(folded);
    String previous = null;
    while (m.find()) {
      String w = respell(m.group());
      if ("cent".equals(w) && "per".equals(previous)) {
        out.set(out.size() - 1, "percent");
        previous = "percent";
        continue;
      }
      out.add(w);
      previous = w;
    }
  }

  /** Normalises British spellings to American ones (applied to every text alike). */
  static String respell(String w) {
    if (w.length() < 5) {
      return w;
    }
    if (w.endsWith("isation") || w.endsWith("isations")) {
      return w.replace("isation", "ization");
    }
    for (String suffix : new String[] {"ise", "ised", "ises", "ising"}) {
      if (w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length()) + "iz" + suffix.substring(2);
      }
    }
    if (w.endsWith("our") || w.endsWith("ours")) {
      return w.replace("our", "or");
    }
    if (w.endsWith("tre") || w.endsWith("tres")) {
      return w.substring(0, w.lastIndexOf("tre")) + "ter" + (w.endsWith("s") ? "s" : "");
    }
    return w;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Estimated share of the smaller text's shingles that the other also has (the overlap
   * coefficient), from the MinHash estimate {@code J} of the Jaccard similarity and the two sizes:
   * {@code |A and B| = J (|A| + |B|) / (1 + J)}. A copy trimmed to 60% of the original scores about
   * 0.6 against it whatever is trimmed, where the Jaccard similarity would fall with the trim.
   */
  public double overlap(Fingerprint other) {
    int same = 0;
    for (int k = 0; k < HASHES; k++) {
      if (minHashes[k] == other.minHashes[k]) {
        same++;
      }
    }
    double j = same / (double) HASHES;
    double inter = j * (shingles + other.shingles) / (1 + j);
    return inter / Math.min(shingles, other.shingles);
  }

  /** The encoding stored in the index. */
  public BytesRef encode() {
    ByteBuffer b = ByteBuffer.allocate(4 * (HASHES + 1));
    b.putInt(shingles);
    for (int h : minHashes) {
      b.putInt(h);
    }
    return new BytesRef(b.array());
  }

  /** Decodes {@link #encode()}. */
  public static Fingerprint decode(BytesRef ref) {
    ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
    int shingles = b.getInt();
    int[] h = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      h[i] = b.getInt();
    }
    return new Fingerprint(h, shingles);
  }
}
