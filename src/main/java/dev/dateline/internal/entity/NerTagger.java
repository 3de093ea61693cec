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

  /** Whether tag {@code to} may follow {@code from} (an I- tag only continues its own type). */
  public static boolean allowed(int from, int to) {
    return to == 0 || to % 2 == 1 || from == to || from == to - 1;
  }

  // ---------------------------------------------------------------- features

  /**
   * What the tagger asks of one word whatever its context, found once for each word it meets and
   * kept in a cache of {@link #WORDS} slots shared by all threads (keyed by the printed word):
   * folded key, shape, the {@link Lexicon} and {@link NameLists} answers, and, for the shipped
   * model, the summed weight rows of every feature that depends on the word alone ({@link #sums}).
   * Words repeat, so most tokens of an article read one cached entry instead of some thirty rows of
   * a table too large for the processor's caches.
   *
   * <p>Threads share the cache without locks: a word's fields are final, and {@link #sums} is an
   * immutable {@link Sums} that a thread may compute again if it does not yet see another's, so a
   * word read from a slot another thread filled is always whole.
   */
  static final class Word {
    final String text;
    final String key;
    final int keyHash;
    final int shapeHash;
    final int lex;
    final int list;
    /** {@link NameLists#longestFrom} the word. */
    final int longestName;
    final boolean firstUpper;
    /** The shipped model's row sums for the word (see {@link PackedRows}); null until needed. */
    Sums sums;

    private Word(String text, String key) {
      this.text = text;
      this.key = key;
      this.keyHash = key.hashCode();
      this.shapeHash = shapeHash(text);
      this.lex = Lexicon.flags(key);
      int lists = NameLists.standard().entry(key);
      this.list = NameLists.bits(lists);
      this.longestName = NameLists.longest(lists);
      this.firstUpper = Character.isUpperCase(text.charAt(0));
    }

    /** The word of a token (its cached facts when the tokenizer gave them). */
    static Word of(Token token) {
      if (token.word() != null) {
        return token.word();
      }
      String text = token.text();
      return of(text, 0, text.length());
    }

    /** The word {@code text[from, to)}, from the cache or added to it. */
    static Word of(String text, int from, int to) {
      int hash = 0;
      for (int i = from; i < to; i++) {
        hash = 31 * hash + text.charAt(i);
      }
      Word[] cache = CACHE;
      int slot = (hash * 0x9E3779B1) >>> (32 - WORD_BITS);
      Word w = cache[slot];
      int length = to - from;
      if (w == null || w.text.length() != length || !w.text.regionMatches(0, text, from, length)) {
        String word = from == 0 && to == text.length() ? text : text.substring(from, to);
        w = new Word(word, Folding.fold(word));
        cache[slot] = w;
      }
      return w;
    }
  }

  private static final int WORD_BITS = 13;
  /** Slots of the word cache. */
  static final int WORDS = 1 << WORD_BITS;

  /** The word cache: a slot holds the last word hashed to it (a plain, racy array; see Word). */
  private static final Word[] CACHE = new Word[WORDS];

  /** A tokenized sentence (or paragraph) with what its features need computed. */
  public static final class Sentence {
    final List<Token> tokens;
    final Word[] words;
    /** 1 when the sentence is set in capitals. */
    final int caps;
    final int[] gaz; // 0 none; else 1 + 2*typeIndex (+1 inside)
    final int[] listBegin;
    final int[] listInside;
    final boolean[] titleBefore;
    final int[] docBits;
    private int[][] features;

    Sentence(List<Token> tokens, Document doc) {
      this.tokens = tokens;
      int n = tokens.size();
      this.words = new Word[n];
      Capitals capitals = new Capitals();
      for (int i = 0; i < n; i++) {
        Token tok = tokens.get(i);
        words[i] = Word.of(tok);
        capitals.add(tok.text()); // the words' letters only: not those of a possessive ending
      }
      this.caps = capitals.mostly() ? 1 : 0;
      this.gaz = new int[n];
      for (int i = 0; i < n; ) {
        Gazetteer.Match m = Gazetteer.standard().longestMatch(tokens, i);
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
      this.listBegin = new int[n];
      this.listInside = new int[n];
      int[] longest = new int[n];
      for (int i = 0; i < n; i++) {
        longest[i] = words[i].longestName;
      }
      NameLists.standard().mark(tokens, longest, listBegin, listInside);
      this.titleBefore = new boolean[n + 1];
      this.docBits = new int[n];
      for (int i = 0; i < n; i++) {
        int len = Lexicon.titleLength(tokens, i);
        if (len > 0 && i + len < n) {
          titleBefore[i + len] = true;
        }
        docBits[i] = doc.bits(words[i].key);
      }
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
      if (features == null) {
        int n = size();
        int[][] all = new int[n][];
        int[] f = new int[64];
        for (int j = 0; j < n; j++) {
          int c = 0;
          f[c++] = BIAS; // first: the decoder starts from this row
          c = intrinsic(words[j], caps, f, c);
          for (int kind = PREV; kind <= NEXT2; kind++) {
            f[c++] = neighbour(kind, neighbourOf(this, j, kind));
          }
          c = contextual(this, j, f, c);
          all[j] = java.util.Arrays.copyOf(f, c);
        }
        features = all;
      }
      return features[i];
    }

    /** Features of token {@code i} that depend on the previous tag. */
    public int[] transition(int i, int prevTag) {
      return new int[] {h(901, prevTag), wordTransition(words[i], 0, prevTag),
          wordTransition(words[i], 1, prevTag)};
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
      return add(Tokenizer.words(text));
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
      return bits.isEmpty() ? 0 : bits.getOrDefault(key, 0);
    }
  }

  /** Tokenizes {@code text} and computes its features. */
  public static Sentence sentence(String text) {
    return new Sentence(Tokenizer.words(text), Document.EMPTY);
  }

  /** Tokenizes {@code text}, one piece of {@code doc}, and computes its features. */
  public static Sentence sentence(String text, Document doc) {
    return new Sentence(Tokenizer.words(text), doc);
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

  /**
   * The hash ({@link String#hashCode}'s) of the word's shape, its characters classed and runs
   * collapsed: "Kyiv" → "Xx", "U.S." → "X.X.", "1996-12-06" → "d-d-d".
   */
  static int shapeHash(String text) {
    int hash = 0;
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s =
          Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
              : Character.isDigit(c) ? 'd' : c;
      if (s != last) {
        hash = 31 * hash + s;
        last = s;
      }
    }
    return hash;
  }

  /** Number of features {@link #intrinsic} writes. */
  private static final int INTRINSIC = 12;

  /**
   * The features of a word alone (its form, shape, affixes, word lists), in a sentence set in
   * capitals or not: written to {@code f} from {@code c}, returns the new end.
   */
  private static int intrinsic(Word w, int caps, int[] f, int c) {
    String k = w.key;
    f[c++] = h(2, w.keyHash);
    f[c++] = h(3, w.text);
    f[c++] = h(4, w.shapeHash);
    f[c++] = h(5, caps * 31 + w.shapeHash);
    f[c++] = h(6, substringHash(k, 0, 3));
    f[c++] = h(7, substringHash(k, k.length() - 2, k.length()));
    f[c++] = h(8, substringHash(k, k.length() - 3, k.length()));
    f[c++] = h(9, substringHash(k, k.length() - 4, k.length()));
    f[c++] = h(19, w.list);
    f[c++] = h(20, w.list * 4 + caps * 2 + (w.firstUpper ? 1 : 0));
    f[c++] = h(26, w.lex & (Lexicon.TITLE_WORD | Lexicon.ORG_SUFFIX | Lexicon.NEVER_NAME
        | Lexicon.FIRST_NAME));
    f[c++] = h(31, w.text.length() > 4 ? 5 : w.text.length());
    return c;
  }

  /** Feature kinds of the words around a token: two before, two after. */
  private static final int PREV = 10;
  private static final int NEXT = 11;
  private static final int PREV2 = 12;
  private static final int NEXT2 = 13;

  /** The position of {@code kind}'s word around token {@code i} (maybe past either end). */
  private static int neighbourAt(int i, int kind) {
    return switch (kind) {
      case PREV -> i - 1;
      case NEXT -> i + 1;
      case PREV2 -> i - 2;
      default -> i + 2;
    };
  }

  /** The word at {@code kind}'s place around token {@code i}, or null past either end. */
  private static Word neighbourOf(Sentence s, int i, int kind) {
    int j = neighbourAt(i, kind);
    return j >= 0 && j < s.words.length ? s.words[j] : null;
  }

  /** The feature a neighbouring word gives (null: none there). */
  private static int neighbour(int kind, Word w) {
    return h(kind, w == null ? 1 : w.keyHash);
  }

  /** The word's feature that depends on the previous tag ({@code which} 0: the word, 1: shape). */
  private static int wordTransition(Word w, int which, int prevTag) {
    return which == 0 ? h(902, prevTag * 31 + w.keyHash) : h(903, prevTag * 31 + w.shapeHash);
  }

  /** The features of token {@code i} that depend on its context: written from {@code c}. */
  private static int contextual(Sentence s, int i, int[] f, int c) {
    int[] v = new int[CONTEXT_VALUES];
    contextValues(s, i, v);
    c = wordContext(s, i, f, c);
    c = gazetteerFeatures(v[GAZ_PREV], v[GAZ], v[GAZ_NEXT], s.caps, f, c);
    c = cueFeatures(v[TITLE_BEFORE], v[ORG_SUFFIX_AFTER], v[PLACE_PREPOSITION_BEFORE],
        v[SPEECH_VERB_AFTER], f, c);
    f[c++] = listFeature(v[LIST_BEGIN], v[LIST_INSIDE]);
    f[c++] = neighbourListFeature(v[LIST_PREV], v[LIST_NEXT]);
    f[c++] = caseFeature(v[DOC_BITS], s.caps, v[SENTENCE_START], v[FIRST_UPPER]);
    return c;
  }

  /** Number of {@link #wordContext} features. */
  private static final int WORD_CONTEXT = 6;

  /**
   * The context features that take many values (shapes and words around the token, its
   * punctuation, what the document says of it): written from {@code c}.
   */
  private static int wordContext(Sentence s, int i, int[] f, int c) {
    List<Token> t = s.tokens;
    Word[] w = s.words;
    int n = w.length;
    Token tok = t.get(i);
    int shape = w[i].shapeHash;
    int keyHash = w[i].keyHash;
    int prevShape = i > 0 ? w[i - 1].shapeHash : 1;
    int nextShape = i + 1 < n ? w[i + 1].shapeHash : 1;
    f[c++] = h(14, prevShape * 31 + shape);
    f[c++] = h(15, shape * 31 + nextShape);
    int flags =
        (tok.sentenceStart() ? 1 : 0)
            | (tok.breakBefore() ? 2 : 0)
            | (i + 1 < n && t.get(i + 1).breakBefore() ? 4 : 0)
            | (tok.possessive() ? 8 : 0)
            | (i + 1 == n ? 16 : 0);
    f[c++] = h(16, flags * 31 + shape);
    f[c++] = h(17, (i > 0 ? w[i - 1].keyHash : 1) * 31 + keyHash);
    f[c++] = h(18, keyHash * 31 + (i + 1 < n ? w[i + 1].keyHash : 1));
    f[c++] = h(33, s.docBits[i] * 31 + shape);
    return c;
  }

  /** Indexes of {@link #contextValues}: the context facts that take few values. */
  private static final int GAZ_PREV = 0;
  private static final int GAZ = 1;
  private static final int GAZ_NEXT = 2;
  private static final int TITLE_BEFORE = 3;
  private static final int ORG_SUFFIX_AFTER = 4;
  private static final int PLACE_PREPOSITION_BEFORE = 5;
  private static final int SPEECH_VERB_AFTER = 6;
  private static final int LIST_BEGIN = 7;
  private static final int LIST_INSIDE = 8;
  private static final int LIST_PREV = 9;
  private static final int LIST_NEXT = 10;
  private static final int DOC_BITS = 11;
  private static final int SENTENCE_START = 12;
  private static final int FIRST_UPPER = 13;
  private static final int CONTEXT_VALUES = 14;

  /** The context facts of token {@code i} that take few values, into {@code v}. */
  private static void contextValues(Sentence s, int i, int[] v) {
    List<Token> t = s.tokens;
    Word[] w = s.words;
    int n = w.length;
    int[] gaz = s.gaz;
    v[GAZ_PREV] = i > 0 ? gaz[i - 1] : 0;
    v[GAZ] = gaz[i];
    v[GAZ_NEXT] = i + 1 < n ? gaz[i + 1] : 0;
    v[TITLE_BEFORE] = s.titleBefore[i] ? 1 : 0;
    int nextOrgSuffix = 0;
    for (int j = i + 1; j < Math.min(n, i + 4); j++) {
      if (t.get(j).breakBefore()) {
        break;
      }
      if ((w[j].lex & Lexicon.ORG_SUFFIX) != 0) {
        nextOrgSuffix = j - i;
        break;
      }
    }
    v[ORG_SUFFIX_AFTER] = nextOrgSuffix;
    v[PLACE_PREPOSITION_BEFORE] = i > 0 && (w[i - 1].lex & Lexicon.PLACE_PREPOSITION) != 0 ? 1 : 0;
    v[SPEECH_VERB_AFTER] = i + 1 < n && (w[i + 1].lex & Lexicon.SPEECH_VERB) != 0 ? 1 : 0;
    v[LIST_BEGIN] = s.listBegin[i];
    v[LIST_INSIDE] = s.listInside[i];
    v[LIST_PREV] = i > 0 ? w[i - 1].list : 32;
    v[LIST_NEXT] = i + 1 < n ? w[i + 1].list : 32;
    v[DOC_BITS] = s.docBits[i];
    v[SENTENCE_START] = t.get(i).sentenceStart() ? 1 : 0;
    v[FIRST_UPPER] = w[i].firstUpper ? 1 : 0;
  }

  /** The gazetteer marks of the token and its neighbours (0: none), in capitals or not. */
  private static int gazetteerFeatures(int prev, int own, int next, int caps, int[] f, int c) {
    f[c++] = h(22, own);
    f[c++] = h(23, own * 2 + caps);
    f[c++] = h(24, prev * 16 + next);
    return c;
  }

  /**
   * A title just before, the distance to an organisation suffix after (0: none within 3), a
   * place preposition before, a speech verb after.
   */
  private static int cueFeatures(
      int titleBefore, int orgSuffixAfter, int placePrepositionBefore, int speechVerbAfter,
      int[] f, int c) {
    f[c++] = h(25, titleBefore);
    f[c++] = h(27, orgSuffixAfter);
    f[c++] = h(28, placePrepositionBefore);
    f[c++] = h(29, speechVerbAfter);
    return c;
  }

  /** The name-list bits of the multi-word list names the token begins and is inside of. */
  private static int listFeature(int begin, int inside) {
    return h(21, begin * 64 + inside);
  }

  /** The name-list bits of the words before and after (32: none there). */
  private static int neighbourListFeature(int prev, int next) {
    return h(30, prev * 64 + next);
  }

  /** What the document says of the word, the text's capitals, sentence start, initial capital. */
  private static int caseFeature(int docBits, int caps, int sentenceStart, int firstUpper) {
    return h(32, docBits * 8 + caps * 4 + sentenceStart * 2 + firstUpper);
  }

  // ---------------------------------------------------------------- decoding

  /** Best tag sequence by Viterbi. */
  public int[] tag(Sentence s) {
    return rows.tag(s);
  }

  /** Viterbi over dense weights {@code w} (the trainer's current weights). */
  public static int[] viterbi(Sentence s, float[] w) {
    return new DenseRows(w).tag(s);
  }

  /**
   * The Viterbi recurrence: fill {@link #stat} (tag scores of token {@code i}) and {@link #trans}
   * (per previous tag, {@code T} = the start, per tag) for each token, then {@link #step}.
   */
  private static final class Decoder {
    final int n;
    final float[] score;
    final byte[] back;
    final float[] stat = new float[T];
    final float[] trans = new float[(T + 1) * T];

    Decoder(int n) {
      this.n = n;
      this.score = new float[n * T];
      this.back = new byte[n * T];
    }

    /** Scores token {@code i} from {@link #stat} and {@code trans} (laid out as {@link #trans}). */
    void step(int i, float[] trans) {
      int row = i * T;
      if (i == 0) {
        for (int y = 0; y < T; y++) {
          score[y] = allowed(0, y) ? stat[y] + trans[T * T + y] : Float.NEGATIVE_INFINITY;
        }
        return;
      }
      int previous = row - T;
      for (int y = 0; y < T; y++) {
        // The previous tags allowed before y (see allowed), in increasing order as ties need:
        // any before O or a B- tag, only B-X or I-X before I-X.
        int from = y == 0 || y % 2 == 1 ? 0 : y - 1;
        int to = y == 0 || y % 2 == 1 ? T - 1 : y;
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = from; p <= to; p++) {
          float prev = score[previous + p];
          if (prev == Float.NEGATIVE_INFINITY) {
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

    int[] best() {
      int[] out = new int[n];
      if (n == 0) {
        return out;
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

  /** Weights and the decoder that reads them. */
  private interface Rows {
    int[] tag(Sentence s);
  }

  /** Every row present, {@code T} floats each: the trainer's weights. */
  private record DenseRows(float[] w) implements Rows {
    DenseRows {
      if (w.length != (MASK + 1) * T) {
        throw new IllegalArgumentException("weights must have " + ((MASK + 1) * T) + " entries");
      }
    }

    /** Adds row {@code row}'s {@code T} weights to {@code acc[off..off+T)}. */
    void add(int row, float[] acc, int off) {
      int base = row * T;
      for (int y = 0; y < T; y++) {
        acc[off + y] += w[base + y];
      }
    }

    /** Viterbi, summing each token's feature rows as floats in {@link Sentence#features} order. */
    @Override
    public int[] tag(Sentence s) {
      Decoder d = new Decoder(s.size());
      float[] bias = new float[T];
      add(BIAS, bias, 0);
      float[] previous = new float[(T + 1) * T];
      for (int p = 0; p <= T; p++) {
        add(h(901, p), previous, p * T);
      }
      for (int i = 0; i < d.n; i++) {
        int[] features = s.features(i);
        System.arraycopy(bias, 0, d.stat, 0, T);
        for (int j = 1; j < features.length; j++) {
          add(features[j], d.stat, 0);
        }
        int from = i == 0 ? T : 0;
        int to = i == 0 ? T : T - 1;
        System.arraycopy(previous, from * T, d.trans, from * T, (to - from + 1) * T);
        for (int p = from; p <= to; p++) {
          add(wordTransition(s.words[i], 0, p), d.trans, p * T);
          add(wordTransition(s.words[i], 1, p), d.trans, p * T);
        }
        d.step(i, d.trans);
      }
      return d.best();
    }
  }

  /**
   * The shipped model as stored: only the rows with a weight (about a third of them), each kept as
   * its 16-bit quantised values in an aligned slot of {@value #STRIDE}, found by rank in a bitmap
   * of present rows (~2.8 MB instead of a dense 14.7 MB table).
   *
   * <p>A token's score for each tag is the exact integer sum of its rows' quantised values, scaled
   * once; being exact, the sum does not depend on the order of its terms, so rows are summed ahead
   * wherever the features allow: per {@link Word} (its own features, in capitals or not; what it
   * gives each of its neighbours; its transition features per previous tag, kept scaled), and per
   * value of the context facts that take few values (gazetteer marks around the token, cue words,
   * name-list bits, case). Only the six context features that take many values are read from the
   * table for each token.
   */
  private static final class PackedRows implements Rows {
    static final int STRIDE = 8;
    /** Offsets in {@link Sums#v}. */
    private static final int OWN = 0; // T per caps value (0, 1)
    private static final int AS_NEIGHBOUR = 2 * T; // T per kind, PREV .. NEXT2
    private static final int SUMS = 6 * T;
    /** Domains of the summed-ahead context facts (a value outside: read row by row). */
    private static final int GAZ_VALUES = 9;
    private static final int ORG_SUFFIX_VALUES = 4;
    private static final int LIST_VALUES = 32;
    private static final int DOC_BITS_VALUES = 4;

    private final long[] present;
    private final int[] before; // rows present in the bitmap words before each word
    private final short[] values;
    private final float scale;
    private final int[] bias = new int[T];
    private final int[] previous = new int[(T + 1) * T];
    /** What a missing neighbour (past either end) gives, {@code T} per kind. */
    private final int[] edge = new int[4 * T];
    /** Row sums per value of the context facts, {@code T} each. */
    private final int[] gazetteer;
    private final int[] cues;
    private final int[] lists;
    private final int[] neighbourLists;
    private final int[] cases;

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
      add(BIAS, bias, 0);
      for (int p = 0; p <= T; p++) {
        add(h(901, p), previous, p * T);
      }
      for (int kind = PREV; kind <= NEXT2; kind++) {
        add(neighbour(kind, null), edge, (kind - PREV) * T);
      }
      int[] f = new int[8];
      gazetteer = new int[GAZ_VALUES * GAZ_VALUES * GAZ_VALUES * 2 * T];
      for (int code = 0; code < gazetteer.length / T; code++) {
        int caps = code % 2;
        int next = code / 2 % GAZ_VALUES;
        int own = code / 2 / GAZ_VALUES % GAZ_VALUES;
        int prev = code / 2 / GAZ_VALUES / GAZ_VALUES;
        addAll(f, gazetteerFeatures(prev, own, next, caps, f, 0), gazetteer, code * T);
      }
      cues = new int[2 * ORG_SUFFIX_VALUES * 2 * 2 * T];
      for (int code = 0; code < cues.length / T; code++) {
        int c = cueFeatures(code / (ORG_SUFFIX_VALUES * 4), code / 4 % ORG_SUFFIX_VALUES,
            code / 2 % 2, code % 2, f, 0);
        addAll(f, c, cues, code * T);
      }
      lists = new int[LIST_VALUES * LIST_VALUES * T];
      for (int code = 0; code < lists.length / T; code++) {
        add(listFeature(code / LIST_VALUES, code % LIST_VALUES), lists, code * T);
      }
      neighbourLists = new int[(LIST_VALUES + 1) * (LIST_VALUES + 1) * T];
      for (int code = 0; code < neighbourLists.length / T; code++) {
        add(neighbourListFeature(code / (LIST_VALUES + 1), code % (LIST_VALUES + 1)),
            neighbourLists, code * T);
      }
      cases = new int[DOC_BITS_VALUES * 8 * T];
      for (int code = 0; code < cases.length / T; code++) {
        add(caseFeature(code / 8, code / 4 % 2, code / 2 % 2, code % 2), cases, code * T);
      }
    }

    /** Adds row {@code row}'s quantised values to {@code acc[off..off+T)} (an absent row: 0). */
    private void add(int row, int[] acc, int off) {
      long word = present[row >>> 6];
      long bit = 1L << row;
      if ((word & bit) == 0) {
        return;
      }
      int base = (before[row >>> 6] + Long.bitCount(word & (bit - 1))) * STRIDE;
      for (int y = 0; y < T; y++) {
        acc[off + y] += values[base + y];
      }
    }

    private void addAll(int[] rows, int count, int[] acc, int off) {
      for (int k = 0; k < count; k++) {
        add(rows[k], acc, off);
      }
    }

    private static void addSums(int[] from, int at, int[] acc) {
      for (int y = 0; y < T; y++) {
        acc[y] += from[at + y];
      }
    }

    /**
     * The row sums of a word's own features, computed on first use; those of its features in a
     * sentence set in capitals ({@code caps} 1) only when such a sentence needs them.
     */
    private Sums sums(Word w, int caps) {
      Sums cached = w.sums;
      int part = 1 << caps;
      if (cached != null && cached.of == this && (cached.parts & part) != 0) {
        return cached;
      }
      int[] v;
      float[] trans;
      int parts;
      if (cached != null && cached.of == this) {
        v = cached.v.clone();
        trans = cached.trans;
        parts = cached.parts | part;
      } else {
        v = new int[SUMS];
        parts = part;
        for (int kind = PREV; kind <= NEXT2; kind++) {
          add(neighbour(kind, w), v, AS_NEIGHBOUR + (kind - PREV) * T);
        }
        int[] t = previous.clone();
        for (int p = 0; p <= T; p++) {
          add(wordTransition(w, 0, p), t, p * T);
          add(wordTransition(w, 1, p), t, p * T);
        }
        trans = new float[t.length];
        for (int at = 0; at < t.length; at++) {
          trans[at] = t[at] * scale;
        }
      }
      int[] f = new int[INTRINSIC];
      intrinsic(w, caps, f, 0);
      addAll(f, INTRINSIC, v, OWN + caps * T);
      Sums sums = new Sums(this, v, trans, parts);
      w.sums = sums;
      return sums;
    }

    @Override
    public int[] tag(Sentence s) {
      int n = s.size();
      Decoder d = new Decoder(n);
      Sums[] sums = new Sums[n];
      for (int i = 0; i < n; i++) {
        sums[i] = sums(s.words[i], s.caps);
      }
      int caps = s.caps;
      int[] acc = new int[T];
      int[] f = new int[16];
      int[] v = new int[CONTEXT_VALUES];
      for (int i = 0; i < n; i++) {
        System.arraycopy(bias, 0, acc, 0, T);
        addSums(sums[i].v, OWN + caps * T, acc);
        for (int kind = PREV; kind <= NEXT2; kind++) {
          int j = neighbourAt(i, kind);
          if (j >= 0 && j < n) {
            addSums(sums[j].v, AS_NEIGHBOUR + (kind - PREV) * T, acc);
          } else {
            addSums(edge, (kind - PREV) * T, acc);
          }
        }
        addAll(f, wordContext(s, i, f, 0), acc, 0);
        contextValues(s, i, v);
        addContext(v, caps, acc, f);
        for (int y = 0; y < T; y++) {
          d.stat[y] = acc[y] * scale;
        }
        d.step(i, sums[i].trans);
      }
      return d.best();
    }

    /** Adds the rows of the few-valued context facts, summed ahead where in their domains. */
    private void addContext(int[] v, int caps, int[] acc, int[] f) {
      int gp = v[GAZ_PREV];
      int g = v[GAZ];
      int gn = v[GAZ_NEXT];
      if (gp < GAZ_VALUES && g < GAZ_VALUES && gn < GAZ_VALUES) {
        addSums(gazetteer, (((gp * GAZ_VALUES + g) * GAZ_VALUES + gn) * 2 + caps) * T, acc);
      } else {
        addAll(f, gazetteerFeatures(gp, g, gn, caps, f, 0), acc, 0);
      }
      int org = v[ORG_SUFFIX_AFTER];
      addSums(cues, (((v[TITLE_BEFORE] * ORG_SUFFIX_VALUES + org) * 2
          + v[PLACE_PREPOSITION_BEFORE]) * 2 + v[SPEECH_VERB_AFTER]) * T, acc);
      int begin = v[LIST_BEGIN];
      int inside = v[LIST_INSIDE];
      if (begin < LIST_VALUES && inside < LIST_VALUES) {
        addSums(lists, (begin * LIST_VALUES + inside) * T, acc);
      } else {
        add(listFeature(begin, inside), acc, 0);
      }
      int prev = v[LIST_PREV];
      int next = v[LIST_NEXT];
      if (prev <= LIST_VALUES && next <= LIST_VALUES) {
        addSums(neighbourLists, (prev * (LIST_VALUES + 1) + next) * T, acc);
      } else {
        add(neighbourListFeature(prev, next), acc, 0);
      }
      int docBits = v[DOC_BITS];
      if (docBits < DOC_BITS_VALUES) {
        addSums(cases, (((docBits * 2 + caps) * 2 + v[SENTENCE_START]) * 2 + v[FIRST_UPPER]) * T,
            acc);
      } else {
        add(caseFeature(docBits, caps, v[SENTENCE_START], v[FIRST_UPPER]), acc, 0);
      }
    }
  }

  /**
   * A word's row sums ({@link PackedRows#sums}) and its scaled transition scores per previous tag,
   * the weights they are of, and which of its own parts are filled (bit 0: not in capitals, bit 1:
   * in capitals).
   */
  record Sums(PackedRows of, int[] v, float[] trans, int parts) {}
}
