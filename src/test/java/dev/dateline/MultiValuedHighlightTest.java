package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dateline.internal.index.Schema;
import dev.dateline.internal.search.QueryCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Highlights in multi-valued fields (body paragraphs, bullets, ...) cover exactly the words that
 * matched, in every value, not just the first: never part of a word, never shifted.
 */
class MultiValuedHighlightTest {
  private static final Schema SCHEMA = new Schema(1_000_000);

  private static NewsIndex newIndex() {
    return NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
  }

  // ------------------------------------------------------------------ examples

  /** The reported case: an inflected word in the first value shifted the marks of the second. */
  @Test
  void phraseInTheSecondParagraphIsMarkedWhole() {
    try (NewsIndex index = newIndex()) {
      index.add(Article.builder().id("a").headline("h").body(List.of("Russians x", "y Russian official")).build());
      index.refresh();
      SearchHit hit = index.search("body:\"Russian official\"").hits().get(0);
      assertThat(hit.snippet()).isEqualTo("y <em>Russian official</em>");
      assertThat(hit.highlight().text()).isEqualTo("y Russian official");
      assertThat(hit.highlight().matches()).containsExactly(new Snippet.Match(2, 18));
      // Unquoted, each word is marked wherever its stem occurs; adjacent words are also a
      // proximity match, marked as one.
      assertThat(index.search("Russian official").hits().get(0).snippet())
          .isEqualTo("<em>Russians</em> x … y <em>Russian official</em>");
      assertThat(index.search("Russian OR official").hits().get(0).snippet())
          .isEqualTo("<em>Russians</em> x … y <em>Russian</em> <em>official</em>");
      assertThat(index.search("\"officials\" OR \"Russians\"").hits().get(0).snippet())
          .isEqualTo("<em>Russians</em> x");
    }
  }

  @Test
  void inflectedWordsInLaterBulletsAreMarkedWhole() {
    try (NewsIndex index = newIndex()) {
      index.add(
          Article.builder()
              .id("a")
              .headline("h")
              .bullets(List.of("Officials’ talks stalled", "Negotiators talked; policies changed", "The talks ended"))
              .build());
      index.refresh();
      assertThat(index.search("\"policies changed\"").hits().get(0).snippet())
          .isEqualTo("Negotiators talked; <em>policies changed</em>");
      assertThat(index.search("\"talked\"").hits().get(0).snippet())
          .isEqualTo("Negotiators <em>talked</em>; policies changed");
    }
  }

  @Test
  void snippetKeepsItsShapeBodyFirstCollapsedWhiteSpaceEllipsisAndOpening() {
    try (NewsIndex index = newIndex()) {
      StringBuilder filler = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        filler.append("Filler sentence number ").append(i).append(" says nothing. ");
      }
      index.add(
          Article.builder()
              .id("a")
              .headline("Storm hits")
              .bullets(List.of("Floods   in\nthe north", "Winds too"))
              .body(List.of(
                  "  The storm\n\narrived at dawn.  " + filler,
                  "Later the\tstorm left.",
                  "Winds  died down."))
              .build());
      index.refresh();
      // Body has the word: its best passages, white space collapsed, " … " between them.
      assertThat(index.search("storm").hits().get(0).snippet())
          .isEqualTo("The <em>storm</em> arrived at dawn. … Later the <em>storm</em> left.");
      // Only the bullets have it: the bullets.
      assertThat(index.search("floods").hits().get(0).snippet()).isEqualTo("<em>Floods</em> in the north");
      // Matched elsewhere only: the opening of the body, unmarked.
      SearchHit opening = index.search("headline:hits").hits().get(0);
      assertThat(opening.highlight().matches()).isEmpty();
      assertThat(opening.snippet()).isEqualTo("The storm arrived at dawn.");
    }
  }

  @Test
  void aPhraseAcrossASentenceBreakIsMarkedWhole() {
    try (NewsIndex index = newIndex()) {
      index.add(Article.builder().id("a").headline("h").body(List.of("We want peace. Officials met.", "Later.")).build());
      index.refresh();
      // "want" opens the first sentence's passage; the phrase starts in it and ends in the next.
      assertThat(index.search("want \"peace officials\"").hits().get(0).snippet())
          .isEqualTo("We <em>want</em> <em>peace. Officials</em>");
    }
  }

  @Test
  void collapsingWhiteSpaceMovesTheMatchesWithTheText() {
    String raw = "  a\u0000\u0000bc \n\t d\u2029e  ";
    Snippet s =
        Highlighting.collapse(
            raw, List.of(new int[] {2, 3}, new int[] {5, 7}, new int[] {10, 13}), "<em>", "</em>");
    assertThat(s.text()).isEqualTo("a bc d e");
    assertThat(s.matchedText()).containsExactly("a", "bc", "d");
    assertThat(s.html()).isEqualTo("<em>a</em> <em>bc</em> <em>d</em> e");
  }

  // ------------------------------------------------------------------ properties

  /** Random articles, random queries, through the public API: every mark is a whole matching word. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 20260214})
  void randomArticlesAndQueriesMarkOnlyWholeMatchingWords(long seed) {
    Random random = new Random(seed);
    Generator gen = new Generator(random);
    Map<String, Article> articles = new LinkedHashMap<>();
    try (NewsIndex index = newIndex()) {
      for (int i = 0; i < 30; i++) {
        Article a = gen.article("a" + i);
        articles.put(a.id(), a);
        index.add(a);
      }
      index.refresh();
      for (int q = 0; q < 120; q++) {
        GenQuery query = gen.query();
        String context = "seed " + seed + ", query " + q + ": " + query.text;
        List<SearchHit> hits;
        try {
          hits = index.search(NewsQuery.builder().text(query.text.toString()).limit(50).build()).hits();
        } catch (AssertionError e) {
          throw new AssertionError(context + ": " + e, e);
        }
        Set<String> allowed = query.terms(SearchField.BODY, SearchField.BULLETS);
        for (SearchHit hit : hits) {
          Article a = articles.get(hit.id());
          String where = context + ", article " + a;
          Snippet s = hit.highlight();
          if (a.body().isEmpty() && a.bullets().isEmpty()) {
            assertThat(s).as(where).isNull();
            continue;
          }
          assertThat(s).as(where).isNotNull();
          SnippetEscapingTest.assertOnlyMarkersAreMarkup(hit, "<em>", "</em>");
          assertWholeMatchingWords(s, allowed, where);
          List<String> values = new ArrayList<>(a.body());
          values.addAll(a.bullets());
          assertMatchesAreInValues(s, values, where);
          String word = query.singleWord(SearchField.BODY, SearchField.BULLETS);
          if (word != null && (contains(a.body(), word) || contains(a.bullets(), word))) {
            assertThat(s.matches()).as("a word of body or bullets is marked; " + where).isNotEmpty();
          }
        }
      }
    }
  }

  /**
   * The same with every text field and every passage highlighted (the public snippet shows only
   * the best passages of body or bullets): offsets are right in every value of every field.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 77})
  void everyValueOfEveryTextFieldIsMarkedOnWholeMatchingWords(long seed) throws IOException {
    Random random = new Random(seed);
    Generator gen = new Generator(random);
    List<Article> articles = new ArrayList<>();
    QueryCompiler compiler =
        new QueryCompiler(SCHEMA, NewsIndex.Options.defaults().boosts(), EntityExtractor.none(), true);
    SearchField[] fields = SearchField.values();
    String[] names = new String[fields.length];
    int[] maxPassages = new int[fields.length];
    for (int f = 0; f < fields.length; f++) {
      names[f] = Schema.field(fields[f]);
      maxPassages[f] = 1000;
    }
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SCHEMA.analyzer()))) {
      for (int i = 0; i < 25; i++) {
        Article a = gen.article("a" + i);
        articles.add(a);
        writer.addDocument(SCHEMA.toDocument(a));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Highlighting highlighting = new Highlighting(searcher, SCHEMA.analyzer(), "<em>", "</em>", 100_000);
        for (int q = 0; q < 100; q++) {
          GenQuery query = gen.query();
          String context = "seed " + seed + ", query " + q + ": " + query.text;
          NewsQuery parsed = NewsQuery.of(query.text.toString());
          Query text = compiler.compile(parsed, parsed.parsed(), reader).text();
          if (text == null) {
            continue;
          }
          ScoreDoc[] docs = searcher.search(text, 100).scoreDocs;
          int[] ids = new int[docs.length];
          for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
          }
          Map<String, Snippet[]> byField;
          try {
            byField = highlighting.highlight(names, text, ids, maxPassages);
          } catch (AssertionError e) {
            throw new AssertionError(context + ": " + e, e);
          }
          Article[] hits = new Article[ids.length];
          for (int i = 0; i < ids.length; i++) {
            hits[i] = Schema.article(searcher, ids[i]);
          }
          for (int f = 0; f < fields.length; f++) {
            Set<String> allowed = query.terms(fields[f]);
            for (int i = 0; i < ids.length; i++) {
              Snippet s = byField.get(names[f])[i];
              if (s == null) {
                continue;
              }
              Article a = hits[i];
              String where = context + ", field " + names[f] + ", article " + a;
              assertWholeMatchingWords(s, allowed, where);
              assertMatchesAreInValues(s, values(a, fields[f]), where);
              String word = query.singleWord(fields[f]);
              if (word != null && contains(values(a, fields[f]), word)) {
                assertThat(s.matches()).as("a word of the field is marked; " + where).isNotEmpty();
              }
            }
          }
        }
      }
    }
  }

  private static List<String> values(Article a, SearchField f) {
    return switch (f) {
      case HEADLINE -> a.headline() == null ? List.of() : List.of(a.headline());
      case BULLETS -> a.bullets();
      case SUBHEADS -> a.subheads();
      case BODY -> a.body();
      case CAPTIONS -> a.captions();
      case BYLINE -> a.byline() == null ? List.of() : List.of(a.byline());
    };
  }

  // ------------------------------------------------------------------ checks

  /** A word of a snippet's text: its offsets there and its terms (stem, and exact form if any). */
  private record Word(int start, int end, Set<String> terms) {}

  private static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    try (TokenStream ts = SCHEMA.analyzer().tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (posInc.getPositionIncrement() == 0 && !out.isEmpty()) {
          out.get(out.size() - 1).terms().add(term.toString());
        } else {
          Set<String> terms = new HashSet<>();
          terms.add(term.toString());
          out.add(new Word(offset.startOffset(), offset.endOffset(), terms));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Every match starts at the start of a word and ends at the end of one, cuts no word, and every
   * word in it has a term of the query.
   */
  private static void assertWholeMatchingWords(Snippet s, Set<String> allowed, String where) {
    List<Word> words = words(s.text());
    for (Snippet.Match m : s.matches()) {
      String what = "match " + m + " '" + s.text().substring(m.start(), m.end()) + "' in '" + s.text()
          + "' (query terms " + allowed + "); " + where;
      List<Word> inside = new ArrayList<>();
      for (Word w : words) {
        boolean overlaps = w.start() < m.end() && w.end() > m.start();
        if (!overlaps) {
          continue;
        }
        assertThat(w.start() >= m.start() && w.end() <= m.end())
            .as("the match cuts the word '%s'; %s", s.text().substring(w.start(), w.end()), what)
            .isTrue();
        inside.add(w);
      }
      assertThat(inside).as("the match covers no word; " + what).isNotEmpty();
      assertThat(inside.get(0).start()).as("the match starts inside or before a word; " + what).isEqualTo(m.start());
      assertThat(inside.get(inside.size() - 1).end()).as("the match ends off a word; " + what).isEqualTo(m.end());
      for (Word w : inside) {
        assertThat(w.terms())
            .as("word '%s' is no query term; %s", s.text().substring(w.start(), w.end()), what)
            .containsAnyElementsOf(allowed);
      }
    }
  }

  /** Each matched text is in one of the values (compared with white space collapsed). */
  private static void assertMatchesAreInValues(Snippet s, List<String> values, String where) {
    List<String> collapsed = values.stream().map(v -> v.replaceAll("\\s+", " ")).toList();
    for (String matched : s.matchedText()) {
      assertThat(collapsed.stream().anyMatch(v -> v.contains(matched)))
          .as("matched text '%s' is in no value; %s", matched, where)
          .isTrue();
    }
  }

  /** Whether a value has a word whose stem is the stem of {@code word}. */
  private static boolean contains(List<String> values, String word) {
    List<String> stem = SCHEMA.analyze("body", word, false);
    if (stem.size() != 1) {
      return false;
    }
    for (String v : values) {
      if (SCHEMA.analyze("body", v, false).contains(stem.get(0))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ generators

  /** Word families: inflections, possessives (straight and curly), case, diacritics, compounds. */
  private static final String[][] FAMILIES = {
    {"official", "officials", "Official's", "OFFICIALS", "officials’"},
    {"Russian", "Russians", "Russia", "Russia's", "Russia’s"},
    {"talk", "talks", "talked", "talking", "Talks"},
    {"policy", "policies", "Policies"},
    {"strike", "strikes", "struck", "striking"},
    {"negotiate", "negotiated", "negotiating", "negotiators"},
    {"child", "children", "children's"},
    {"Zelenskyy", "Zélenskyy", "ZELENSKYY", "Zelenskyy’s"},
    {"Kyiv", "Kyiv's", "Kyiv’s", "KYIV"},
    {"naïve", "naive", "Naïveté"},
    {"café", "cafe", "cafés"},
    {"ceasefire", "cease-fire", "ceasefires"},
    {"U.S.", "US"},
    {"2026", "3.5"},
    {"peace"}, {"the"}, {"of"}, {"a"}, {"in"}, {"war"}, {"Ukraine"}, {"energy"}, {"truce"},
    {"em"}, {"script"}, {"amp"}, {"Hamas", "Hama"}, {"universities", "university"},
  };

  private static final String[] PREFIXES = {"", "", "", "", "“", "\"", "(", "‘", "<b>", "&lt;", "'"};
  private static final String[] SUFFIXES = {
    "", "", "", "", "", ",", ".", "”", "’", ")", ":", "!", "</em>", "&amp;", "…", "?", ";", "'"
  };
  private static final String[] SEPARATORS = {" ", " ", " ", " ", "  ", "\n", " — ", "\t", " - "};

  /** A generated query: its text and the clauses that can mark words. */
  private static final class GenQuery {
    final StringBuilder text = new StringBuilder();
    /** field (null: all text fields), words, quoted. */
    final List<Object[]> clauses = new ArrayList<>();

    GenQuery clause(SearchField field, String words, boolean quoted) {
      clauses.add(new Object[] {field, words, quoted});
      return this;
    }

    /** The indexed terms the query can mark in any of these fields. */
    Set<String> terms(SearchField... fields) {
      Set<String> out = new HashSet<>();
      for (Object[] c : clauses) {
        SearchField f = (SearchField) c[0];
        if (f == null || List.of(fields).contains(f)) {
          out.addAll(SCHEMA.analyze("body", (String) c[1], (Boolean) c[2]));
        }
      }
      return out;
    }

    /** The word of a one-word unquoted query that applies to one of these fields, else null. */
    String singleWord(SearchField... fields) {
      if (clauses.size() != 1) {
        return null;
      }
      Object[] c = clauses.get(0);
      SearchField f = (SearchField) c[0];
      boolean applies = f == null || List.of(fields).contains(f);
      return applies && !(Boolean) c[2] && !((String) c[1]).contains(" ") ? (String) c[1] : null;
    }
  }

  private static final class Generator {
    private final Random random;
    /** The bare words of every generated value, for phrases that occur. */
    private final List<List<String>> runs = new ArrayList<>();

    Generator(Random random) {
      this.random = random;
    }

    String word() {
      String[] family = FAMILIES[random.nextInt(FAMILIES.length)];
      return family[random.nextInt(family.length)];
    }

    String value(int maxWords) {
      int n = random.nextInt(maxWords + 1);
      List<String> bare = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      if (random.nextInt(8) == 0) {
        sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      }
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        String w = word();
        bare.add(w);
        boolean decorate = random.nextInt(4) == 0;
        sb.append(decorate ? PREFIXES[random.nextInt(PREFIXES.length)] : "").append(w);
        sb.append(decorate ? SUFFIXES[random.nextInt(SUFFIXES.length)] : "");
        if (random.nextInt(7) == 0) {
          sb.append(". "); // sentence ends, so fields have several passages
        }
      }
      if (n == 0 && random.nextBoolean()) {
        sb.append(" — ");
      }
      runs.add(bare);
      return sb.toString();
    }

    List<String> values(int max, int maxWords) {
      int n = random.nextInt(max + 1);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(value(maxWords));
      }
      return out;
    }

    Article article(String id) {
      List<String> body = values(6, 30);
      Article.Builder b =
          Article.builder()
              .id(id)
              .headline(random.nextInt(6) == 0 && body.stream().anyMatch(v -> v.chars().anyMatch(Character::isLetter)) ? null : word() + " " + value(8))
              .body(body)
              .bullets(values(4, 12))
              .subheads(values(2, 6))
              .captions(values(2, 10));
      if (random.nextBoolean()) {
        b.byline("By " + word() + " " + word());
      }
      return b.build();
    }

    /** A phrase of two or three words that occurs (as bare words) in some value. */
    String phrase() {
      for (int tries = 0; tries < 20; tries++) {
        List<String> run = runs.get(random.nextInt(runs.size()));
        if (run.size() >= 2) {
          int len = Math.min(run.size(), 2 + random.nextInt(2));
          int from = random.nextInt(run.size() - len + 1);
          return String.join(" ", run.subList(from, from + len));
        }
      }
      return word() + " " + word();
    }

    GenQuery query() {
      SearchField[] restrictable = {SearchField.BODY, SearchField.BULLETS, SearchField.HEADLINE, SearchField.CAPTIONS};
      switch (random.nextInt(7)) {
        case 0, 1 -> {
          return term(new GenQuery(), null, word());
        }
        case 2 -> {
          return phrase(new GenQuery(), null, word());
        }
        case 3 -> {
          return phrase(new GenQuery(), null, phrase());
        }
        case 4 -> {
          SearchField f = restrictable[random.nextInt(restrictable.length)];
          return random.nextBoolean() ? term(new GenQuery(), f, word()) : phrase(new GenQuery(), f, phrase());
        }
        case 5 -> {
          GenQuery q = term(new GenQuery(), null, word());
          q.text.append(" OR ");
          return term(q, null, word());
        }
        default -> {
          GenQuery q = term(new GenQuery(), null, word());
          q.text.append(' ');
          return phrase(q, null, phrase());
        }
      }
    }

    /**
     * Adds a word as an unquoted term; one with characters other than letters and digits is quoted
     * so the query syntax cannot take them for operators, which makes it match as a phrase does.
     */
    private static GenQuery term(GenQuery q, SearchField f, String w) {
      if (!w.matches("[\\p{L}\\p{N}]+")) {
        return phrase(q, f, w);
      }
      q.text.append(f == null ? "" : f.key() + ":").append(w);
      return q.clause(f, w, false);
    }

    private static GenQuery phrase(GenQuery q, SearchField f, String p) {
      q.text.append(f == null ? "" : f.key() + ":").append('"').append(p).append('"');
      return q.clause(f, p, true);
    }
  }
}
