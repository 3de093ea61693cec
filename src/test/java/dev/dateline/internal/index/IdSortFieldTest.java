package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.SortOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Schema#sort}'s id tie-break ({@link IdSortField}) gives the pages, sort values (what
 * cursors encode), totals and early termination of Lucene's plain string sort on the id, over
 * seeded random indexes with many ties: few distinct words (equal scores), few distinct dates,
 * undated and deleted articles, ids out of index order, several segments; searched by one
 * collector and by one per slice of segments merged on the sort values.
 */
class IdSortFieldTest {
  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega"};
  private static final String ID_CHARS = "abcxyz019éü";

  @ParameterizedTest
  @EnumSource(value = IdKeys.Mode.class, names = {"INLINE", "OFF"})
  void pagesAndSortValuesEqualThePlainIdSort(IdKeys.Mode keys) throws IOException {
    // With the in-heap keys of every segment (built before the search goes on), and without.
    ExecutorService executor = Executors.newFixedThreadPool(2);
    IdKeys.Mode before = IdKeys.mode;
    IdKeys.mode = keys;
    try {
      pagesAndSortValuesEqualThePlainIdSort(executor);
    } finally {
      IdKeys.mode = before;
      executor.shutdownNow();
    }
  }

  private static void pagesAndSortValuesEqualThePlainIdSort(ExecutorService executor) throws IOException {
    for (long seed = 1; seed <= 8; seed++) {
      Random random = new Random(seed);
      try (Directory dir = new ByteBuffersDirectory()) {
        index(dir, random);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          assertThat(reader.leaves().size()).as("seed %d: several segments", seed).isGreaterThan(1);
          // One collector, and (with an executor) one per slice of segments, merged by the sort's
          // values.
          IndexSearcher single = new IndexSearcher(reader);
          IndexSearcher sliced = new IndexSearcher(reader, executor);
          assertThat(sliced.getSlices().length).as("seed %d: several slices", seed).isGreaterThan(1);
          for (int q = 0; q < 10; q++) {
            Query query = query(random);
            for (SortOrder order : SortOrder.values()) {
              int pageSize = 1 + random.nextInt(12);
              int threshold = 1 + random.nextInt(200);
              for (IndexSearcher searcher : List.of(single, sliced)) {
                comparePages(
                    searcher, query, order, pageSize, threshold,
                    "seed " + seed + " " + query + " " + order);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void equalToThePlainIdSortSoNewestFirstMatchesTheIndexSort() {
    assertThat(Schema.sort(SortOrder.NEWEST)).isEqualTo(Schema.indexSort());
    assertThat(Schema.sort(SortOrder.NEWEST).getSort()[1]).isInstanceOf(IdSortField.class);
    assertThat(Schema.indexSort().getSort()[1]).isNotInstanceOf(IdSortField.class);
  }

  /** Pages through the matches with both sorts, each page continuing after the previous one. */
  private static void comparePages(
      IndexSearcher searcher, Query query, SortOrder order, int pageSize, int threshold, String what)
      throws IOException {
    Sort lazy = Schema.sort(order);
    Sort plain = new Sort(lazy.getSort()[0], new SortField(Schema.ID, SortField.Type.STRING, false));
    FieldDoc after = null;
    FieldDoc lazyAfter = null;
    int seen = 0;
    while (true) {
      TopFieldDocs expected =
          searcher.search(query, new TopFieldCollectorManager(plain, pageSize, after, threshold));
      TopFieldDocs actual =
          searcher.search(query, new TopFieldCollectorManager(lazy, pageSize, lazyAfter, threshold));
      if (searcher.getSlices().length == 1
          || expected.totalHits.relation() == TotalHits.Relation.EQUAL_TO) {
        // (Slices searched in parallel share the skipping: how many hits a lower bound counts
        // then depends on timing.)
        assertThat(actual.totalHits).as(what).isEqualTo(expected.totalHits);
      }
      assertThat(docs(actual.scoreDocs)).as(what + " page at " + seen).isEqualTo(docs(expected.scoreDocs));
      assertThat(values(actual.scoreDocs)).as(what).isEqualTo(values(expected.scoreDocs));
      if (expected.scoreDocs.length < pageSize) {
        return;
      }
      seen += pageSize;
      // Sort values only, no document number: as a cursor decodes them (bytes), or, for the lazy
      // sort every other page, its own values, as a collapsed listing continues after its last hit.
      FieldDoc last = (FieldDoc) expected.scoreDocs[pageSize - 1];
      after = new FieldDoc(Integer.MAX_VALUE, Float.NaN, last.fields.clone());
      FieldDoc own = (FieldDoc) actual.scoreDocs[pageSize - 1];
      lazyAfter = (seen / pageSize) % 2 == 0 ? after : new FieldDoc(Integer.MAX_VALUE, Float.NaN, own.fields.clone());
    }
  }

  private static List<Integer> docs(ScoreDoc[] docs) {
    List<Integer> out = new ArrayList<>();
    for (ScoreDoc d : docs) {
      out.add(d.doc);
    }
    return out;
  }

  private static List<List<Object>> values(ScoreDoc[] docs) {
    List<List<Object>> out = new ArrayList<>();
    for (ScoreDoc d : docs) {
      Object[] fields = ((FieldDoc) d).fields.clone();
      // The lazy sort's id values are read on demand; compare their bytes.
      fields[1] = Schema.sortId(fields[1]);
      out.add(java.util.Arrays.asList(fields));
    }
    return out;
  }

  private static Query query(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)]));
      case 1 ->
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])), Occur.SHOULD)
              .add(new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])), Occur.SHOULD)
              .build();
      default -> MatchAllDocsQuery.INSTANCE;
    };
  }

  private static void index(Directory dir, Random random) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(new WhitespaceAnalyzer())
            .setIndexSort(Schema.indexSort())
            .setMergePolicy(NoMergePolicy.INSTANCE);
    int articles = 150 + random.nextInt(250);
    // Ids of every shape the in-heap keys meet: with and without a start all share (then the keys
    // begin after it), short and of different lengths, and with long equal stretches, so that
    // keys of different ids tie and their bytes decide.
    String shared = random.nextBoolean() ? "https://n.example/" : "";
    Set<String> ids = new HashSet<>();
    List<String> added = new ArrayList<>();
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < articles; i++) {
        Document doc = new Document();
        if (random.nextInt(20) > 0) { // some documents have no id (they sort first)
          String id = id(random, ids, shared);
          added.add(id);
          doc.add(new StringField(Schema.ID, id, Field.Store.NO));
          doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(id)));
        }
        if (random.nextInt(10) > 0) {
          doc.add(new LongField(Schema.PUBLISHED, 1_000L * random.nextInt(6), Field.Store.NO));
        }
        StringBuilder text = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        doc.add(new TextField("text", text.toString(), Field.Store.NO));
        w.addDocument(doc);
        if (random.nextInt(15) == 0) {
          w.commit(); // a new segment
        }
        if (random.nextInt(25) == 0 && !added.isEmpty()) {
          w.deleteDocuments(new Term(Schema.ID, added.get(random.nextInt(added.size()))));
        }
      }
      w.commit();
    }
  }

  private static String id(Random random, Set<String> taken, String shared) {
    while (true) {
      StringBuilder s = new StringBuilder(shared);
      switch (random.nextInt(4)) {
        case 0 -> s.append("p/");
        case 1 -> s.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length()))).append("/same-long-part/");
        default -> {}
      }
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        s.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
      }
      if (taken.add(s.toString())) {
        return s.toString();
      }
    }
  }
}
