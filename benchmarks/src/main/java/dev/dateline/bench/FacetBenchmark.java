package dev.dateline.bench;

import dev.dateline.DateInterval;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.IndexFields;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.util.BytesRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What facet counts cost (issue 13's speed goal): a one-word query matching about 10% of the
 * articles, first page of 10 hits, alone ({@code search}) and with counts of three dimensions
 * (source, person, place) and a day histogram over all its matches ({@code searchWithFacets}), and
 * the counts alone ({@code facetsOnly}). The word is the indexed word whose document frequency is
 * closest to 10% of the articles; setup fails unless it matches 5-15%.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FacetBenchmark -p data=benchmarks/data/c100k \
 *     -rf json -rff benchmarks/results/facets.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class FacetBenchmark {
  @Param("benchmarks/data/c10k")
  public String data;

  private NewsIndex index;
  private NewsQuery query;
  private FacetRequest request;
  /** The word searched and the share of articles it matches, for the record. */
  public String word;

  public double share;

  @Setup
  public void setUp() throws IOException {
    index = NewsIndex.openReadOnly(Indexes.get(Path.of(data), Engine.DATELINE));
    long n = index.count();
    word = index.withSearcher(s -> {
      Terms terms = MultiTerms.getTerms(s.getIndexReader(), IndexFields.ALL_TEXT);
      TermsEnum te = terms.iterator();
      String best = null;
      long bestGap = Long.MAX_VALUE;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        String w = t.utf8ToString();
        if (!w.chars().allMatch(Character::isLetter) || w.length() < 4) {
          continue;
        }
        long gap = Math.abs(te.docFreq() - n / 10);
        if (gap < bestGap) {
          bestGap = gap;
          best = w;
        }
      }
      return best;
    });
    query = NewsQuery.builder().text(word).limit(10).build();
    long matches = index.count(query);
    share = (double) matches / n;
    if (share < 0.05 || share > 0.15) {
      throw new IllegalStateException("'" + word + "' matches " + matches + " of " + n);
    }
    request = FacetRequest.builder()
        .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON, FacetDimension.PLACE)
        .histogram(DateInterval.DAY)
        .build();
    Facets f = index.facets(query, request);
    if (f.matches() != matches || f.histogram().dated() + f.histogram().undated() != matches) {
      throw new IllegalStateException("facet counts disagree with count(): " + f.matches() + " vs " + matches);
    }
    System.out.printf("FacetBenchmark: '%s' matches %d of %d articles (%.1f%%)%n", word, matches, n, 100 * share);
  }

  @Benchmark
  public SearchResults search() {
    return index.search(query);
  }

  @Benchmark
  public Object searchWithFacets() {
    return new Object[] {index.search(query), index.facets(query, request)};
  }

  @Benchmark
  public Facets facetsOnly() {
    return index.facets(query, request);
  }

  @TearDown
  public void close() {
    index.close();
  }
}
