package dev.dateline.bench;

import dev.dateline.Article;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The implementations compared side by side: Dateline, raw Lucene mirroring Dateline's schema,
 * hand-tuned raw Lucene ({@link TunedLuceneEngine}) and SQLite FTS5. Each
 * indexes the same articles and answers the same {@link BenchQuery} in its own way.
 */
public enum Engine {
  DATELINE {
    @Override
    public Indexer indexer(Path dir, boolean extract) {
      return DatelineEngine.indexer(dir, extract);
    }

    @Override
    public Searcher searcher(Path dir) {
      return DatelineEngine.searcher(dir);
    }
  },
  LUCENE {
    @Override
    public Indexer indexer(Path dir, boolean extract) throws IOException {
      return new LuceneEngine.Writer(dir, extract);
    }

    @Override
    public Searcher searcher(Path dir) throws IOException {
      return new LuceneEngine.Reader(dir);
    }
  },
  /** The hand-tuned raw-Lucene peer ({@link TunedLuceneEngine}): the floor Dateline is held to. */
  LUCENE_TUNED {
    @Override
    public Indexer indexer(Path dir, boolean extract) throws IOException {
      return new TunedLuceneEngine.Writer(dir, extract);
    }

    @Override
    public Searcher searcher(Path dir) throws IOException {
      return new TunedLuceneEngine.Reader(dir);
    }
  },
  SQLITE {
    @Override
    public Indexer indexer(Path dir, boolean extract) throws IOException {
      return new SqliteEngine.Writer(dir, extract);
    }

    @Override
    public Searcher searcher(Path dir) throws IOException {
      return new SqliteEngine.Reader(dir);
    }
  };

  /**
   * A fresh index in {@code dir}. With {@code extract}, articles arrive without entities and the
   * engine runs {@code EntityExtractor.standard()} on each; without, the given entities are used.
   */
  public abstract Indexer indexer(Path dir, boolean extract) throws IOException;

  /** Opens the index in {@code dir} for searching. */
  public abstract Searcher searcher(Path dir) throws IOException;

  /** Adds articles; thread-safe. {@link #close()} makes the index durable (commit). */
  public interface Indexer extends Closeable {
    void add(Article article) throws IOException;
  }

  /** Runs queries; thread-safe. */
  public interface Searcher extends Closeable {
    /**
     * Does what may be done once per query before measuring: for a deep page, walks to the page
     * before and keeps the engine's cursor (Dateline's cursor string, Lucene's {@code FieldDoc}).
     */
    Prepared prepare(BenchQuery query) throws IOException;

    /** Runs a prepared query: builds the engine's query, searches, loads the hits' fields. */
    Hits search(Prepared prepared) throws IOException;

    /** Exact number of matches of the query (for checks, not measured). */
    long count(BenchQuery query) throws IOException;
  }

  /** A query and the engine's cursor to the page before it (null for page 1). */
  public record Prepared(BenchQuery query, Object cursor) {}

  /** One hit with the fields a result page shows. */
  public record Hit(String id, String headline, long published, String source, String snippet) {}

  /**
   * A page of hits.
   *
   * @param total number of matches, possibly a lower bound; -1 when the engine does not count
   */
  public record Hits(long total, List<Hit> hits) {
    public List<String> ids() {
      return hits.stream().map(Hit::id).toList();
    }
  }
}
