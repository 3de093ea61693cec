package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * SQLite FTS5 through sqlite-jdbc, set up as an SQLite user would for this job: an {@code article}
 * table holding the text and the ordinary columns (indexed {@code published}, {@code source}), an
 * external-content FTS5 table over the six text fields (porter + unicode61 tokenizer), an entity
 * join table with a covering primary key, and ranking by {@code bm25()} with column weights equal
 * to Dateline's boosts (3, 2, 2, 1, 1, 1).
 */
final class SqliteEngine {
  static final String FILE = "articles.db";
  /** Column weights for bm25(): headline, bullets, subheads, body, captions, byline. */
  static final String BM25 = "bm25(fts, 3.0, 2.0, 2.0, 1.0, 1.0, 1.0)";

  private SqliteEngine() {}

  static String fold(String name) {
    return name.toLowerCase(Locale.ROOT).strip();
  }

  /**
   * One connection; SQLite has one writer at a time, so with several threads they prepare
   * articles (and extract entities) in parallel and take turns inserting, in transactions of 1,000.
   */
  static final class Writer implements Engine.Indexer {
    private static final int BATCH = 1000;
    private final Connection db;
    private final PreparedStatement insertArticle;
    private final PreparedStatement insertFts;
    private final PreparedStatement insertEntity;
    private final EntityExtractor extractor;
    private int pending;
    private long rowid;

    Writer(Path dir, boolean extract) throws IOException {
      this.extractor = extract ? EntityExtractor.standard() : null;
      try {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(FILE));
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FILE));
        try (Statement s = db.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=NORMAL");
          s.execute("PRAGMA cache_size=-65536"); // 64 MB, like Lucene's RAM buffer
          s.execute("""
              CREATE TABLE article(
                rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT, source TEXT,
                section TEXT, published INTEGER, headline TEXT, bullets TEXT, subheads TEXT,
                body TEXT, captions TEXT, byline TEXT)""");
          s.execute("CREATE INDEX article_published ON article(published)");
          s.execute("CREATE INDEX article_source ON article(source)");
          s.execute("""
              CREATE VIRTUAL TABLE fts USING fts5(
                headline, bullets, subheads, body, captions, byline,
                content='article', content_rowid='rowid',
                tokenize='porter unicode61 remove_diacritics 2')""");
          s.execute("""
              CREATE TABLE entity(type TEXT NOT NULL, name TEXT NOT NULL, article INTEGER NOT NULL,
                PRIMARY KEY(type, name, article)) WITHOUT ROWID""");
        }
        db.setAutoCommit(false);
        insertArticle = db.prepareStatement(
            "INSERT INTO article VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertFts = db.prepareStatement(
            "INSERT INTO fts(rowid, headline, bullets, subheads, body, captions, byline) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertEntity = db.prepareStatement("INSERT OR IGNORE INTO entity VALUES (?, ?, ?)");
      } catch (SQLException e) {
        throw new IOException("cannot create SQLite index in " + dir + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void add(Article a) throws IOException {
      List<Entity> entities = extractor != null && a.entities().isEmpty() ? extractor.extract(a) : a.entities();
      String bullets = String.join("\n", a.bullets());
      String subheads = String.join("\n", a.subheads());
      String body = String.join("\n\n", a.body());
      String captions = String.join("\n", a.captions());
      synchronized (this) {
        try {
          long row = ++rowid;
          insertArticle.setLong(1, row);
          insertArticle.setString(2, a.id());
          insertArticle.setString(3, a.url());
          insertArticle.setString(4, a.source());
          insertArticle.setString(5, a.section());
          if (a.published() == null) {
            insertArticle.setNull(6, java.sql.Types.INTEGER);
          } else {
            insertArticle.setLong(6, a.published().toEpochMilli());
          }
          insertArticle.setString(7, a.headline());
          insertArticle.setString(8, bullets);
          insertArticle.setString(9, subheads);
          insertArticle.setString(10, body);
          insertArticle.setString(11, captions);
          insertArticle.setString(12, a.byline());
          insertArticle.executeUpdate();
          insertFts.setLong(1, row);
          insertFts.setString(2, a.headline());
          insertFts.setString(3, bullets);
          insertFts.setString(4, subheads);
          insertFts.setString(5, body);
          insertFts.setString(6, captions);
          insertFts.setString(7, a.byline());
          insertFts.executeUpdate();
          for (Entity e : entities) {
            entity(e.type(), e.name(), row);
            for (String alias : e.aliases()) {
              entity(e.type(), alias, row);
            }
          }
          // As in Dateline: the dateline is a place, credited agencies are organisations.
          if (a.dateline() != null) {
            entity(EntityType.PLACE, a.dateline(), row);
          }
          for (String credit : a.credits()) {
            entity(EntityType.ORG, credit, row);
          }
          if (++pending == BATCH) {
            db.commit();
            pending = 0;
          }
        } catch (SQLException e) {
          throw new IOException("cannot insert article " + a.id() + ": " + e.getMessage(), e);
        }
      }
    }

    private void entity(EntityType type, String name, long row) throws SQLException {
      insertEntity.setString(1, type.key());
      insertEntity.setString(2, fold(name));
      insertEntity.setLong(3, row);
      insertEntity.executeUpdate();
    }

    @Override
    public synchronized void close() throws IOException {
      try (db) {
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
          s.execute("ANALYZE");
          s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
          s.execute("PRAGMA journal_mode=DELETE"); // readers open the file read-only
        }
      } catch (SQLException e) {
        throw new IOException("cannot finish SQLite index: " + e.getMessage(), e);
      }
    }
  }

  /** A read-only connection per thread (SQLite connections are not for concurrent use). */
  static final class Reader implements Engine.Searcher {
    private final String url;
    private final List<Connection> all = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Connection> connection;

    Reader(Path dir) throws IOException {
      Path file = dir.resolve(FILE);
      if (!Files.isRegularFile(file)) {
        throw new IOException("no SQLite index at " + file);
      }
      this.url = "jdbc:sqlite:" + file;
      this.connection = ThreadLocal.withInitial(this::open);
      connection.get();
    }

    private Connection open() {
      try {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = config.createConnection(url);
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA mmap_size=4294967296"); // like Lucene's MMapDirectory
          s.execute("PRAGMA cache_size=-65536");
        }
        all.add(c);
        return c;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open " + url + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Engine.Prepared prepare(BenchQuery q) {
      // Deep pages: LIMIT/OFFSET, SQLite's way (a keyset on bm25() would not avoid ranking all matches).
      return new Engine.Prepared(q, null);
    }

    @Override
    public Engine.Hits search(Engine.Prepared p) throws IOException {
      BenchQuery q = p.query();
      StringBuilder sql = new StringBuilder("SELECT a.id, a.headline, a.published, a.source, a.url, a.section, a.byline");
      if (q.highlight()) {
        sql.append(", snippet(fts, 3, '<em>', '</em>', ' … ', 24)");
      }
      List<Object> args = new ArrayList<>();
      where(q, sql, args);
      sql.append(" ORDER BY ").append(q.newest() || q.words().isEmpty() ? "a.published DESC" : BM25)
          .append(", a.id LIMIT ? OFFSET ?");
      args.add(q.limit());
      args.add(q.offset());
      try (PreparedStatement st = statement(sql.toString(), args); ResultSet rs = st.executeQuery()) {
        List<Engine.Hit> hits = new ArrayList<>(q.limit());
        while (rs.next()) {
          // url, section and byline are read like the Lucene engines read them, though Hit has no slot.
          rs.getString(5);
          rs.getString(6);
          rs.getString(7);
          hits.add(new Engine.Hit(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
              q.highlight() ? rs.getString(8) : null));
        }
        return new Engine.Hits(-1, hits);
      } catch (SQLException e) {
        throw new IOException("query failed: " + q + ": " + e.getMessage(), e);
      }
    }

    private static void where(BenchQuery q, StringBuilder sql, List<Object> args) {
      if (q.words().isEmpty()) {
        sql.append(" FROM article a WHERE 1");
      } else {
        sql.append(" FROM fts JOIN article a ON a.rowid = fts.rowid WHERE fts MATCH ?");
        args.add(match(q));
      }
      if (q.from() != null) {
        sql.append(" AND a.published BETWEEN ? AND ?");
        args.add(q.from().toEpochMilli());
        args.add(q.to().toEpochMilli());
      }
      for (BenchQuery.EntityFilter e : q.entities()) {
        sql.append(" AND a.rowid IN (SELECT article FROM entity WHERE type = ? AND name = ?)");
        args.add(e.type().key());
        args.add(fold(e.name()));
      }
    }

    /**
     * FTS5 query syntax: each word a quoted string (implicit AND; OR for {@link
     * BenchQuery.Kind#TERMS_2_3_RANKED}), or one quoted phrase.
     */
    static String match(BenchQuery q) {
      String m = q.phrase()
          ? quote(String.join(" ", q.words()))
          : q.words().stream().map(SqliteEngine.Reader::quote)
              .collect(Collectors.joining(q.kind().ranked() ? " OR " : " "));
      return q.field() == null ? m : q.field().key() + " : " + m;
    }

    private static String quote(String s) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }

    private PreparedStatement statement(String sql, List<Object> args) throws SQLException {
      PreparedStatement st = connection.get().prepareStatement(sql);
      for (int i = 0; i < args.size(); i++) {
        st.setObject(i + 1, args.get(i));
      }
      return st;
    }

    @Override
    public long count(BenchQuery q) throws IOException {
      StringBuilder sql = new StringBuilder("SELECT count(*)");
      List<Object> args = new ArrayList<>();
      where(q, sql, args);
      try (PreparedStatement st = statement(sql.toString(), args); ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new IOException("count failed: " + q + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      SQLException failure = null;
      for (Connection c : all) {
        try {
          c.close();
        } catch (SQLException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw new IOException("cannot close " + url, failure);
      }
    }
  }
}
