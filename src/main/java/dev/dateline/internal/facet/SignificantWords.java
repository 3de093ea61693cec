package dev.dateline.internal.facet;

import dev.dateline.SignificantValue;
import dev.dateline.internal.index.NewsAnalyzer;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The words unusually frequent among a query's matches (the foreground) compared with a background,
 * read from the postings of {@link Schema#ALL_TEXT}, where every text field of an article is
 * indexed: a word's count is the number of articles whose text has it (in its indexed form:
 * lower-cased, folded, stemmed; exact forms are left out). Counts are exact.
 *
 * <p>One walk over the index's words (merged across segments): a word in fewer than {@link
 * #MIN_FOREGROUND} articles is passed over on its document frequency alone; for the others, the
 * foreground articles that have it are counted by leapfrogging its postings with the foreground's
 * bit set, and, for those in at least {@link #MIN_FOREGROUND} of them, the background articles. The
 * cost grows with the number of distinct words in the index, not only with the number of matches:
 * this is for an analyst's question, not for every search.
 */
public final class SignificantWords {

  /** Least number of foreground articles a word must be in to be reported. */
  public static final int MIN_FOREGROUND = 2;

  private SignificantWords() {}

  /**
   * The {@code top} words most significant among {@code foreground} compared with {@code
   * background} (null: every live article not in the foreground), scored by {@link
   * FacetEngine#logLikelihoodRatio}; only words relatively more frequent in the foreground, none of
   * {@code exclude}.
   *
   * @param stop polled while walking the words; when it says stop, {@code onStop} is run (it is
   *     expected to throw)
   */
  public static List<SignificantValue> find(
      IndexReader reader,
      FacetsCollector foreground,
      FacetsCollector background,
      Set<String> exclude,
      int top,
      BooleanSupplier stop,
      Runnable onStop)
      throws IOException {
    FixedBitSet fg = bits(reader, foreground);
    FixedBitSet bg = background == null ? null : bits(reader, background);
    long n1 = fg.cardinality();
    long n2 = bg == null ? reader.numDocs() - n1 : bg.cardinality();
    Terms terms = MultiTerms.getTerms(reader, Schema.ALL_TEXT);
    if (n1 == 0 || terms == null) {
      return List.of();
    }
    Bits live = reader.hasDeletions() ? MultiBits.getLiveDocs(reader) : null;
    Set<BytesRef> excluded = new HashSet<>();
    exclude.forEach(w -> excluded.add(new BytesRef(w)));

    List<SignificantValue> out = new ArrayList<>();
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    long walked = 0;
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      if ((++walked & 0xFFF) == 0 && stop.getAsBoolean()) {
        onStop.run();
      }
      if (te.docFreq() < MIN_FOREGROUND
          || (t.length > 0 && t.bytes[t.offset] == NewsAnalyzer.EXACT_MARK)) {
        continue;
      }
      postings = te.postings(postings, PostingsEnum.NONE);
      long k1 = intersect(postings, fg);
      if (k1 < MIN_FOREGROUND || excluded.contains(t)) {
        continue;
      }
      long k2;
      if (bg != null) {
        postings = te.postings(postings, PostingsEnum.NONE);
        k2 = intersect(postings, bg);
      } else if (live == null) {
        k2 = te.docFreq() - k1;
      } else {
        // Every live article with the word, less the foreground's (deleted ones are in the postings).
        long withWord = 0;
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live.get(d)) {
            withWord++;
          }
        }
        k2 = withWord - k1;
      }
      // Only words more frequent among the matches: k1/n1 > k2/n2.
      if (n2 > 0 && (double) k1 * n2 <= (double) k2 * n1) {
        continue;
      }
      double score = FacetEngine.logLikelihoodRatio(k1, n1 - k1, k2, n2 - k2);
      out.add(new SignificantValue(t.utf8ToString(), k1, n1, k2, n2, score));
    }
    out.sort(
        Comparator.comparingDouble(SignificantValue::score).reversed()
            .thenComparing(SignificantValue::value));
    return List.copyOf(out.subList(0, Math.min(top, out.size())));
  }

  /** The number of documents both in {@code postings} and in {@code bits}, leapfrogging. */
  private static long intersect(PostingsEnum postings, FixedBitSet bits) throws IOException {
    long k = 0;
    int doc = postings.nextDoc();
    while (doc != DocIdSetIterator.NO_MORE_DOCS) {
      if (bits.get(doc)) {
        k++;
        doc = postings.nextDoc();
      } else {
        int next = doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS;
        if (next == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        doc = postings.advance(next);
      }
    }
    return k;
  }

  /** The collected documents, by their ids in {@code reader}. */
  private static FixedBitSet bits(IndexReader reader, FacetsCollector collected) throws IOException {
    FixedBitSet out = new FixedBitSet(Math.max(1, reader.maxDoc()));
    for (FacetsCollector.MatchingDocs md : collected.getMatchingDocs()) {
      if (md.totalHits() == 0) {
        continue;
      }
      int base = md.context().docBase;
      DocIdSetIterator it = md.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        out.set(base + d);
      }
    }
    return out;
  }
}
