package dev.dateline.internal.story;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The b-bit MinHash fingerprint of an article's text, for near-duplicate detection: {@link
 * #HASHES} minimum hashes over its word {@link #SHINGLE}-shingles (one-permutation hashing with
 * densification, see {@link #of}), each kept to its low {@link #BITS} bits (Li and König's b-bit
 * minwise hashing), and the number of distinct shingles. Stored in {@link #BYTES} bytes or fewer.
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

  /** Number of min-hashes (bins of the one permutation). */
  public static final int HASHES = 64;
  /** Bits kept of each min-hash. */
  public static final int BITS = 16;
  /** Words per shingle. */
  public static final int SHINGLE = 3;
  /** Largest encoded size: the min-hashes and a variable-length shingle count. */
  public static final int BYTES = HASHES * BITS / 8 + 5;

  /** Chance that two different min-hashes agree in their low {@link #BITS} bits. */
  private static final double CHANCE = 1.0 / (1 << BITS);
  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final long PER = wordHash("per");
  private static final long CENT = wordHash("cent");
  private static final long PERCENT = wordHash("percent");

  /**
   * The fingerprint of these texts (paragraphs), read in order: one-permutation MinHash (each
   * shingle hashed once, into one of {@link #HASHES} bins by its top bits, each bin keeping its
   * least hash), with empty bins filled from non-empty ones by a fixed probe sequence (Shrivastava's
   * optimal densification), so two texts agree in a bin with probability their Jaccard
   * similarity.
   */
  public static Fingerprint of(List<String> texts) {
    Words words = new Words();
    for (String t : texts) {
      if (t != null) {
        words.read(t);
      }
    }
    long[] w = words.hashes;
    int n = Math.max(0, words.size - SHINGLE + 1);
    // Distinct shingles by an open-addressing set (a min-hash needs no de-duplication: only the
    // count does); 0 marks a free slot, so a shingle hashing to 0 is counted on the side.
    long[] set = new long[Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1];
    int mask = set.length - 1;
    boolean zero = false;
    int distinct = 0;
    int[] min = new int[HASHES];
    boolean[] filled = new boolean[HASHES];
    for (int i = 0; i < n; i++) {
      long s = mix(mix(w[i] * 0x632BE59BD9B4E019L + w[i + 1]) * 0x85EBCA77C2B2AE63L + w[i + 2]);
      if (s == 0) {
        if (zero) {
          continue;
        }
        zero = true;
      } else {
        int slot = (int) s & mask;
        while (set[slot] != 0 && set[slot] != s) {
          slot = (slot + 1) & mask;
        }
        if (set[slot] == s) {
          continue;
        }
        set[slot] = s;
      }
      distinct++;
      long h = mix(s ^ SEED);
      int bin = (int) (h >>> 58);
      int v = (int) h;
      if (!filled[bin] || Integer.compareUnsigned(v, min[bin]) < 0) {
        min[bin] = v;
        filled[bin] = true;
      }
    }
    char[] low = new char[HASHES];
    if (distinct > 0) {
      for (int bin = 0; bin < HASHES; bin++) {
        int from = bin;
        for (int attempt = 1; !filled[from]; attempt++) {
          from = (int) (mix(((long) bin << 32) | attempt) >>> 58);
        }
        low[bin] = (char) min[from];
      }
    }
    return new Fingerprint(low, distinct);
  }

  /** For each ASCII character, the character it is in a word (lower case), or 0 between words. */
  private static final char[] ASCII_WORD = new char[0x80];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_WORD[c] = c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_WORD[c] = c;
      ASCII_WORD[c - 32] = c;
    }
  }

  /** The words of a text as 64-bit hashes, folded and respelt, without a string per word. */
  private static final class Words {
    long[] hashes = new long[256];
    int size;
    private char[] buf = new char[64];
    private int len;

    void read(String text) {
      String folded = text;
      boolean ascii = true;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) >= 0x80) {
          folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
          ascii = false;
          break;
        }
      }
      int length = folded.length();
      if (ascii) {
        readAscii(text);
        return;
      }
      for (int i = 0; i < length; ) {
        int c = folded.codePointAt(i);
        i += Character.charCount(c);
        if (c < 0x80) {
          if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            append((char) c);
          } else if (c >= 'A' && c <= 'Z') {
            append((char) (c + 32));
          } else {
            flush();
          }
          continue;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK
            || type == Character.ENCLOSING_MARK
            || type == Character.COMBINING_SPACING_MARK) {
          continue; // diacritics are dropped, inside words too
        }
        if (Character.isLetterOrDigit(c)) {
          int lower = Character.toLowerCase(c);
          if (Character.isBmpCodePoint(lower)) {
            append((char) lower);
          } else {
            append(Character.highSurrogate(lower));
            append(Character.lowSurrogate(lower));
          }
        } else {
          flush();
        }
      }
      flush();
    }

    private void append(char c) {
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, len * 2);
      }
      buf[len++] = c;
    }

    /**
     * {@link #read} for ASCII text (the usual case): each word hashed as it is scanned, and copied
     * to the buffer only when {@link #respell} may change it (5 letters or more, ending in a letter
     * that one of its endings ends in).
     */
    private void readAscii(String text) {
      int length = text.length();
      int i = 0;
      while (true) {
        while (i < length && ASCII_WORD[text.charAt(i)] == 0) {
          i++;
        }
        if (i == length) {
          return;
        }
        int start = i;
        long h = FNV_OFFSET;
        char last = 0;
        for (char c; i < length && (c = ASCII_WORD[text.charAt(i)]) != 0; i++) {
          h = (h ^ c) * FNV_PRIME;
          last = c;
        }
        if (i - start >= 5 && (last == 'n' || last == 's' || last == 'e' || last == 'd'
            || last == 'g' || last == 'r')) {
          for (int k = start; k < i; k++) {
            append(ASCII_WORD[text.charAt(k)]);
          }
          flush();
        } else {
          add(mix(h));
        }
      }
    }

    private void flush() {
      if (len == 0) {
        return;
      }
      respell();
      long h = hash(buf, len);
      len = 0;
      add(h);
    }

    /** Appends a word's hash, joining {@code per cent} into {@code percent}. */
    private void add(long h) {
      if (h == CENT && size > 0 && hashes[size - 1] == PER) {
        hashes[size - 1] = PERCENT;
        return;
      }
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = h;
    }

    /** British endings to American ones, on the word in the buffer (words of 5 or more). */
    private void respell() {
      if (len < 5) {
        return;
      }
      if (ends("isation")) {
        buf[len - 6] = 'z';
      } else if (ends("isations")) {
        buf[len - 7] = 'z';
      } else if (ends("ise") || ends("ised") || ends("ises")) {
        buf[len - (ends("ise") ? 2 : 3)] = 'z';
      } else if (ends("ising")) {
        buf[len - 4] = 'z';
      } else if (ends("our")) {
        buf[len - 2] = 'r';
        len--;
      } else if (ends("ours")) {
        buf[len - 3] = 'r';
        buf[len - 2] = 's';
        len--;
      } else if (ends("tre")) {
        buf[len - 2] = 'e';
        buf[len - 1] = 'r';
      } else if (ends("tres")) {
        buf[len - 3] = 'e';
        buf[len - 2] = 'r';
      }
    }

    private boolean ends(String suffix) {
      int k = suffix.length();
      if (len < k) {
        return false;
      }
      for (int i = 0; i < k; i++) {
        if (buf[len - k + i] != suffix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private static long wordHash(String w) {
    return hash(w.toCharArray(), w.length());
  }

  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  /** A word's hash: 64-bit FNV-1a over its characters, mixed. */
  private static long hash(char[] b, int len) {
    long h = FNV_OFFSET;
    for (int i = 0; i < len; i++) {
      h = (h ^ b[i]) * FNV_PRIME;
    }
    return mix(h);
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
    return overlap(other, jaccard(other));
  }

  /** {@link #overlap(Fingerprint)} given the two texts' estimated Jaccard similarity {@code j}. */
  double overlap(Fingerprint other, double j) {
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
