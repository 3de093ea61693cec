package dev.dateline.bench;

import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Prints the first pages Dateline returns for every benchmark query (ids and scores of the hits,
 * total, cursor of the next page, suggestion and correction), snippets off, one line per page: run
 * it with two builds of the library on the same index and compare the outputs to check that a
 * change kept the results exactly.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dateline.bench.PageDump data/c100k [pages] &gt; pages.txt
 * </pre>
 */
public final class PageDump {
  private PageDump() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    QuerySets sets = QuerySets.derive(Corpus.read(Corpus.dir(data), SearchBenchmark.SAMPLE), SearchBenchmark.SEED);
    PrintStream out = System.out;
    try (NewsIndex index = NewsIndex.openReadOnly(Indexes.get(data, Engine.DATELINE),
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
        for (BenchQuery q : sets.of(kind)) {
          String cursor = null;
          for (int page = 1; page <= pages; page++) {
            SearchResults r =
                index.search(DatelineEngine.query(q, cursor).toBuilder().highlight(false).build());
            StringBuilder line = new StringBuilder()
                .append(kind).append(' ').append(q.words()).append(" page ").append(page)
                .append(" total ").append(r.total()).append(r.totalIsExact() ? "" : "+")
                .append(" next ").append(r.next())
                .append(" suggestion ").append(r.suggestion())
                .append(" corrected ").append(r.correctedText()).append(':');
            for (SearchHit h : r.hits()) {
              line.append(' ').append(h.id()).append('/').append(h.score());
            }
            out.println(line);
            cursor = r.next();
            if (cursor == null) {
              break;
            }
          }
        }
      }
    }
  }
}
