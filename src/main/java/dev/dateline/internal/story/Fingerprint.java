package dev.dateline.internal.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.BytesRef;

/**
 * The b-bit MinHash fingerprint of an article's text, for near-duplicate detection: {@link
 * #HASHES} minimum hashes over its word {@link #SHINGLE}-shingles, each kept to its low {@link
 * #BITS} bits (Li and König's b-bit minwise hashing), and the number of distinct shingles. Stored
 * in {@link #BYTES} bytes or fewer.
 *
 * <p>The text (body paragraphs and bullets; not the headline, byline or dateline, which copies
 * change) is folded (case, diacritics), split into words of letters and digits, and normalised so
 * that common respellings compare equal: {@code per cent} is {@code percent}, British {@code
 * -our}, {@code -ise}, {@code -isation} and {@code -tre} endings become {@code -or}, {@code -ize},
 * {@code -ization} and {@code -ter}. Deterministic: the same text always gives the same
 * fingerprint, in any JVM.
 *
 * @param minHashes the low {@link #BITS} bits of each minimum hash, one per hash function
 * @param shingles the number of distinct shingles
 */
public record Fingerprint(char[] minHashes, int shingles) {

  /** Number of min-hashes (hash functions). */
  public static final int HASHES = 64;
  /** Bits kept of each min-hash. */
  public static final int BITS = 16;
  /** Words per shingle. */
  public static final int SHINGLE = 3;
  /** Largest encoded size: the min-hashes and a variable-length shingle count. */
  public static final int BYTES = HASHES * BITS / 8 + 5;

  /** Chance that two different min-hashes agree in their low {@link #BITS} bits. */
  private static final double CHANCE = 1.0 / (1 << BITS);

  private static final long[] XOR = new long[HASHES];
  private static final long[] MUL = new long[HASHES];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      x = mix(x + 0x632BE59BD9B4E019L * (i + 1));
      XOR[i] = x;
      x = mix(x + 0x632BE59BD9B4E019L);
      MUL[i] = x | 1;
    }
  }

  /** The fingerprint of these texts (paragraphs), read in order. */
  public static Fingerprint of(List<String> texts) {
    List<String> words = new ArrayList<>();
    for (String t : texts) {
      if (t != null) {
        words(t, words);
      }
    }
    int n = Math.max(0, words.size() - SHINGLE + 1);
    long[] shingles = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0x84222325CBF29CE4L;
      for (int j = 0; j < SHINGLE; j++) {
        h = mix(h ^ words.get(i + j).hashCode()) * 31 + j;
      }
      shingles[i] = h;
    }
    Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    // Each hash function: a random xor then a multiply by a random odd number, top 32 bits (the
    // shingle hashes are already well mixed). The minimum is taken over all 32 bits.
    int[] min = new int[HASHES];
    Arrays.fill(min, -1); // unsigned maximum
    for (int i = 0; i < distinct; i++) {
      long sh = shingles[i];
      for (int k = 0; k < HASHES; k++) {
        int v = (int) (((sh ^ XOR[k]) * MUL[k]) >>> 32);
        if (Integer.compareUnsigned(v, min[k]) < 0) {
          min[k] = v;
        }
      }
    }
    char[] low = new char[HASHES];
    for (int k = 0; k < HASHES; k++) {
      low[k] = (char) min[k];
    }
    return new Fingerprint(low, distinct);
  }

  private static void words(String text, List<String> out) {
    String folded = text;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        break;
      }
    }
    StringBuilder w = new StringBuilder();
    String previous = null;
    int len = folded.length();
    for (int i = 0; i <= len; ) {
      int c = i < len ? folded.codePointAt(i) : ' ';
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        i += Character.charCount(c);
        continue; // diacritics are dropped, inside words too
      }
      if (Character.isLetterOrDigit(c)) {
        w.appendCodePoint(c);
      } else if (w.length() > 0) {
        String word = respell(w.toString().toLowerCase(Locale.ROOT));
        w.setLength(0);
        if ("cent".equals(word) && "per".equals(previous)) {
          out.set(out.size() - 1, "percent");
          previous = "percent";
        } else {
          out.add(word);
          previous = word;
        }
      }
      i += i < len ? Character.charCount(c) : 1;
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
   * Estimated Jaccard similarity of the two shingle sets: the share of agreeing min-hashes,
   * corrected for chance agreement of the kept bits.
   */
  public double jaccard(Fingerprint other) {
    int same = 0;
    for (int k = 0; k < HASHES; k++) {
      if (minHashes[k] == other.minHashes[k]) {
        same++;
      }
    }
    double p = same / (double) HASHES;
    return Math.max(0, (p - CHANCE) / (1 - CHANCE));
  }

  /**
   * Estimated share of the smaller text's shingles that the other also has (the overlap
   * coefficient), from the MinHash estimate {@code J} of the Jaccard similarity and the two sizes:
   * {@code |A and B| = J (|A| + |B|) / (1 + J)}. A copy trimmed to 60% of the original scores about
   * 1 against it whatever is trimmed, where the Jaccard similarity would fall with the trim.
   */
  public double overlap(Fingerprint other) {
    double j = jaccard(other);
    double inter = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, inter / Math.max(1, Math.min(shingles, other.shingles)));
  }

  /** The encoding stored in the index: the min-hashes, two bytes each, then the shingle count. */
  public BytesRef encode() {
    byte[] b = new byte[BYTES];
    int p = 0;
    for (char h : minHashes) {
      b[p++] = (byte) (h >>> 8);
      b[p++] = (byte) h;
    }
    int s = shingles;
    while ((s & ~0x7F) != 0) {
      b[p++] = (byte) ((s & 0x7F) | 0x80);
      s >>>= 7;
    }
    b[p++] = (byte) s;
    return new BytesRef(b, 0, p);
  }

  /** Decodes {@link #encode()}. */
  public static Fingerprint decode(BytesRef ref) {
    byte[] b = ref.bytes;
    int p = ref.offset;
    char[] h = new char[HASHES];
    for (int i = 0; i < HASHES; i++) {
      h[i] = (char) (((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF));
      p += 2;
    }
    int s = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b[p++];
      s |= (x & 0x7F) << shift;
      if (x >= 0) {
        break;
      }
    }
    return new Fingerprint(h, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && shingles == f.shingles && Arrays.equals(minHashes, f.minHashes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(minHashes) + shingles;
  }

  @Override
  public String toString() {
    return "Fingerprint[" + shingles + " shingles]";
  }
}
