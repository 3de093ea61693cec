package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the text fields weigh in the ranking of words without a field: scored together (BM25F, the
 * default), a headline match adds to the body's evidence instead of replacing it, and still counts
 * for more than one body match; the same with boosts other than the defaults (scored at search
 * time). With combined field scoring off, the best field counts.
 */
class FieldWeightingTest {

  /** A body of {@code words} words: {@code word} {@code times} times among neutral filler. */
  private static List<String> body(String word, int times, int words) {
    List<String> w = new ArrayList<>(Collections.nCopies(words - times, "harbour"));
    for (int i = 0; i < times; i++) {
      w.set(i * (w.size() / Math.max(1, times)), w.get(i * (w.size() / Math.max(1, times))) + " " + word);
    }
    return List.of(String.join(" ", w) + ".");
  }

  private static NewsIndex index(NewsIndex.Options.Builder options, Article... articles) {
    NewsIndex index =
        NewsIndex.inMemory(options.entityExtractor(EntityExtractor.none()).build());
    for (Article a : articles) {
      index.add(a);
    }
    index.refresh();
    return index;
  }

  private static List<String> ids(NewsIndex index, String text) {
    return index.search(text).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void oneHeadlineMatchDoesNotBuryManyBodyMatches() {
    // Both articles have four-word headlines and 40-word bodies. With the old dis-max (best field
    // times its boost) the single headline match scored 3 x a short field's BM25 and beat six
    // body matches; scored together, six body occurrences outweigh one headline occurrence (3).
    try (NewsIndex index = index(NewsIndex.Options.builder(),
        Article.builder().id("headline-once").headline("Ceasefire holds in port")
            .body(body("ceasefire", 0, 40)).build(),
        Article.builder().id("body-many").headline("Talks resume in port")
            .body(body("ceasefire", 6, 40)).build())) {
      assertThat(ids(index, "ceasefire")).containsExactly("body-many", "headline-once");
      // The same with another word both bodies have: the body evidence for "ceasefire" is not
      // dropped.
      assertThat(ids(index, "harbour ceasefire")).containsExactly("body-many", "headline-once");
    }
  }

  @Test
  void otherBoostsScoreTheFieldsTogetherAtSearchTime() {
    // Headline 2 and body 1 are not the index's weights (3 and 1), so single words are scored
    // with CombinedFieldQuery; the body evidence still adds up.
    try (NewsIndex index = index(NewsIndex.Options.builder().boost(SearchField.HEADLINE, 2f),
        Article.builder().id("headline-once").headline("Ceasefire holds in port")
            .body(body("ceasefire", 0, 40)).build(),
        Article.builder().id("body-many").headline("Talks resume in port")
            .body(body("ceasefire", 6, 40)).build(),
        Article.builder().id("in-body").headline("Talks resume in port")
            .body(body("ceasefire", 1, 40)).build())) {
      assertThat(ids(index, "ceasefire")).containsExactly("body-many", "headline-once", "in-body");
    }
  }

  @Test
  void combinedFieldScoringIsTheDefault_bestFieldOnRequest() {
    assertThat(NewsIndex.Options.defaults().combinedFieldScoring()).isTrue();
    try (NewsIndex index =
        NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none())
            .combinedFieldScoring(false).build())) {
      index.add(Article.builder().id("headline-once").headline("Ceasefire holds in port")
          .body(body("ceasefire", 0, 40)).build());
      index.add(Article.builder().id("body-many").headline("Talks resume in port")
          .body(body("ceasefire", 6, 40)).build());
      index.refresh();
      assertThat(ids(index, "ceasefire")).containsExactly("headline-once", "body-many");
    }
  }

  @Test
  void headlineMatchStillCountsMoreThanOneBodyMatch() {
    try (NewsIndex index = index(NewsIndex.Options.builder(),
        Article.builder().id("in-body").headline("Talks resume in port")
            .body(body("ceasefire", 1, 40)).build(),
        Article.builder().id("in-headline").headline("Ceasefire holds in port")
            .body(body("ceasefire", 0, 40)).build())) {
      assertThat(ids(index, "ceasefire")).containsExactly("in-headline", "in-body");
      // Quoted, the word is matched by its exact form, and weighted the same way.
      assertThat(ids(index, "\"ceasefire\"")).containsExactly("in-headline", "in-body");
      // The highlighter still finds the word in the combined query.
      SearchHit inBody = index.search("ceasefire").hits().get(1);
      assertThat(inBody.snippet()).contains("<em>ceasefire</em>");
    }
  }

  @Test
  void theBoostsAreTheFieldWeights() {
    Article inBody = Article.builder().id("in-body").headline("Talks resume in port")
        .body(body("ceasefire", 1, 40)).build();
    Article inHeadline = Article.builder().id("in-headline").headline("Ceasefire holds in port")
        .body(body("ceasefire", 0, 40)).build();
    // The body weighted 10 times the headline: one body match outweighs one headline match.
    try (NewsIndex index = index(NewsIndex.Options.builder()
        .boost(SearchField.HEADLINE, 1f).boost(SearchField.BODY, 10f), inBody, inHeadline)) {
      assertThat(ids(index, "ceasefire")).containsExactly("in-body", "in-headline");
    }
    // Only the ratios matter for a word: every boost times 4 gives the same scores.
    try (NewsIndex a = index(NewsIndex.Options.builder(), inBody, inHeadline);
        NewsIndex b = index(scaled(4f), inBody, inHeadline)) {
      assertThat(a.search("ceasefire").hits()).extracting(SearchHit::score)
          .isEqualTo(b.search("ceasefire").hits().stream().map(SearchHit::score).toList());
    }
  }

  private static NewsIndex.Options.Builder scaled(float factor) {
    NewsIndex.Options.Builder b = NewsIndex.Options.builder();
    for (SearchField f : SearchField.values()) {
      b.boost(f, f.defaultBoost() * factor);
    }
    return b;
  }

  @Test
  void fieldRestrictedWordsAndPhrasesStillMatchAsBefore() {
    try (NewsIndex index = index(NewsIndex.Options.builder(),
        Article.builder().id("in-body").headline("Talks resume in port")
            .body(body("ceasefire", 1, 40)).build(),
        Article.builder().id("in-headline").headline("Ceasefire holds in port")
            .body(body("ceasefire", 0, 40)).build())) {
      assertThat(ids(index, "headline:ceasefire")).containsExactly("in-headline");
      assertThat(ids(index, "body:ceasefire")).containsExactly("in-body");
      assertThat(ids(index, "\"ceasefire holds\"")).containsExactly("in-headline");
      assertThat(ids(index, "ceasefire -headline:ceasefire")).containsExactly("in-body");
      assertThat(ids(index, "ceasefire AND talks")).containsExactly("in-body");
      assertThat(ids(index, "ceasefire talks")).containsExactly("in-body", "in-headline"); // ranked
    }
  }
}
