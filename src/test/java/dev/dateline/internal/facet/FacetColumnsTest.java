package dev.dateline.internal.facet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.DateInterval;
import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.Histogram;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Counting from the in-heap columns and from the doc values (a segment whose column does not fit
 * the budget) gives the same counts and day histogram as counting the documents one by one, over
 * random segments with single- and multi-valued dimensions, documents without values or dates,
 * and deletions.
 */
class FacetColumnsTest {
  private static final String SOURCE = Schema.facetField(FacetDimension.SOURCE);
  private static final String PERSON = Schema.facetField(FacetDimension.PERSON);
  private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void columnsAndDocValuesCountAlike_andAsTheDocumentsSay() throws IOException {
    for (long seed = 1; seed <= 16; seed++) {
      Random r = new Random(seed);
      boolean sorted = seed % 2 == 0; // the index's own order (newest first), or arrival order
      try (Directory dir = new ByteBuffersDirectory()) {
        Map<String, Doc> live = write(dir, r, sorted);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (String group : List.of("even", "odd", "*")) {
            Query q = group.equals("*") ? new MatchAllDocsQuery() : new TermQuery(new Term("group", group));
            List<Doc> matching = live.values().stream().filter(d -> group.equals("*") || d.group.equals(group)).toList();
            for (int limit : new int[] {1, 3, 1000}) {
              FacetRequest request = FacetRequest.builder()
                  .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON).limit(limit)
                  .histogram(DateInterval.DAY).zone(LONDON).build();
              // Columns of 1, 2 and 4 bytes per ordinal (production picks the narrowest).
              FacetEngine inHeap = new FacetEngine(Long.MAX_VALUE, new int[] {1, 2, 4}[(int) (seed % 3)]);
              FacetEngine fromDocValues = new FacetEngine(0);
              FacetEngine someSegments = new FacetEngine(6L * reader.maxDoc());
              Facets expected = expected(matching, limit);
              String what = "seed " + seed + (sorted ? " sorted, " : ", ") + group + ", limit " + limit;
              assertThat(inHeap.compute(searcher, matches(q), request, null)).as(what).isEqualTo(expected);
              assertThat(fromDocValues.compute(searcher, matches(q), request, null)).as(what).isEqualTo(expected);
              assertThat(someSegments.compute(searcher, matches(q), request, null)).as(what).isEqualTo(expected);
              assertThat(inHeap.columnBytes()).isPositive();
              assertThat(fromDocValues.columnBytes()).isZero();
              assertThat(someSegments.columnBytes()).isLessThanOrEqualTo(6L * reader.maxDoc());
            }
          }
        }
      }
    }
  }

  @Test
  void closingTheSegmentsReleasesTheirColumns() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      write(dir, new Random(3), true);
      FacetEngine engine = new FacetEngine(Long.MAX_VALUE);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        engine.compute(new IndexSearcher(reader), matches(new MatchAllDocsQuery()),
            FacetRequest.builder().dimensions(FacetDimension.PERSON).build(), null);
        assertThat(engine.columnBytes()).isPositive();
      }
      assertThat(engine.columnBytes()).isZero();
    }
  }

  /**
   * A segment whose dimensions have more values than a byte (source: 300) or a char (person:
   * 70,000) can number is counted right from the heap: its columns are wider, not truncated.
   */
  @Test
  void manyValuesGetWiderColumns() throws IOException {
    int n = 70_000;
    try (Directory dir = new ByteBuffersDirectory()) {
      Map<String, Long> sources = new HashMap<>();
      Map<String, Long> people = new HashMap<>();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < n; i++) {
          String source = "source " + (i / 3 * 7 % 300);
          String person = "person " + i;
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
          doc.add(new SortedSetDocValuesField(SOURCE, new BytesRef(source)));
          doc.add(new SortedSetDocValuesField(PERSON, new BytesRef(person)));
          doc.add(new SortedSetDocValuesField(PERSON, new BytesRef("everyone")));
          w.addDocument(doc);
          if (i % 3 == 0) {
            sources.merge(source, 1L, Long::sum);
            people.merge(person, 1L, Long::sum);
            people.merge("everyone", 1L, Long::sum);
          }
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        // Every third document: a query on doc ids through the bit sets of the collector.
        Query third = new org.apache.lucene.search.FieldExistsQuery(SOURCE) {
          @Override
          public org.apache.lucene.search.Weight createWeight(
              IndexSearcher searcher, org.apache.lucene.search.ScoreMode mode, float boost) {
            return new org.apache.lucene.search.ConstantScoreWeight(this, boost) {
              @Override
              public org.apache.lucene.search.ScorerSupplier scorerSupplier(
                  org.apache.lucene.index.LeafReaderContext context) {
                org.apache.lucene.util.FixedBitSet bits = new org.apache.lucene.util.FixedBitSet(context.reader().maxDoc());
                for (int d = 0; d < bits.length(); d += 3) {
                  bits.set(d);
                }
                var it = new org.apache.lucene.util.BitSetIterator(bits, bits.cardinality());
                var scorer = new org.apache.lucene.search.ConstantScoreScorer(score(), mode, it);
                return new org.apache.lucene.search.Weight.DefaultScorerSupplier(scorer);
              }

              @Override
              public boolean isCacheable(org.apache.lucene.index.LeafReaderContext ctx) {
                return false;
              }
            };
          }
        };
        FacetRequest request = FacetRequest.builder()
            .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON).limit(1000).build();
        Facets counted = new FacetEngine(Long.MAX_VALUE).compute(
            new IndexSearcher(reader), matches(third), request, null);
        assertThat(counted.matches()).isEqualTo((n + 2) / 3);
        Facets.Dimension src = counted.dimensions().get(FacetDimension.SOURCE);
        assertThat(src.otherValues()).isZero();
        assertThat(src.withValue()).isEqualTo(counted.matches());
        assertThat(src.top()).hasSize(300).allSatisfy(c -> assertThat(c.count()).isEqualTo(sources.get(c.value())));
        Facets.Dimension ppl = counted.dimensions().get(FacetDimension.PERSON);
        assertThat(ppl.top().get(0)).isEqualTo(new FacetCount("everyone", people.get("everyone")));
        assertThat(ppl.top()).allSatisfy(c -> assertThat(c.count()).isEqualTo(people.get(c.value())));
        assertThat(ppl.otherValues() + ppl.top().size()).isEqualTo(people.size());
        assertThat(counted).isEqualTo(new FacetEngine(0).compute(
            new IndexSearcher(reader), matches(third), request, null));

        // A few matches among many values (counted from the doc values rather than the column).
        Query few = new org.apache.lucene.search.TermInSetQuery(
            "id", List.of(new BytesRef("7"), new BytesRef("70"), new BytesRef("700")));
        Facets sparse = new FacetEngine(Long.MAX_VALUE).compute(
            new IndexSearcher(reader), matches(few), request, null);
        assertThat(sparse.dimensions().get(FacetDimension.PERSON).top()).containsExactly(
            new FacetCount("everyone", 3), new FacetCount("person 7", 1),
            new FacetCount("person 70", 1), new FacetCount("person 700", 1));
        assertThat(sparse.dimensions().get(FacetDimension.SOURCE).top()).hasSize(3);
      }
    }
  }

  /**
   * Documents with so many values that a run of 64 of them holds more than 65,535 (1,100 people
   * each, out of 2,000): the narrow layout cannot say where their values start in 2 bytes, and the
   * wide one is used; the counts are right either way.
   */
  @Test
  void aRunOfDocumentsWithTooManyValuesForTheNarrowLayoutCountsRight() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      Map<String, Long> expected = new HashMap<>();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < 130; i++) {
          Document doc = new Document();
          doc.add(new StringField("group", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
          int people = i < 64 ? 1_100 : 1 + i % 3;
          for (int p = 0; p < people; p++) {
            String person = String.format("p%04d", (i * 37 + p) % 2_000);
            doc.add(new SortedSetDocValuesField(PERSON, new BytesRef(person)));
            if (i % 2 == 0) {
              expected.merge(person, 1L, Long::sum);
            }
          }
          w.addDocument(doc);
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Query even = new TermQuery(new Term("group", "even"));
        FacetRequest request = FacetRequest.builder().dimensions(FacetDimension.PERSON).limit(5_000).build();
        Facets counted = new FacetEngine(Long.MAX_VALUE).compute(new IndexSearcher(reader), matches(even), request, null);
        Facets.Dimension d = counted.dimensions().get(FacetDimension.PERSON);
        assertThat(d.top()).hasSize(expected.size())
            .allSatisfy(c -> assertThat(c.count()).as(c.value()).isEqualTo(expected.get(c.value())));
        assertThat(counted).isEqualTo(new FacetEngine(0).compute(new IndexSearcher(reader), matches(even), request, null));
      }
    }
  }

  /**
   * A few matches among many values are counted one by one from the columns (no array of counts
   * per value), in every layout, as the documents say.
   */
  @Test
  void fewMatchesAmongManyValuesCountAsTheDocumentsSay() throws IOException {
    Random r = new Random(11);
    try (Directory dir = new ByteBuffersDirectory()) {
      List<List<String>> people = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < 600; i++) {
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
          String source = "s" + r.nextInt(200);
          doc.add(new SortedSetDocValuesField(SOURCE, new BytesRef(source)));
          TreeSet<String> ps = new TreeSet<>();
          for (int p = r.nextInt(4); p > 0; p--) {
            ps.add("p" + r.nextInt(1_000));
          }
          for (String p : ps) {
            doc.add(new SortedSetDocValuesField(PERSON, new BytesRef(p)));
          }
          w.addDocument(doc);
          sources.add(source);
          people.add(List.copyOf(ps));
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        for (int round = 0; round < 20; round++) {
          List<BytesRef> ids = new ArrayList<>();
          Map<String, Long> bySource = new HashMap<>();
          Map<String, Long> byPerson = new HashMap<>();
          long withPerson = 0;
          for (int k = 1 + r.nextInt(8); k > 0; k--) {
            int i = r.nextInt(600);
            if (ids.contains(new BytesRef(Integer.toString(i)))) {
              continue;
            }
            ids.add(new BytesRef(Integer.toString(i)));
            bySource.merge(sources.get(i), 1L, Long::sum);
            people.get(i).forEach(p -> byPerson.merge(p, 1L, Long::sum));
            withPerson += people.get(i).isEmpty() ? 0 : 1;
          }
          Query few = new org.apache.lucene.search.TermInSetQuery("id", ids);
          FacetRequest request = FacetRequest.builder()
              .dimensions(FacetDimension.SOURCE, FacetDimension.PERSON).limit(100).build();
          Map<FacetDimension, Facets.Dimension> dims = new java.util.LinkedHashMap<>();
          dims.put(FacetDimension.SOURCE, dimension(FacetDimension.SOURCE, bySource, 100, ids.size()));
          dims.put(FacetDimension.PERSON, dimension(FacetDimension.PERSON, byPerson, 100, withPerson));
          Facets expected = new Facets(ids.size(), dims, null);
          for (int width : new int[] {1, 2, 4}) {
            assertThat(new FacetEngine(Long.MAX_VALUE, width)
                    .compute(new IndexSearcher(reader), matches(few), request, null))
                .as("round %d, width %d", round, width)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  private record Doc(String group, String source, TreeSet<String> people, Long published) {}

  /**
   * Several segments of random documents, some replaced or deleted, in the index's sort (newest
   * first, undated last) or in arrival order; returns the live ones by id.
   */
  private static Map<String, Doc> write(Directory dir, Random r, boolean sorted) throws IOException {
    Map<String, Doc> live = new HashMap<>();
    IndexWriterConfig config =
        new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
    if (sorted) {
      config.setIndexSort(Schema.indexSort());
    }
    try (IndexWriter w = new IndexWriter(dir, config)) {
      int segments = 1 + r.nextInt(4);
      for (int s = 0; s < segments; s++) {
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
          String id = "d" + r.nextInt(150);
          String source = r.nextInt(5) == 0 ? null : "src" + r.nextInt(6);
          TreeSet<String> people = new TreeSet<>();
          for (int p = r.nextInt(4); p > 0; p--) {
            people.add("Person " + (char) ('A' + r.nextInt(12)));
          }
          Long published = r.nextInt(6) == 0 ? null
              : MARCH.toEpochMilli() + (long) (r.nextDouble() * 31 * 86_400_000L);
          Doc d = new Doc(r.nextBoolean() ? "even" : "odd", source, people, published);
          Document doc = new Document();
          doc.add(new StringField("id", id, Field.Store.NO));
          doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(id)));
          doc.add(new StringField("group", d.group, Field.Store.NO));
          if (source != null) {
            doc.add(new SortedSetDocValuesField(SOURCE, new BytesRef(source)));
          }
          for (String p : people) {
            doc.add(new SortedSetDocValuesField(PERSON, new BytesRef(p)));
          }
          if (published != null) {
            doc.add(new LongField(Schema.PUBLISHED, published, Field.Store.NO));
          }
          w.updateDocument(new Term("id", id), doc);
          live.put(id, d);
          if (r.nextInt(10) == 0) {
            String gone = "d" + r.nextInt(150);
            w.deleteDocuments(new Term("id", gone));
            live.remove(gone);
          }
        }
        w.commit();
      }
    }
    return live;
  }

  private static Facets expected(List<Doc> matching, int limit) {
    Map<String, Long> sources = new HashMap<>();
    Map<String, Long> people = new HashMap<>();
    long withSource = 0;
    long withPerson = 0;
    for (Doc d : matching) {
      if (d.source != null) {
        withSource++;
        sources.merge(d.source, 1L, Long::sum);
      }
      if (!d.people.isEmpty()) {
        withPerson++;
      }
      d.people.forEach(p -> people.merge(p, 1L, Long::sum));
    }
    Map<FacetDimension, Facets.Dimension> dims = new java.util.LinkedHashMap<>();
    dims.put(FacetDimension.SOURCE, dimension(FacetDimension.SOURCE, sources, limit, withSource));
    dims.put(FacetDimension.PERSON, dimension(FacetDimension.PERSON, people, limit, withPerson));
    return new Facets(matching.size(), dims, histogram(matching));
  }

  /** Day buckets in London (a change to summer time on 29 March) between the first and last. */
  private static Histogram histogram(List<Doc> matching) {
    List<Long> dated = matching.stream().map(Doc::published).filter(java.util.Objects::nonNull).toList();
    long undated = matching.size() - dated.size();
    if (dated.isEmpty()) {
      return new Histogram(DateInterval.DAY, LONDON, List.of(), undated);
    }
    List<java.time.ZonedDateTime> bounds = DateInterval.DAY.boundaries(
        Instant.ofEpochMilli(java.util.Collections.min(dated)),
        Instant.ofEpochMilli(java.util.Collections.max(dated)), LONDON);
    List<Histogram.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i + 1 < bounds.size(); i++) {
      long from = bounds.get(i).toInstant().toEpochMilli();
      long to = bounds.get(i + 1).toInstant().toEpochMilli();
      long count = dated.stream().filter(t -> t >= from && t < to).count();
      buckets.add(new Histogram.Bucket(bounds.get(i), bounds.get(i + 1).toInstant(), count));
    }
    return new Histogram(DateInterval.DAY, LONDON, buckets, undated);
  }

  private static Facets.Dimension dimension(
      FacetDimension d, Map<String, Long> counts, int limit, long withValue) {
    List<FacetCount> all = new ArrayList<>();
    counts.forEach((v, c) -> all.add(new FacetCount(v, c)));
    all.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
    List<FacetCount> top = all.subList(0, Math.min(limit, all.size()));
    return new Facets.Dimension(d, top, all.size() - top.size(), withValue, false);
  }

  private static FacetEngine.Matches matches(Query q) {
    return new FacetEngine.Matches() {
      @Override
      public Query query(FacetDimension without) {
        return q;
      }

      @Override
      public boolean filters(FacetDimension d) {
        return false;
      }

      @Override
      public Instant from() {
        return null;
      }

      @Override
      public Instant to() {
        return null;
      }

      @Override
      public ZoneId zone() {
        return ZoneOffset.UTC;
      }
    };
  }
}
