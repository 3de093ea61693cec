package dev.dateline.internal.facet;

import dev.dateline.SignificantValue;
import dev.dateline.internal.index.NewsAnalyzer;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
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
 * <p>Two passes over the index's terms: the first walks every word of each segment that has
 * foreground articles and counts, by leapfrogging its postings with the foreground's bit set, the
 * foreground articles that have it; the second counts the background articles of the words seen in
 * at least {@link #MIN_FOREGROUND} foreground articles. The cost grows with the number of distinct
 * words in the index, not with the number of matches: this is for an analyst's question, not for
 * every search.
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
   * @param stop polled while walking the terms; when it says stop, the walk ends and {@code
   *     onStop} is run (it is expected to throw)
   */
  public static List<SignificantValue> find(
      List<LeafReaderContext> leaves,
      FacetsCollector foreground,
      FacetsCollector background,
      Set<String> exclude,
      int top,
      BooleanSupplier stop,
      Runnable onStop)
      throws IOException {
    FixedBitSet[] fg = bits(leaves, foreground);
    FixedBitSet[] bg = background == null ? null : bits(leaves, background);
    long n1 = cardinality(fg);
    long n2;
    if (bg == null) {
      long live = 0;
      for (LeafReaderContext leaf : leaves) {
        live += leaf.reader().numDocs();
      }
      n2 = live - n1;
    } else {
      n2 = cardinality(bg);
    }
    if (n1 == 0) {
      return List.of();
    }

    // Pass 1: foreground counts of every word in segments with foreground articles.
    Map<String, long[]> counts = new HashMap<>();
    PostingsEnum postings = null;
    long walked = 0;
    for (LeafReaderContext leaf : leaves) {
      FixedBitSet bitsOfLeaf = fg[leaf.ord];
      if (bitsOfLeaf == null) {
        continue;
      }
      Terms terms = leaf.reader().terms(Schema.ALL_TEXT);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        if ((++walked & 0x3FF) == 0 && stop.getAsBoolean()) {
          onStop.run();
        }
        if (t.length > 0 && t.bytes[t.offset] == NewsAnalyzer.EXACT_MARK) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        long k = intersect(postings, bitsOfLeaf);
        if (k > 0) {
          counts.computeIfAbsent(t.utf8ToString(), w -> new long[2])[0] += k;
        }
      }
    }
    counts.keySet().removeAll(exclude);
    counts.values().removeIf(c -> c[0] < MIN_FOREGROUND);

    // Pass 2: background counts of the candidates.
    for (LeafReaderContext leaf : leaves) {
      Terms terms = leaf.reader().terms(Schema.ALL_TEXT);
      if (terms == null || (bg != null && bg[leaf.ord] == null)) {
        continue;
      }
      LeafReader reader = leaf.reader();
      Bits live = reader.getLiveDocs();
      FixedBitSet fgOfLeaf = fg[leaf.ord];
      TermsEnum te = terms.iterator();
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        if ((++walked & 0x3FF) == 0 && stop.getAsBoolean()) {
          onStop.run();
        }
        if (!te.seekExact(new BytesRef(e.getKey()))) {
          continue;
        }
        long k;
        if (bg != null) {
          postings = te.postings(postings, PostingsEnum.NONE);
          k = intersect(postings, bg[leaf.ord]);
        } else {
          // Every live article with the word, less the foreground's.
          if (live == null) {
            k = te.docFreq();
          } else {
            k = 0;
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
              if (live.get(d)) {
                k++;
              }
            }
          }
          if (fgOfLeaf != null) {
            postings = te.postings(postings, PostingsEnum.NONE);
            k -= intersect(postings, fgOfLeaf);
          }
        }
        e.getValue()[1] += k;
      }
    }

    List<SignificantValue> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long k1 = e.getValue()[0];
      long k2 = e.getValue()[1];
      // Only words more frequent among the matches: k1/n1 > k2/n2.
      if (n2 > 0 && (double) k1 * n2 <= (double) k2 * n1) {
        continue;
      }
      double score = FacetEngine.logLikelihoodRatio(k1, n1 - k1, k2, n2 - k2);
      out.add(new SignificantValue(e.getKey(), k1, n1, k2, n2, score));
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

  /** The collected documents per segment (by leaf ord), null for a segment without any. */
  private static FixedBitSet[] bits(List<LeafReaderContext> leaves, FacetsCollector collected)
      throws IOException {
    FixedBitSet[] out = new FixedBitSet[leaves.size()];
    for (FacetsCollector.MatchingDocs md : collected.getMatchingDocs()) {
      if (md.totalHits() == 0) {
        continue;
      }
      LeafReaderContext leaf = md.context();
      FixedBitSet b = out[leaf.ord];
      if (b == null) {
        b = out[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
      }
      DocIdSetIterator it = md.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        b.set(d);
      }
    }
    return out;
  }

  private static long cardinality(FixedBitSet[] bits) {
    long n = 0;
    for (FixedBitSet b : bits) {
      n += b == null ? 0 : b.cardinality();
    }
    return n;
  }
}
