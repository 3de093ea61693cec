package dev.dateline.internal.search;

import dev.dateline.internal.index.NewsAnalyzer;
import dev.dateline.internal.index.Schema;
import dev.dateline.internal.search.QueryNode.And;
import dev.dateline.internal.search.QueryNode.Boosted;
import dev.dateline.internal.search.QueryNode.Or;
import dev.dateline.internal.search.QueryNode.Ranked;
import dev.dateline.internal.search.QueryNode.Required;
import dev.dateline.internal.search.QueryNode.Term;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/**
 * Spelling correction of the free-text words of a query, from the index's own terms (Lucene's
 * {@link DirectSpellChecker}, no separate dictionary).
 *
 * <p>A word is corrected when it is unknown: a word of free text (no field, not quoted, not a
 * prefix or fuzzy word, not excluded), of at least four letters, whose stem occurs in no text field
 * of the index (looked up in {@link Schema#ALL_TEXT}, which holds them all, segment by segment
 * until one has it; a word found is remembered for that view of the index). Its replacement is the
 * closest indexed word within two edits (ties: the more
 * frequent). Candidates are the exact forms the analyser indexes for inflected words ({@code
 * =negotiations}), so the suggestion is a word as written in some article, and stems that are
 * their own stem (words indexed uninflected); other stems are not offered, being possibly not
 * words anyone types.
 */
public final class TypoCorrector {

  /** Words shorter than this are never corrected (too many close words). */
  static final int MIN_LENGTH = 4;

  private static final LuceneLevenshteinDistance DISTANCE = new LuceneLevenshteinDistance();

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private final Schema schema;
  private final IndexReader reader;
  private final BooleanSupplier expired;
  private final Map<String, String> replacements = new LinkedHashMap<>();
  private boolean timedOut;
  /** The words known in {@link #reader}, shared by its searches (null: not cached). */
  private Set<String> known;
  private boolean knownLooked;

  /**
   * Per index view (a reader, by its cache key), the words already found in it, so that a word an
   * earlier search of the same view looked up costs no analysis and no look-up: a word is known in
   * a view or not for the view's whole life. Only known words are kept (a word that is not needs
   * correcting, which costs far more than the look-up), at most {@link #KNOWN_PER_VIEW} per view
   * (then the set starts afresh); an entry goes when its view is collected.
   */
  private static final Map<IndexReader.CacheKey, Set<String>> KNOWN =
      Collections.synchronizedMap(new WeakHashMap<>());

  static final int KNOWN_PER_VIEW = 10_000;

  private TypoCorrector(Schema schema, IndexReader reader, BooleanSupplier expired) {
    this.schema = schema;
    this.reader = reader;
    this.expired = expired;
  }

  /**
   * A correction: the rewritten query and the words replaced (as written in the query, lower
   * case, to their replacements).
   */
  public record Correction(QueryNode query, Map<String, String> replacements) {
    public Correction {
      replacements = Map.copyOf(replacements);
    }

    /**
     * {@code text} with each corrected word replaced, where it stands as a word of its own (not
     * after a field name or a minus sign): what to show as "showing results for".
     */
    public String apply(String text) {
      String out = text;
      for (Map.Entry<String, String> e : replacements.entrySet()) {
        Pattern p =
            Pattern.compile(
                "(?<![\\p{L}\\p{N}_:\\-])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}_:*~])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        out = p.matcher(out).replaceAll(Matcher.quoteReplacement(e.getValue()));
      }
      return out;
    }
  }

  /**
   * The corrected form of {@code query}, or null when no word needs (or has) a correction, or
   * when {@code expired} says the time is up.
   *
   * @param expired polled between words; when it returns true, correction stops and gives null
   */
  public static Correction correct(
      Schema schema, IndexReader reader, QueryNode query, BooleanSupplier expired)
      throws IOException {
    if (query == null) {
      return null;
    }
    TypoCorrector c = new TypoCorrector(schema, reader, expired);
    QueryNode rewritten = c.rewrite(query);
    if (c.timedOut || c.replacements.isEmpty()) {
      return null;
    }
    return new Correction(rewritten, c.replacements);
  }

  private QueryNode rewrite(QueryNode n) throws IOException {
    return switch (n) {
      case Term t when t.field() == null -> {
        String fixed = correctWord(t.text());
        yield fixed == null ? t : new Term(null, fixed);
      }
      case Boosted b -> new Boosted(rewrite(b.clause()), b.boost());
      case Required r -> new Required(rewrite(r.clause()));
      case And a -> new And(rewriteAll(a.clauses()));
      case Or o -> new Or(rewriteAll(o.clauses()));
      case Ranked r -> new Ranked(rewriteAll(r.clauses()));
      // Field-restricted words, phrases, prefixes, fuzzy words, filters and exclusions: as written.
      default -> n;
    };
  }

  private List<QueryNode> rewriteAll(List<QueryNode> clauses) throws IOException {
    List<QueryNode> out = new ArrayList<>(clauses.size());
    for (QueryNode c : clauses) {
      out.add(rewrite(c));
    }
    return out;
  }

  /** The replacement of an unknown word, or null to keep it. */
  private String correctWord(String text) throws IOException {
    if (timedOut || expired.getAsBoolean()) {
      timedOut = true;
      return null;
    }
    String word = text.toLowerCase(Locale.ROOT);
    if (word.length() < MIN_LENGTH || !WORD.matcher(word).matches()) {
      return null;
    }
    String replacement = replacements.get(word);
    if (replacement != null) {
      return replacement;
    }
    Set<String> knownWords = knownWords();
    if (knownWords != null && knownWords.contains(word)) {
      return null; // known, as an earlier search of this view found
    }
    List<String> tokens = schema.analyzeText(word, false);
    if (tokens.size() != 1) {
      return null;
    }
    if (indexed(tokens.get(0))) {
      if (knownWords != null) {
        if (knownWords.size() >= KNOWN_PER_VIEW) {
          knownWords.clear();
        }
        knownWords.add(word);
      }
      return null; // a known word
    }
    DirectSpellChecker exactForms = checker(2);
    DirectSpellChecker stemForms = checker(1);
    String best = null;
    float bestScore = -1;
    long bestFreq = -1;
    Map<String, Long> freqs = new LinkedHashMap<>();
    Map<String, Float> scores = new LinkedHashMap<>();
    String field = Schema.ALL_TEXT;
    for (SuggestWord s :
        exactForms.suggestSimilar(
            new org.apache.lucene.index.Term(field, NewsAnalyzer.EXACT_MARK + word),
            5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
      if (NewsAnalyzer.isExactForm(s.string)) {
        collect(word, s.string.substring(1), s.freq, freqs, scores);
      }
    }
    for (SuggestWord s :
        stemForms.suggestSimilar(
            new org.apache.lucene.index.Term(field, word),
            5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
      // Only a word that is its own stem: otherwise the stem may be no word anyone types.
      if (!NewsAnalyzer.isExactForm(s.string)
          && WORD.matcher(s.string).matches()
          && schema.analyzeText(s.string, false).equals(List.of(s.string))) {
        collect(word, s.string, s.freq, freqs, scores);
      }
    }
    for (Map.Entry<String, Float> e : scores.entrySet()) {
      float score = e.getValue();
      long freq = freqs.get(e.getKey());
      if (score > bestScore || (score == bestScore && freq > bestFreq)) {
        best = e.getKey();
        bestScore = score;
        bestFreq = freq;
      }
    }
    if (best == null || best.equals(word)) {
      return null;
    }
    replacements.put(word, best);
    return best;
  }

  /** The words known in this reader's view, or null when the reader cannot be cached by. */
  private Set<String> knownWords() {
    if (!knownLooked) {
      knownLooked = true;
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      known =
          helper == null
              ? null
              : KNOWN.computeIfAbsent(helper.getKey(), k -> ConcurrentHashMap.newKeySet());
    }
    return known;
  }

  /**
   * Whether some article has {@code token} in {@link Schema#ALL_TEXT}: the reader's docFreq above
   * zero, found without summing it over every segment (the first segment that has the term
   * answers, which for a word of any frequency is usually the first, largest one).
   */
  private boolean indexed(String token) throws IOException {
    BytesRef term = new BytesRef(token);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.ALL_TEXT);
      if (terms != null && terms.iterator().seekExact(term)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(
      String word, String candidate, int freq, Map<String, Long> freqs, Map<String, Float> scores) {
    freqs.merge(candidate, (long) freq, Long::sum);
    // Scored on the words themselves (an exact form's score would count its mark as shared).
    scores.putIfAbsent(candidate, DISTANCE.getDistance(word, candidate));
  }

  private static DirectSpellChecker checker(int minPrefix) {
    DirectSpellChecker c = new DirectSpellChecker();
    c.setMaxEdits(2);
    c.setMinPrefix(minPrefix);
    c.setMinQueryLength(MIN_LENGTH);
    return c;
  }
}
