package dev.dateline.internal.entity;

import dev.dateline.EntityType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A statistical name tagger: a linear-chain model over BIO tags (PERSON, PLACE, ORG) with hashed
 * features, decoded exactly by Viterbi. The weights are an averaged structured perceptron trained
 * offline (the trainer lives in the benchmarks project, {@code dev.dateline.bench.ner.TrainNer})
 * on CC-BY corpora, and ship as the resource {@value #RESOURCE}. Features: the word and its
 * folded form, shape, affixes, neighbouring words, punctuation and sentence position, the
 * {@link Gazetteer} and {@link NameLists}, titles and organisation suffixes of the {@link
 * Lexicon}, and whether the text is set in capitals.
 *
 * <p>Public (in an unexported package) only so that the trainer shares the feature code.
 */
public final class NerTagger {
  public static final String RESOURCE = "/dev/dateline/entity/ner-model.bin.gz";
  /** Tag names, index = tag id. */
  public static final List<String> TAGS =
      List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG");
  public static final int T = 7;
  public static final int BITS = 19;
  public static final int MASK = (1 << BITS) - 1;
  private static final int MAGIC = 0x4e455231; // "NER1"
  /** The row every token has. */
  private static final int BIAS = h(1, 0);

  private static volatile NerTagger standard;

  private final Rows rows;

  /** A tagger over dense weights, {@code T} per feature row (the trainer's form). */
  public NerTagger(float[] weights) {
    this(new DenseRows(weights));
  }

  private NerTagger(Rows rows) {
    this.rows = rows;
  }

  /** The shipped model, loaded on first use. */
  public static NerTagger standard() {
    NerTagger s = standard;
    if (s == null) {
      synchronized (NerTagger.class) {
        if (standard == null) {
          try (InputStream in = NerTagger.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            standard = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
          }
        }
        s = standard;
      }
    }
    return s;
  }

  /** Entity type of a B/I tag, or null for O. */
  public static EntityType typeOf(int tag) {
    return switch ((tag + 1) / 2) {
      case 1 -> EntityType.PERSON;
      case 2 -> EntityType.PLACE;
      case 3 -> EntityType.ORG;
      default -> null;
    };
  }

  private static final boolean[] ALLOWED = new boolean[T * T];

  static {
    for (int p = 0; p < T; p++) {
      for (int y = 0; y < T; y++) {
        ALLOWED[p * T + y] = allowed(p, y);
      }
    }
  }

  /** Whether tag {@code to} may follow {@code from} (an I- tag only continues its own type). */
  public static boolean allowed(int from, int to) {
    return to == 0 || to % 2 == 1 || from == to || from == to - 1;
  }

  // ---------------------------------------------------------------- features

  /** A tokenized sentence (or paragraph) with its per-token features computed. */
  public static final class Sentence {
    final List<Token> tokens;
    final int[][] features;
    final int[] shapeHash;

    Sentence(List<Token> tokens, Document doc) {
      this.tokens = tokens;
      this.features = new int[tokens.size()][];
      this.shapeHash = new int[tokens.size()];
      computeFeatures(this, doc);
    }

    public int size() {
      return tokens.size();
    }

    /** Character offset of token {@code i} in the text. */
    public int start(int i) {
      return tokens.get(i).start();
    }

    public int end(int i) {
      return tokens.get(i).end();
    }

    /** Static (tag-independent) features of token {@code i}, as weight rows. */
    public int[] features(int i) {
      return features[i];
    }

    /** Features of token {@code i} that depend on the previous tag. */
    public int[] transition(int i, int prevTag) {
      int k = tokens.get(i).key().hashCode();
      return new int[] {
        h(901, prevTag), h(902, prevTag * 31 + k), h(903, prevTag * 31 + shapeHash[i])
      };
    }
  }

  /**
   * What the rest of the document says about each word: whether it is written capitalised inside
   * a sentence (a name) and whether it is written in lower case (a common word). A headline in
   * capitals, or a name at the start of a sentence, is read in that light.
   */
  public static final class Document {
    static final Document EMPTY = new Document();
    private final java.util.Map<String, Integer> bits = new java.util.HashMap<>();

    public Document() {}

    /** Adds the words of one piece of text (a sentence or paragraph) of the document. */
    public Document add(String text) {
      return add(Tokenizer.tokenize(text));
    }

    Document add(List<Token> tokens) {
      for (Token t : tokens) {
        char c = t.text().charAt(0);
        int b = 0;
        if (Character.isUpperCase(c) && !t.sentenceStart() && !t.allCaps()) {
          b = 1;
        } else if (Character.isLowerCase(c)) {
          b = 2;
        }
        if (b != 0) {
          bits.merge(t.key(), b, (x, y) -> x | y);
        }
      }
      return this;
    }

    int bits(String key) {
      return bits.getOrDefault(key, 0);
    }
  }

  /** Tokenizes {@code text} and computes its features. */
  public static Sentence sentence(String text) {
    return new Sentence(Tokenizer.tokenize(text), Document.EMPTY);
  }

  /** Tokenizes {@code text}, one piece of {@code doc}, and computes its features. */
  public static Sentence sentence(String text, Document doc) {
    return new Sentence(Tokenizer.tokenize(text), doc);
  }

  static Sentence sentence(List<Token> tokens) {
    return new Sentence(tokens, Document.EMPTY);
  }

  static Sentence sentence(List<Token> tokens, Document doc) {
    return new Sentence(tokens, doc);
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    x *= 0x846ca68b;
    x ^= x >>> 16;
    return x;
  }

  static int h(int kind, int value) {
    return mix(kind * 0x9E3779B1 + value) & MASK;
  }

  static int h(int kind, String value) {
    return h(kind, value.hashCode());
  }

  private static int substringHash(String s, int from, int to) {
    int hash = 0;
    for (int i = Math.max(0, from); i < Math.min(s.length(), to); i++) {
      hash = 31 * hash + s.charAt(i);
    }
    return hash;
  }

  /** Word shape, runs collapsed: "Kyiv" → "Xx", "U.S." → "X.X.", "1996-12-06" → "d-d-d". */
  static String shape(String text) {
    StringBuilder sb = new StringBuilder(8);
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s =
          Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
              : Character.isDigit(c) ? 'd' : c;
      if (s != last) {
        sb.append(s);
        last = s;
      }
    }
    return sb.toString();
  }

  private static void computeFeatures(Sentence s, Document doc) {
    List<Token> t = s.tokens;
    int n = t.size();
    int letters = 0;
    int upper = 0;
    for (Token tok : t) {
      for (int i = 0; i < tok.text().length(); i++) {
        char c = tok.text().charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c)) {
            upper++;
          }
        }
      }
    }
    boolean capsText = letters >= 4 && upper * 10 >= letters * 8;
    int caps = capsText ? 1 : 0;
    String[] shapes = new String[n];
    for (int i = 0; i < n; i++) {
      shapes[i] = shape(t.get(i).text());
      s.shapeHash[i] = shapes[i].hashCode();
    }
    // Gazetteer and list marks.
    int[] gaz = new int[n]; // 0 none; else 1 + 2*typeIndex (+1 inside)
    for (int i = 0; i < n; ) {
      Gazetteer.Match m = Gazetteer.standard().longestMatch(t, i);
      if (m == null) {
        i++;
        continue;
      }
      int ty = m.entry().isDemonym() ? 3 : m.entry().type().ordinal();
      gaz[i] = 1 + 2 * ty;
      for (int j = i + 1; j < m.end(); j++) {
        gaz[j] = 2 + 2 * ty;
      }
      i = m.end();
    }
    int[] listBegin = new int[n];
    int[] listInside = new int[n];
    NameLists.standard().mark(t, listBegin, listInside);
    int[] lex = new int[n]; // Lexicon.flags
    int[] list = new int[n]; // NameLists bits
    for (int i = 0; i < n; i++) {
      lex[i] = Lexicon.flags(t.get(i).key());
      list[i] = NameLists.standard().bits(t.get(i).key());
    }
    boolean[] titleBefore = new boolean[n + 1];
    for (int i = 0; i < n; i++) {
      int len = (lex[i] & Lexicon.TITLE_START) != 0 ? Lexicon.titleLength(t, i) : 0;
      if (len > 0 && i + len < n) {
        titleBefore[i + len] = true;
      }
    }
    int[] f = new int[64];
    for (int i = 0; i < n; i++) {
      Token tok = t.get(i);
      String k = tok.key();
      String text = tok.text();
      int c = 0;
      f[c++] = BIAS; // first: the decoder starts from this row
      f[c++] = h(2, k);
      f[c++] = h(3, text);
      f[c++] = h(4, s.shapeHash[i]);
      f[c++] = h(5, caps * 31 + s.shapeHash[i]);
      f[c++] = h(6, substringHash(k, 0, 3));
      f[c++] = h(7, substringHash(k, k.length() - 2, k.length()));
      f[c++] = h(8, substringHash(k, k.length() - 3, k.length()));
      f[c++] = h(9, substringHash(k, k.length() - 4, k.length()));
      f[c++] = h(10, i > 0 ? t.get(i - 1).key().hashCode() : 1);
      f[c++] = h(11, i + 1 < n ? t.get(i + 1).key().hashCode() : 1);
      f[c++] = h(12, i > 1 ? t.get(i - 2).key().hashCode() : 1);
      f[c++] = h(13, i + 2 < n ? t.get(i + 2).key().hashCode() : 1);
      int prevShape = i > 0 ? s.shapeHash[i - 1] : 1;
      int nextShape = i + 1 < n ? s.shapeHash[i + 1] : 1;
      f[c++] = h(14, prevShape * 31 + s.shapeHash[i]);
      f[c++] = h(15, s.shapeHash[i] * 31 + nextShape);
      int flags =
          (tok.sentenceStart() ? 1 : 0)
              | (tok.breakBefore() ? 2 : 0)
              | (i + 1 < n && t.get(i + 1).breakBefore() ? 4 : 0)
              | (tok.possessive() ? 8 : 0)
              | (i + 1 == n ? 16 : 0);
      f[c++] = h(16, flags * 31 + s.shapeHash[i]);
      f[c++] = h(17, (i > 0 ? t.get(i - 1).key().hashCode() : 1) * 31 + k.hashCode());
      f[c++] = h(18, k.hashCode() * 31 + (i + 1 < n ? t.get(i + 1).key().hashCode() : 1));
      int listBits = list[i];
      f[c++] = h(19, listBits);
      f[c++] = h(20, listBits * 4 + caps * 2 + (Character.isUpperCase(text.charAt(0)) ? 1 : 0));
      f[c++] = h(21, listBegin[i] * 64 + listInside[i]);
      f[c++] = h(22, gaz[i]);
      f[c++] = h(23, gaz[i] * 2 + caps);
      f[c++] = h(24, (i > 0 ? gaz[i - 1] : 0) * 16 + (i + 1 < n ? gaz[i + 1] : 0));
      f[c++] = h(25, titleBefore[i] ? 1 : 0);
      f[c++] = h(26, lex[i] & (Lexicon.TITLE_WORD | Lexicon.ORG_SUFFIX | Lexicon.NEVER_NAME
          | Lexicon.FIRST_NAME));
      int nextOrgSuffix = 0;
      for (int j = i + 1; j < Math.min(n, i + 4); j++) {
        if (t.get(j).breakBefore()) {
          break;
        }
        if ((lex[j] & Lexicon.ORG_SUFFIX) != 0) {
          nextOrgSuffix = j - i;
          break;
        }
      }
      f[c++] = h(27, nextOrgSuffix);
      f[c++] = h(28, i > 0 && (lex[i - 1] & Lexicon.PLACE_PREPOSITION) != 0 ? 1 : 0);
      f[c++] = h(29, i + 1 < n && (lex[i + 1] & Lexicon.SPEECH_VERB) != 0 ? 1 : 0);
      f[c++] = h(30, (i > 0 ? list[i - 1] : 32) * 64 + (i + 1 < n ? list[i + 1] : 32));
      f[c++] = h(31, text.length() > 4 ? 5 : text.length());
      int docBits = doc.bits(k);
      int firstUpper = Character.isUpperCase(text.charAt(0)) ? 1 : 0;
      f[c++] = h(32, docBits * 8 + caps * 4 + (tok.sentenceStart() ? 2 : 0) + firstUpper);
      f[c++] = h(33, docBits * 31 + s.shapeHash[i]);
      s.features[i] = java.util.Arrays.copyOf(f, c);
    }
  }

  // ---------------------------------------------------------------- decoding

  /** Best tag sequence by Viterbi. */
  public int[] tag(Sentence s) {
    return viterbi(s, rows);
  }

  /** Viterbi over dense weights {@code w} (the trainer's current weights). */
  public static int[] viterbi(Sentence s, float[] w) {
    return viterbi(s, new DenseRows(w));
  }

  private static int[] viterbi(Sentence s, Rows w) {
    int n = s.size();
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    float[] score = new float[n * T];
    byte[] back = new byte[n * T];
    float[] stat = new float[T];
    float[] trans = new float[(T + 1) * T]; // per previous tag (T = start), per tag
    // The rows every token adds, summed first as before (0 + row is the row, exactly).
    float[] bias = new float[T];
    w.add(BIAS, bias, 0);
    float[] previous = new float[(T + 1) * T];
    for (int p = 0; p <= T; p++) {
      w.add(h(901, p), previous, p * T);
    }
    for (int i = 0; i < n; i++) {
      int[] features = s.features[i];
      System.arraycopy(bias, 0, stat, 0, T);
      for (int j = 1; j < features.length; j++) {
        w.add(features[j], stat, 0);
      }
      int k = s.tokens.get(i).key().hashCode();
      int sh = s.shapeHash[i];
      int from = i == 0 ? T : 0;
      int to = i == 0 ? T : T - 1;
      System.arraycopy(previous, from * T, trans, from * T, (to - from + 1) * T);
      for (int p = from; p <= to; p++) {
        w.add(h(902, p * 31 + k), trans, p * T);
        w.add(h(903, p * 31 + sh), trans, p * T);
      }
      int row = i * T;
      if (i == 0) {
        for (int y = 0; y < T; y++) {
          score[y] = allowed(0, y) ? stat[y] + trans[T * T + y] : Float.NEGATIVE_INFINITY;
        }
        continue;
      }
      for (int y = 0; y < T; y++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = 0; p < T; p++) {
          float prev = score[row - T + p];
          if (prev == Float.NEGATIVE_INFINITY || !ALLOWED[p * T + y]) {
            continue;
          }
          float v = prev + trans[p * T + y];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        score[row + y] = best == Float.NEGATIVE_INFINITY ? best : best + stat[y];
        back[row + y] = (byte) arg;
      }
    }
    int best = 0;
    int last = (n - 1) * T;
    for (int y = 1; y < T; y++) {
      if (score[last + y] > score[last + best]) {
        best = y;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      out[i] = best;
      best = back[i * T + best];
    }
    return out;
  }

  /** Spans {@code [start, end, tag-type]} of the names in a tag sequence. */
  public static List<int[]> spans(int[] tags) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < tags.length) {
      if (tags[i] == 0) {
        i++;
        continue;
      }
      int type = (tags[i] + 1) / 2;
      int j = i + 1;
      while (j < tags.length && tags[j] == type * 2) {
        j++;
      }
      out.add(new int[] {i, j, type});
      i = j;
    }
    return out;
  }

  // ---------------------------------------------------------------- storage

  /** Writes weights as gzip: rows with any weight at or above {@code minAbs}, 16-bit quantised. */
  public static void write(float[] w, float minAbs, OutputStream os) throws IOException {
    float max = 0;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
    }
    float scale = max / 32767f;
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(os))) {
      out.writeInt(MAGIC);
      out.writeInt(BITS);
      out.writeInt(T);
      out.writeFloat(scale);
      int last = -1;
      for (int row = 0; row <= MASK; row++) {
        boolean keep = false;
        for (int y = 0; y < T; y++) {
          keep |= Math.abs(w[row * T + y]) >= minAbs && w[row * T + y] != 0;
        }
        if (!keep) {
          continue;
        }
        out.writeInt(row - last);
        last = row;
        for (int y = 0; y < T; y++) {
          out.writeShort(Math.round(w[row * T + y] / scale));
        }
      }
      out.writeInt(0);
    }
  }

  static NerTagger read(InputStream is) throws IOException {
    DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(is, 1 << 16)));
    if (in.readInt() != MAGIC || in.readInt() != BITS || in.readInt() != T) {
      throw new IOException("not a Dateline NER model of this version");
    }
    float scale = in.readFloat();
    long[] present = new long[(MASK + 1) / 64];
    short[] values = new short[1 << 16];
    int count = 0;
    int row = -1;
    for (int d = in.readInt(); d != 0; d = in.readInt()) {
      row += d;
      if (d < 0 || row > MASK) {
        throw new IOException("corrupt NER model: row " + row);
      }
      present[row >>> 6] |= 1L << row;
      if ((count + 1) * PackedRows.STRIDE > values.length) {
        values = java.util.Arrays.copyOf(values, values.length * 2);
      }
      for (int y = 0; y < T; y++) {
        values[count * PackedRows.STRIDE + y] = in.readShort();
      }
      count++;
    }
    return new NerTagger(
        new PackedRows(present, java.util.Arrays.copyOf(values, count * PackedRows.STRIDE), scale));
  }

  // ---------------------------------------------------------------- weights

  /** Weight rows by feature row. */
  private interface Rows {
    /** Adds row {@code row}'s {@code T} weights to {@code acc[off..off+T)}. */
    void add(int row, float[] acc, int off);
  }

  /** Every row present, {@code T} floats each: the trainer's weights. */
  private record DenseRows(float[] w) implements Rows {
    DenseRows {
      if (w.length != (MASK + 1) * T) {
        throw new IllegalArgumentException("weights must have " + ((MASK + 1) * T) + " entries");
      }
    }

    @Override
    public void add(int row, float[] acc, int off) {
      int base = row * T;
      for (int y = 0; y < T; y++) {
        acc[off + y] += w[base + y];
      }
    }
  }

  /**
   * The shipped model as stored: only the rows with a weight (about a third of them), each kept as
   * its 16-bit quantised values in an aligned slot of {@value #STRIDE}, found by rank in a bitmap
   * of present rows. The weights are the same floats a dense table would hold ({@code value *
   * scale}), and an absent row adds nothing, so the tags are exactly those of the dense table; the
   * table is ~2.8 MB instead of 14.7 MB, which is what the decoder's random look-ups pay for.
   */
  private static final class PackedRows implements Rows {
    static final int STRIDE = 8;
    private final long[] present;
    private final int[] before; // rows present in the bitmap words before each word
    private final short[] values;
    private final float scale;

    PackedRows(long[] present, short[] values, float scale) {
      this.present = present;
      this.values = values;
      this.scale = scale;
      this.before = new int[present.length];
      int sum = 0;
      for (int i = 0; i < present.length; i++) {
        before[i] = sum;
        sum += Long.bitCount(present[i]);
      }
    }

    @Override
    public void add(int row, float[] acc, int off) {
      long word = present[row >>> 6];
      long bit = 1L << row;
      if ((word & bit) == 0) {
        return;
      }
      int base = (before[row >>> 6] + Long.bitCount(word & (bit - 1))) * STRIDE;
      for (int y = 0; y < T; y++) {
        acc[off + y] += values[base + y] * scale;
      }
    }
  }
}
