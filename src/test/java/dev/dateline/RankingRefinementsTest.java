package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refinements of the ranked default measured on TIME: stop words do not score, an article
 * missing only a common word still counts as having all the words, adjacent words found near each
 * other score more; BM25's parameters; and an index of an older format is refused, not searched
 * wrongly.
 */
class RankingRefinementsTest {

  private static NewsIndex index(List<Article> articles) {
    NewsIndex index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    articles.forEach(index::add);
    index.refresh();
    return index;
  }

  private static List<String> ids(NewsIndex index, NewsQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  private static List<Float> scores(NewsIndex index, String text) {
    return index.search(text).hits().stream().map(SearchHit::score).toList();
  }

  private static NewsQuery or(String text) {
    return NewsQuery.builder().text(text).defaultOperator(NewsQuery.Operator.OR).build();
  }

  /**
   * {@code n} filler articles of made-up words; {@code common} is in each of them, and "deal" in
   * one in twelve (8%: not common, but not rare).
   */
  private static List<Article> filler(int n, String common, long seed) {
    Random random = new Random(seed);
    String[] vocabulary = {"harbour", "quay", "lantern", "gravel", "meadow", "copper", "orchard", "tunnel"};
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder body = new StringBuilder(common).append(i % 12 == 0 ? " deal" : "");
      for (int w = 0; w < 30; w++) {
        body.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
      }
      out.add(Article.builder().id("filler-" + i).headline("Filler " + i).bodyText(body + ".").build());
    }
    return out;
  }

  @Test
  void stopWordsDoNotScore() {
    try (NewsIndex index = index(List.of(
        Article.builder().id("many-the").headline("Port").bodyText(
            "The ceasefire and the port and the quay and the lantern and the gravel and the meadow.").build(),
        Article.builder().id("no-the").headline("Port").bodyText(
            "Ceasefire agreed at port after weeks of shelling near quay lantern gravel meadow.").build()))) {
      assertThat(scores(index, "the ceasefire")).isEqualTo(scores(index, "ceasefire"));
      assertThat(scores(index, "ceasefire of the")).isEqualTo(scores(index, "ceasefire"));
      // Required, "the" scores (and matches) again.
      assertThat(scores(index, "+the ceasefire")).isNotEqualTo(scores(index, "ceasefire"));
    }
  }

  @Test
  void anArticleMissingOnlyACommonWordStillHasAllTheWords() {
    List<Article> articles = new ArrayList<>(filler(150, "new", 7));
    // "new" is in every filler article: common. "quiet" misses "new"; "loud" misses "deal" but
    // says "ceasefire" so often that plain OR ranks it first.
    articles.add(Article.builder().id("quiet").headline("Agreement").bodyText(
        "A ceasefire deal was signed in the harbour town after long talks between the two sides.").build());
    articles.add(Article.builder().id("loud").headline("Ceasefire ceasefire").bodyText(
        "New ceasefire, new ceasefire, new ceasefire: ceasefire ceasefire ceasefire.").build());
    try (NewsIndex index = index(articles)) {
      assertThat(ids(index, or("new ceasefire deal")).subList(0, 2)).containsExactly("loud", "quiet");
      assertThat(ids(index, NewsQuery.of("new ceasefire deal")).subList(0, 2)).containsExactly("quiet", "loud");
    }
    // Fewer than 100 articles: no word is common, so "quiet" lacks a word like "loud" does, and
    // BM25 decides as with OR.
    List<Article> small = new ArrayList<>(filler(20, "new", 7));
    small.addAll(articles.subList(150, 152));
    try (NewsIndex index = index(small)) {
      assertThat(ids(index, NewsQuery.of("new ceasefire deal")).subList(0, 2))
          .isEqualTo(ids(index, or("new ceasefire deal")).subList(0, 2));
    }
  }

  @Test
  void allTheWordsComeFirstOnlyForShortQueries() {
    // "broad" has the four words once each in a long article; "narrow" says three of them often
    // in a short one, so BM25 (plain OR) ranks it first. Fillers (fewer than 100: no word is
    // common) give the words their rarity.
    String pad = " harbour quay lantern gravel meadow copper orchard tunnel".repeat(6);
    List<Article> articles = new ArrayList<>(filler(20, "new", 7));
    articles.add(Article.builder().id("broad").headline("Report").bodyText(
        "Walrus" + pad + " pelican" + pad + " zeppelin" + pad + " marmalade.").build());
    articles.add(Article.builder().id("narrow").headline("Walrus pelican zeppelin").bodyText(
        "Walrus, pelican, zeppelin: walrus, pelican, zeppelin, walrus.").build());
    try (NewsIndex index = index(articles)) {
      String four = "walrus pelican zeppelin marmalade";
      assertThat(ids(index, or(four)).subList(0, 2)).containsExactly("narrow", "broad");
      assertThat(ids(index, NewsQuery.of(four)).subList(0, 2)).containsExactly("broad", "narrow");
      // Five words that "broad" all has: a question of five words and more ranks as BM25 says.
      String five = four + " orchard";
      assertThat(ids(index, or(five)).subList(0, 2)).containsExactly("narrow", "broad");
      assertThat(ids(index, NewsQuery.of(five)).subList(0, 2)).containsExactly("narrow", "broad");
    }
  }

  @Test
  void adjacentWordsNearEachOtherRankFirst() {
    String gap = " harbour quay lantern gravel meadow copper orchard tunnel harbour quay lantern gravel ";
    try (NewsIndex index = index(List.of(
        Article.builder().id("a-far").headline("Report").bodyText("Peace" + gap + "talks resumed.").build(),
        Article.builder().id("b-near").headline("Report").bodyText("Peace talks" + gap + "resumed.").build()))) {
      // Same words, same lengths: OR scores them alike (the id breaks the tie); ranked, nearness counts.
      assertThat(ids(index, or("peace talks"))).containsExactly("a-far", "b-near");
      assertThat(ids(index, NewsQuery.of("peace talks"))).containsExactly("b-near", "a-far");
      assertThat(ids(index, NewsQuery.of("talks peace"))).containsExactly("b-near", "a-far");
    }
  }

  @Test
  void bm25ParametersApplyAndAreChecked() {
    assertThat(NewsIndex.Options.defaults().bm25K1()).isEqualTo(1.2f);
    assertThat(NewsIndex.Options.defaults().bm25B()).isEqualTo(0.75f);
    List<Article> articles = List.of(
        Article.builder().id("once").headline("Report").bodyText("Ceasefire near the quay and the harbour.").build(),
        Article.builder().id("thrice").headline("Report").bodyText("Ceasefire, ceasefire, ceasefire, harbour.").build());
    try (NewsIndex defaults = index(articles);
        NewsIndex flat = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none())
            .bm25(0f, 0f).build())) {
      articles.forEach(flat::add);
      flat.refresh();
      assertThat(ids(defaults, NewsQuery.of("ceasefire"))).containsExactly("thrice", "once");
      // k1 = 0: a word counts once however often it occurs; b = 0: length does not matter.
      List<Float> s = scores(flat, "ceasefire");
      assertThat(s.get(0)).isEqualTo(s.get(1));
    }
    assertThatThrownBy(() -> NewsIndex.Options.builder().bm25(-1f, 0.5f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k1");
    assertThatThrownBy(() -> NewsIndex.Options.builder().bm25(1f, 1.5f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b must be between 0 and 1");
    assertThatThrownBy(() -> NewsIndex.Options.builder().bm25(Float.NaN, 0.5f)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIndexOfFormat4IsRefusedWithAdvice(@TempDir Path dir) throws IOException {
    // Format 4 stored every hit field twice (stored fields and hit summary); format 5 reads them
    // from the summary, so a format-4 reader would miss them in a format-5 index and vice versa.
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "old", Field.Store.YES));
      w.addDocument(doc);
      w.setLiveCommitData(java.util.Map.of("dateline.format", "4", "dateline.stories", "false").entrySet());
      w.commit();
    }
    assertThatThrownBy(() -> NewsIndex.open(dir)).isInstanceOf(IndexException.class)
        .hasMessageContaining("Dateline index format 4").hasMessageContaining("rebuild");
    assertThatThrownBy(() -> NewsIndex.openReadOnly(dir)).isInstanceOf(IndexException.class)
        .hasMessageContaining("format 4");
  }

  @Test
  void anIndexOfAnEarlierFormatIsRefusedWithAdvice(@TempDir Path dir) throws IOException {
    // A Lucene index with a document and no Dateline format: what an earlier version left.
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "old", Field.Store.YES));
      w.addDocument(doc);
    }
    assertThatThrownBy(() -> NewsIndex.open(dir)).isInstanceOf(IndexException.class)
        .hasMessageContaining("earlier version of Dateline").hasMessageContaining("rebuild");
    assertThatThrownBy(() -> NewsIndex.openReadOnly(dir)).isInstanceOf(IndexException.class)
        .hasMessageContaining("rebuild");
  }

  @Test
  void anIndexOfThisFormatReopens(@TempDir Path dir) {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(Article.builder().id("a").headline("Ceasefire holds").bodyText("Talks go on.").build());
    }
    try (NewsIndex index = NewsIndex.openReadOnly(dir)) {
      assertThat(ids(index, NewsQuery.of("ceasefire"))).containsExactly("a");
    }
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertThat(index.search("talks").hits()).hasSize(1);
    }
  }
}
