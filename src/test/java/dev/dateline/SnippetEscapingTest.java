package dev.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Snippets are safe HTML by construction: the article's own text is escaped, and the only markup in
 * {@link SearchHit#snippet()} is the configured highlight markers. The plain form ({@link
 * SearchHit#highlight()}) has the article's text unescaped with the offsets of the matches.
 */
class SnippetEscapingTest {
  private static final String PRE = "<em>";
  private static final String POST = "</em>";

  private final NewsIndex index = NewsIndex.inMemory(options().build());

  @AfterEach
  void close() {
    index.close();
  }

  private static NewsIndex.Options.Builder options() {
    return NewsIndex.Options.builder().entityExtractor(EntityExtractor.none());
  }

  private SearchHit hit(NewsIndex in, String query, String... body) {
    in.add(Article.builder().id("a").headline("Headline").body(List.of(body)).build());
    in.refresh();
    List<SearchHit> hits = in.search(query).hits();
    assertThat(hits).as(query).hasSize(1);
    return hits.get(0);
  }

  private SearchHit hit(String query, String... body) {
    return hit(index, query, body);
  }

  @Test
  void scriptTagsComeBackEscaped() {
    SearchHit h = hit("officials", "<script>alert(1)</script> Officials met in Geneva.");
    assertThat(h.snippet())
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <em>Officials</em> met in Geneva.")
        .doesNotContain("<script");
    assertThat(h.highlight().text()).isEqualTo("<script>alert(1)</script> Officials met in Geneva.");
    assertThat(h.highlight().matchedText()).containsExactly("Officials");
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void aQueryTermInsideATagIsMarkedButTheTagStaysEscaped() {
    SearchHit h = hit("script", "<script>alert(1)</script> then talks.");
    assertThat(h.snippet())
        .isEqualTo("&lt;<em>script</em>&gt;alert(1)&lt;/<em>script</em>&gt; then talks.");
    assertThat(h.highlight().matchedText()).containsExactly("script", "script");
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void attributesAndEventHandlersComeBackEscaped() {
    SearchHit h = hit("onerror", "Look <img src=x onerror=alert(1)> here.");
    assertThat(h.snippet()).isEqualTo("Look &lt;img src=x <em>onerror</em>=alert(1)&gt; here.");
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void quotesInAttributesAreEscaped() {
    SearchHit h =
        hit("click", "<a href=\"javascript:alert('x')\" title='hi' onclick=\"go()\">click</a> now");
    assertThat(h.snippet())
        .isEqualTo(
            "&lt;a href=&quot;javascript:alert(&#39;x&#39;)&quot; title=&#39;hi&#39;"
                + " onclick=&quot;go()&quot;&gt;<em>click</em>&lt;/a&gt; now")
        .doesNotContain("\"")
        .doesNotContain("'");
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void entitiesAlreadyInTheTextAreEscapedAgainNotDecoded() {
    SearchHit h = hit("script", "Escaped &lt;script&gt;alert(1)&lt;/script&gt; &amp; AT&T &#60;b&#62;");
    assertThat(h.snippet())
        .isEqualTo(
            "Escaped &amp;lt;<em>script</em>&amp;gt;alert(1)&amp;lt;/<em>script</em>&amp;gt;"
                + " &amp;amp; AT&amp;T &amp;#60;b&amp;#62;");
    assertThat(h.highlight().text())
        .isEqualTo("Escaped &lt;script&gt;alert(1)&lt;/script&gt; &amp; AT&T &#60;b&#62;");
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void theArticlesOwnMarkersCannotCloseOrForgeOne() {
    SearchHit h = hit("ceasefire", "A </em> stray, a <em>forged</em> mark and an unclosed <b ceasefire");
    assertThat(h.snippet())
        .isEqualTo(
            "A &lt;/em&gt; stray, a &lt;em&gt;forged&lt;/em&gt; mark and an unclosed &lt;b"
                + " <em>ceasefire</em>");
    assertThat(count(h.snippet(), PRE)).isEqualTo(1);
    assertThat(count(h.snippet(), POST)).isEqualTo(1);
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void aMatchRightAfterBrokenMarkupIsMarkedAsAWholeWord() {
    SearchHit h = hit("em", "<em>em</em> and </em");
    assertThat(h.highlight().text()).isEqualTo("<em>em</em> and </em");
    // "em" is a word of the text three times; each is marked, the markup around stays escaped.
    assertThat(h.snippet())
        .isEqualTo("&lt;<em>em</em>&gt;<em>em</em>&lt;/<em>em</em>&gt; and &lt;/<em>em</em>");
    assertOnlyMarkersAreMarkup(h, PRE, POST);
  }

  @Test
  void customHighlightTagsAreTheOnlyMarkup() {
    String pre = "<mark class=\"hit\">";
    String post = "</mark>";
    try (NewsIndex own = NewsIndex.inMemory(options().highlightTags(pre, post).build())) {
      SearchHit h = hit(own, "talks", "<mark>fake</mark> peace talks \"resumed\" </mark>");
      assertThat(h.snippet())
          .isEqualTo(
              "&lt;mark&gt;fake&lt;/mark&gt; peace <mark class=\"hit\">talks</mark> &quot;resumed&quot;"
                  + " &lt;/mark&gt;");
      assertThat(h.highlight().pre()).isEqualTo(pre);
      assertThat(h.highlight().post()).isEqualTo(post);
      assertOnlyMarkersAreMarkup(h, pre, post);
    }
  }

  @Test
  void bulletsAndTheOpeningAreEscapedToo() {
    index.add(
        Article.builder()
            .id("b")
            .headline("Storm <i>warning</i>")
            .bullets(List.of("<b>Floods</b> & \"winds\""))
            .body(List.of("<p>Rain</p> fell & fell."))
            .build());
    index.refresh();
    SearchHit bullets = index.search("floods").hits().get(0);
    assertThat(bullets.snippet()).isEqualTo("&lt;b&gt;<em>Floods</em>&lt;/b&gt; &amp; &quot;winds&quot;");
    assertOnlyMarkersAreMarkup(bullets, PRE, POST);
    SearchHit opening = index.search("headline:warning").hits().get(0);
    assertThat(opening.highlight().matches()).isEmpty();
    assertThat(opening.snippet()).isEqualTo("&lt;p&gt;Rain&lt;/p&gt; fell &amp; fell.");
    assertOnlyMarkersAreMarkup(opening, PRE, POST);
  }

  @Test
  void snippetIsNullWithoutHighlightingAndWithoutBodyOrBullets() {
    index.add(Article.builder().id("h").headline("Only <b>a</b> headline").build());
    index.refresh();
    SearchHit h = index.search("headline").hits().get(0);
    assertThat(h.highlight()).isNull();
    assertThat(h.snippet()).isNull();
    SearchHit off = index.search(NewsQuery.builder().text("headline").highlight(false).build()).hits().get(0);
    assertThat(off.snippet()).isNull();
  }

  @Test
  void htmlEscapesTheFiveCharactersAndOnlyThose() {
    Snippet s = new Snippet("a&b<c>d\"e'f/g é … x", List.of(new Snippet.Match(18, 19)), "<em>", "</em>");
    assertThat(s.html()).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f/g é … <em>x</em>");
    assertThat(s.html("[", "]")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f/g é … [x]");
    assertThat(s.matchedText()).containsExactly("x");
  }

  @Test
  void snippetPartsAreChecked() {
    List<Snippet.Match> none = List.of();
    assertThatThrownBy(() -> new Snippet.Match(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Snippet.Match(3, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Match(1, 4)), "<em>", "</em>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Snippet(
                "abcdef", List.of(new Snippet.Match(2, 4), new Snippet.Match(3, 5)), "<em>", "</em>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Snippet(null, none, "<em>", "</em>")).isInstanceOf(NullPointerException.class);
    assertThat(new Snippet("ab", List.of(new Snippet.Match(0, 1), new Snippet.Match(1, 2)), "<", ">").html())
        .isEqualTo("<a><b>");
  }

  /**
   * The only markup in the snippet is the markers, one pair per match; without them, unescaping
   * gives back the plain text; and the snippet is exactly the plain text escaped with the markers
   * at the match offsets.
   */
  static void assertOnlyMarkersAreMarkup(SearchHit h, String pre, String post) {
    String html = h.snippet();
    Snippet s = h.highlight();
    assertThat(count(html, pre)).as(html).isEqualTo(s.matches().size());
    String stripped = html.replace(pre, "").replace(post, "");
    assertThat(stripped).as(html).doesNotContain("<").doesNotContain(">").doesNotContain("\"").doesNotContain("'");
    assertThat(unescape(stripped)).isEqualTo(s.text());
    assertThat(html).isEqualTo(expectedHtml(s.text(), s.matches(), pre, post));
  }

  static String expectedHtml(String text, List<Snippet.Match> matches, String pre, String post) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (Snippet.Match m : matches) {
      sb.append(escape(text.substring(pos, m.start()))).append(pre);
      sb.append(escape(text.substring(m.start(), m.end()))).append(post);
      pos = m.end();
    }
    return sb.append(escape(text.substring(pos))).toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
