package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Dateline through its public API only: {@link NewsIndex} and {@link NewsQuery}. */
final class DatelineEngine {
  private DatelineEngine() {}

  /**
   * Whether indexes are written with {@code NewsIndex.Options.Builder.compactStorage} (system
   * property {@value #COMPACT}, default false), to size and time that setting.
   */
  static final String COMPACT = "dateline.bench.compactStorage";

  /**
   * The writer's RAM buffer in MB (system property {@value #RAM_BUFFER_MB}; unset: the library's
   * default for the JVM's heap), to compare buffer sizes.
   */
  static final String RAM_BUFFER_MB = "dateline.bench.ramBufferMb";

  static Engine.Indexer indexer(Path dir, boolean extract) {
    NewsIndex.Options.Builder options = NewsIndex.Options.builder()
        .entityExtractor(extract ? EntityExtractor.standard() : EntityExtractor.none())
        .compactStorage(Boolean.getBoolean(COMPACT));
    String ramBufferMb = System.getProperty(RAM_BUFFER_MB);
    if (ramBufferMb != null) {
      options.ramBufferMb(Double.parseDouble(ramBufferMb));
    }
    NewsIndex index = NewsIndex.open(dir, options.build());
    return new Engine.Indexer() {
      @Override
      public void add(Article article) {
        index.add(article);
      }

      @Override
      public void close() {
        index.close();
      }
    };
  }

  /**
   * A read-only index. Entity filters are not expanded by a gazetteer ({@link
   * EntityExtractor#none()}), as in the raw Lucene peer, so both run the same Lucene query.
   */
  static Engine.Searcher searcher(Path dir) {
    NewsIndex index = NewsIndex.openReadOnly(dir, NewsIndex.Options.builder()
        .entityExtractor(EntityExtractor.none())
        .build());
    return new Engine.Searcher() {
      @Override
      public Engine.Prepared prepare(BenchQuery q) {
        if (q.page() == 1) {
          return new Engine.Prepared(q, null);
        }
        NewsQuery before = query(q, null).toBuilder().limit(q.offset()).build();
        return new Engine.Prepared(q, index.search(before).next());
      }

      @Override
      public Engine.Hits search(Engine.Prepared p) {
        return hits(index.search(query(p.query(), (String) p.cursor())));
      }

      @Override
      public long count(BenchQuery q) {
        return index.count(query(q, null));
      }

      @Override
      public void close() {
        index.close();
      }
    };
  }

  /**
   * The query as a Dateline user writes it: query syntax for the text, builder for the rest. Words
   * combine with AND, as in the hand-written Lucene peer and in SQLite FTS5's MATCH, so the three
   * engines answer the same question; {@link BenchQuery.Kind#TERMS_2_3_RANKED} uses the library's
   * default, the ranked operator.
   */
  static NewsQuery query(BenchQuery q, String cursor) {
    NewsQuery.Builder b = NewsQuery.builder()
        .text(text(q))
        .defaultOperator(q.kind().ranked() ? NewsQuery.Operator.RANKED : NewsQuery.Operator.AND)
        .sort(q.newest() ? SortOrder.NEWEST : SortOrder.RELEVANCE)
        .limit(q.limit())
        .highlight(q.highlight())
        .after(cursor);
    if (q.from() != null) {
      b.from(q.from()).to(q.to());
    }
    q.entities().forEach(e -> b.entity(e.type(), e.name()));
    return b.build();
  }

  private static String text(BenchQuery q) {
    if (q.words().isEmpty()) {
      return null;
    }
    String words = q.phrase() ? "\"" + String.join(" ", q.words()) + "\"" : String.join(" ", q.words());
    return q.field() == null ? words : q.field().key() + ":" + words;
  }

  private static Engine.Hits hits(SearchResults r) {
    List<Engine.Hit> hits = new ArrayList<>(r.hits().size());
    for (SearchHit h : r.hits()) {
      hits.add(new Engine.Hit(h.id(), h.headline(), h.published() == null ? Long.MIN_VALUE : h.published().toEpochMilli(),
          h.source(), h.snippet()));
    }
    return new Engine.Hits(r.total(), hits);
  }
}
