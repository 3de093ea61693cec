package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ranked default in a date order: a list by date has no "all the words first", so it holds
 * only the articles with all the words (stop words aside), unless none has them all.
 */
class DateOrderAllWordsTest {
  private static NewsIndex index;

  @BeforeAll
  static void index() {
    index = NewsIndex.inMemory(NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).build());
    add("both-old", "Herald", "2026-01-05T08:00:00Z", "Harbour oil minister resigns", "The harbour oil minister resigned.");
    add("oil-new", "Wire", "2026-03-01T08:00:00Z", "Oil prices rise", "Oil rose on supply worries.");
    add("both-mid", "Wire", "2026-02-01T08:00:00Z", "Kuwait raises oil output", "Kuwait said oil output would rise.");
    add("kuwait-newest", "Herald", "2026-03-05T08:00:00Z", "Kuwait opens stadium", "Kuwait opened a stadium.");
    add("both-new", "Herald", "2026-02-20T08:00:00Z", "Kuwait oil talks", "Kuwait and buyers discussed oil contracts.");
    add("other", "Wire", "2026-03-06T08:00:00Z", "Markets calm", "Shares were little changed.");
    index.refresh();
  }

  private static void add(String id, String source, String published, String headline, String body) {
    index.add(Article.builder().id(id).source(source).published(published).headline(headline).bodyText(body).build());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static NewsQuery.Builder query(String text, SortOrder sort) {
    return NewsQuery.builder().text(text).sort(sort).exactTotal(true);
  }

  private static List<String> ids(NewsQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void aDateOrderListsOnlyTheArticlesWithAllTheWords() {
    assertThat(ids(query("kuwait oil", SortOrder.NEWEST).build())).containsExactly("both-new", "both-mid");
    assertThat(ids(query("kuwait oil", SortOrder.OLDEST).build())).containsExactly("both-mid", "both-new");
    // Stop words are not required; relevance still takes any word, articles with all first.
    assertThat(ids(query("the kuwait oil", SortOrder.NEWEST).build())).containsExactly("both-new", "both-mid");
    assertThat(ids(query("kuwait oil", SortOrder.RELEVANCE).build()))
        .hasSize(5).doesNotContain("other");
    assertThat(ids(query("kuwait oil", SortOrder.RELEVANCE).build()).subList(0, 2))
        .containsExactlyInAnyOrder("both-new", "both-mid");
    // The operators that say what to match are kept.
    assertThat(ids(query("kuwait oil", SortOrder.NEWEST).defaultOperator(NewsQuery.Operator.OR).build()))
        .containsExactly("kuwait-newest", "oil-new", "both-new", "both-mid", "both-old");
    assertThat(ids(query("kuwait OR harbour", SortOrder.NEWEST).build()).size()).isEqualTo(4);
  }

  @Test
  void withoutAnArticleThatHasAllTheWordsAnyWordWillDo() {
    NewsQuery q = query("kuwait zzunknownword", SortOrder.NEWEST).build();
    assertThat(ids(q)).containsExactly("kuwait-newest", "both-new", "both-mid");
    assertThat(index.count(q)).isEqualTo(3);
  }

  @Test
  void countsFacetsAndPagesAgreeWithTheList() {
    NewsQuery q = query("kuwait oil", SortOrder.NEWEST).build();
    SearchResults r = index.search(q, FacetRequest.builder().dimensions(FacetDimension.SOURCE).build());
    assertThat(r.total()).isEqualTo(2);
    assertThat(index.count(q)).isEqualTo(2);
    assertThat(r.facets().counts(FacetDimension.SOURCE)).extracting(FacetCount::count).containsExactly(1L, 1L);
    assertThat(index.facets(q, FacetRequest.builder().dimensions(FacetDimension.SOURCE).build()).matches()).isEqualTo(2);
    List<String> paged = new ArrayList<>();
    NewsQuery page = q.toBuilder().limit(1).build();
    while (page != null) {
      SearchResults p = index.search(page);
      p.hits().forEach(h -> paged.add(h.id()));
      page = p.next() == null ? null : page.after(p.next());
    }
    assertThat(paged).containsExactly("both-new", "both-mid");
  }
}
