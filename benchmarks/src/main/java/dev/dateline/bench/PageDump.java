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
 * change kept the results exactly. With {@code full}, snippets are on and each hit also prints
 * its fields (headline, time, source, byline, url, section, entities), its snippet and the hash
 * of the text of the article {@code get(id)} returns (its {@code toString}, which shows every
 * field; {@code Article.hashCode} differs between JVMs, as enum hash codes do), for changes to how articles are stored.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dateline.bench.PageDump data/c100k [pages] [full] &gt; pages.txt
 * </pre>
 */
public final class PageDump {
  private PageDump() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean full = args.length > 2 && args[2].equals("full");
    QuerySets sets = QuerySets.derive(Corpus.read(Corpus.dir(data), SearchBenchmark.SAMPLE), SearchBenchmark.SEED);
    PrintStream out = System.out;
    try (NewsIndex index = NewsIndex.openReadOnly(Indexes.get(data, Engine.DATELINE),
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build())) {
      for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
        for (BenchQuery q : sets.of(kind)) {
          String cursor = null;
          for (int page = 1; page <= pages; page++) {
            SearchResults r =
                index.search(DatelineEngine.query(q, cursor).toBuilder().highlight(full).build());
            StringBuilder line = new StringBuilder()
                .append(kind).append(' ').append(q.words()).append(" page ").append(page)
                .append(" total ").append(r.total()).append(r.totalIsExact() ? "" : "+")
                .append(" next ").append(r.next())
                .append(" suggestion ").append(r.suggestion())
                .append(" corrected ").append(r.correctedText()).append(':');
            for (SearchHit h : r.hits()) {
              line.append(' ').append(h.id()).append('/').append(h.score());
              if (full) {
                line.append(" [").append(h.headline()).append(" | ").append(h.published()).append(" | ")
                    .append(h.source()).append(" | ").append(h.byline()).append(" | ").append(h.url())
                    .append(" | ").append(h.section()).append(" | ").append(h.entities()).append(" | ")
                    .append(h.snippet()).append(" | get ").append(index.get(h.id()).orElseThrow().toString().hashCode())
                    .append(']');
              }
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
