package dev.dateline.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * What loading hit fields costs: raw Lucene runs a kind's queries and takes the hits' fields
 * either from stored fields (as both Lucene engines do) or only the id from doc values, in
 * alternating 1.5 s rounds in one process (quieter than separate forks on a shared machine). The
 * doc-values figure is the upper bound of serving hit fields from doc values.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.dateline.bench.HitFieldsExperiment benchmarks/data/c100k KEYWORD_MONTH,LATEST_ABOUT,ENTITY_NEWEST
 * </pre>
 */
public final class HitFieldsExperiment {
  private HitFieldsExperiment() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    QuerySets sets = QuerySets.derive(Corpus.read(Corpus.dir(data), 5000), 42);
    LuceneEngine.Reader engine = new LuceneEngine.Reader(data.resolve("index/lucene"));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(data.resolve("index/lucene")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String k : args[1].split(",")) {
        List<BenchQuery> qs = sets.of(BenchQuery.Kind.valueOf(k));
        for (int round = 0; round < 6; round++) {
          for (boolean stored : new boolean[] {true, false}) {
            long n = 0;
            long sink = 0;
            long start = System.nanoTime();
            long end = start + 1_500_000_000L;
            while (System.nanoTime() < end) {
              BenchQuery q = qs.get((int) (n++ % qs.size()));
              TopFieldDocs top = searcher.search(engine.query(q),
                  new TopFieldCollectorManager(LuceneEngine.sort(q.newest()), q.limit(), null, 1000));
              for (ScoreDoc d : top.scoreDocs) {
                if (stored) {
                  sink += searcher.storedFields().document(d.doc, LuceneEngine.HIT_FIELDS).get("id").length();
                } else {
                  LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(d.doc, reader.leaves()));
                  SortedDocValues ids = leaf.reader().getSortedDocValues("id");
                  ids.advanceExact(d.doc - leaf.docBase);
                  sink += ids.lookupOrd(ids.ordValue()).length;
                }
              }
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            if (round >= 2) {
              System.out.printf("%s round %d %s: %.0f ops/s (%d)%n", k, round, stored ? "stored hit fields" : "id from doc values", rate, sink % 7);
            }
          }
        }
      }
    }
    engine.close();
  }
}
