package dev.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Builds {@link Snippet}s with Lucene's {@link UnifiedHighlighter}: the passages it picks become
 * plain text plus match offsets, never a marked-up string, so the article's text is escaped only
 * once, by {@link Snippet#html()}, and no text of the article can pass for a marker.
 *
 * <p>Body and bullets, the fields snippets are cut from, index offsets in their postings (index
 * format 4), so the highlighter reads where the query's terms are from the index (its {@code
 * POSTINGS} offset source) instead of analysing each hit's stored text again; a field indexed
 * without offsets (an index built with other settings) falls back to analysis. It joins the values of a multi-valued field with a separator character ({@link
 * Highlighter#SEPARATOR}) and shifts the offsets of each value's tokens by where the value starts;
 * passages never span two values.
 */
final class Highlighting {
  private final Highlighter highlighter;

  /**
   * @param searcher the searcher of the hits to highlight
   * @param analyzer the index analyzer (offsets come from analysing the stored text again)
   * @param pre marker before a match, for {@link Snippet#html()}
   * @param post marker after a match
   * @param maxChars characters of each field considered, at most
   */
  Highlighting(IndexSearcher searcher, Analyzer analyzer, String pre, String post, int maxChars) {
    this.highlighter =
        new Highlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new Formatter(pre, post))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(maxChars));
  }

  /**
   * The snippets of each field of each document: {@code result.get(field)[i]} is that field's best
   * passages (at most {@code maxPassages[f]}) in document {@code docIds[i]}, or its opening when
   * nothing matched there, or null when the document has no value in the field.
   */
  Map<String, Snippet[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages)
      throws IOException {
    Map<String, Object[]> objects = highlighter.objects(fields, query, docIds, maxPassages);
    Map<String, Snippet[]> out = new HashMap<>();
    for (Map.Entry<String, Object[]> e : objects.entrySet()) {
      Object[] values = e.getValue();
      Snippet[] snippets = new Snippet[values.length];
      for (int i = 0; i < values.length; i++) {
        snippets[i] = (Snippet) values[i];
      }
      out.put(e.getKey(), snippets);
    }
    return out;
  }

  /** Opens up {@link UnifiedHighlighter#highlightFieldsAsObjects}, which returns what the formatter made. */
  private static final class Highlighter extends UnifiedHighlighter {
    /** What the highlighter puts between the values of a multi-valued field (NUL in Lucene 10). */
    static final char SEPARATOR = MULTIVAL_SEP_CHAR;

    Highlighter(Builder builder) {
      super(builder);
    }

    /**
     * A field is marked with the query's terms on that field and on {@link IndexFields#ALL_TEXT},
     * where text without a field is searched (the highlighter looks the terms up in the
     * highlighted field's own postings, so a term of the combined field is found in whichever
     * field holds it).
     */
    @Override
    protected Predicate<String> getFieldMatcher(String field) {
      return queryField -> queryField.equals(field) || queryField.equals(IndexFields.ALL_TEXT);
    }

    /** The idf of each (field, term) met, for this highlighter's reader; cleared when large. */
    private final java.util.concurrent.ConcurrentHashMap<Term, Float> idfs =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected PassageScorer getScorer(String field) {
      if (idfs.size() > MAX_CACHED_IDFS) {
        idfs.clear();
      }
      return new CorpusPassageScorer(searcher.getIndexReader(), field, idfs);
    }

    private static final int MAX_CACHED_IDFS = 100_000;

    Map<String, Object[]> objects(String[] fields, Query query, int[] docIds, int[] maxPassages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }
  }

  /**
   * Lucene's passage score (BM25 over the passage, each matched term weighted by how rare it is
   * in this document, earlier passages preferred) with each term's weight also multiplied by how
   * rare it is in the index: its BM25 idf in the field, {@code ln(1 + (N - df + 0.5) / (df +
   * 0.5))}. Lucene's scorer knows only the document, so a number or a common word that a
   * document repeats ("3" in a bond table) outweighed a rare phrase the document has once ("oil
   * prices"). A matched phrase or an expansion whose bytes are no term of the field counts as
   * rare as a term can be. One scorer per field and highlighting call; the idfs are cached for
   * the reader (a highlighter serves one reader).
   */
  static final class CorpusPassageScorer extends PassageScorer {
    private final IndexReader reader;
    private final String field;
    private final Map<Term, Float> idfs;

    CorpusPassageScorer(IndexReader reader, String field, Map<Term, Float> idfs) {
      this.reader = reader;
      this.field = field;
      this.idfs = idfs;
    }

    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      Map<BytesRef, int[]> terms = new HashMap<>(); // term -> {freq in passage, freq in document}
      for (int i = 0; i < matches; i++) {
        int[] f = terms.computeIfAbsent(passage.getMatchTerms()[i], t -> new int[2]);
        f[0]++;
        f[1] = passage.getMatchTermFreqsInDoc()[i];
      }
      float score = 0;
      for (Map.Entry<BytesRef, int[]> e : terms.entrySet()) {
        int[] f = e.getValue();
        score += tf(f[0], passage.getLength()) * weight(contentLength, f[1]) * idf(e.getKey());
      }
      return score * norm(passage.getStartOffset());
    }

    private float idf(BytesRef term) {
      return idfs.computeIfAbsent(new Term(field, BytesRef.deepCopyOf(term)), t -> {
        try {
          long n = Math.max(1, reader.getDocCount(field));
          long df = Math.min(n, reader.docFreq(t));
          return (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * Turns the passages of a field into a {@link Snippet}: the passages' text in order, {@link
   * Snippet#ELLIPSIS} between those not adjacent, overlapping matches merged into one, then white
   * space collapsed (see {@link #collapse}).
   *
   * <p>Unlike Lucene's {@code DefaultPassageFormatter}, a match that runs past the end of its
   * passage is not cut there but kept whole, the passage's text extended to its end: a phrase that
   * crosses a sentence break (passages are sentences) would otherwise be marked up to the break,
   * which can end in the middle of the phrase or on the punctuation after a word.
   */
  static final class Formatter extends PassageFormatter {
    private final String pre;
    private final String post;

    Formatter(String pre, String post) {
      this.pre = pre;
      this.post = post;
    }

    @Override
    public Snippet format(Passage[] passages, String content) {
      StringBuilder text = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      int pos = 0; // content before this offset is in text already
      int spanEnd = -1; // content offset where the last span ends
      for (Passage p : passages) {
        int passageEnd = Math.min(p.getEndOffset(), content.length());
        if (p.getStartOffset() > pos && pos > 0) {
          text.append(Snippet.ELLIPSIS);
        }
        pos = Math.max(pos, p.getStartOffset());
        int[] starts = p.getMatchStarts();
        int[] ends = p.getMatchEnds();
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = starts[i];
          int end = Math.min(ends[i], content.length());
          if (end <= pos) {
            continue; // inside a match already marked
          }
          if (start < pos && spanEnd == pos) {
            // Overlaps the last match: one span for both.
            text.append(content, pos, end);
            spans.get(spans.size() - 1)[1] = text.length();
          } else {
            // (start < pos otherwise cannot happen: a passage starts at or after the end of the
            // one before, and only a match can run past its passage's end.)
            start = Math.max(start, pos);
            text.append(content, pos, start);
            spans.add(new int[] {text.length(), text.length() + end - start});
            text.append(content, start, end);
          }
          pos = end;
          spanEnd = end;
        }
        if (passageEnd > pos) {
          text.append(content, pos, passageEnd);
          pos = passageEnd;
        }
      }
      return collapse(text, spans, pre, post);
    }
  }

  /**
   * The snippet of {@code raw} with every run of white space ({@link Character#isWhitespace}, and
   * value separators) made one space and none at either end; {@code spans} (half-open offsets into {@code raw}, in order, not
   * overlapping) are moved to match, and trimmed of white space.
   */
  static Snippet collapse(CharSequence raw, List<int[]> spans, String pre, String post) {
    int n = raw.length();
    StringBuilder out = new StringBuilder(n);
    // at[i]: where raw char i is (or, for collapsed white space, would be) in out.
    int[] at = new int[n + 1];
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (isSpace(c)) {
        at[i] = out.length();
        space = !out.isEmpty();
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        at[i] = out.length();
        out.append(c);
      }
    }
    at[n] = out.length();
    List<Snippet.Match> matches = new ArrayList<>(spans.size());
    for (int[] s : spans) {
      int start = at[s[0]];
      int last = s[1] - 1;
      int end = isSpace(raw.charAt(last)) ? at[last] : at[last] + 1;
      while (start < end && out.charAt(start) == ' ') {
        start++;
      }
      while (end > start && out.charAt(end - 1) == ' ') {
        end--;
      }
      if (end > start) {
        matches.add(new Snippet.Match(start, end));
      }
    }
    return new Snippet(out.toString(), matches, pre, post);
  }

  private static boolean isSpace(char c) {
    return c == Highlighter.SEPARATOR || Character.isWhitespace(c);
  }
}
