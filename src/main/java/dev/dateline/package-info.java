/**
 * Dateline's API: index news articles and search them with news-style queries, date filters and
 * entity filters. Everything public is in this package; {@code dev.dateline.internal} is
 * implementation, not exported by the module {@code dev.dateline}.
 *
 * <h2>Where to start</h2>
 *
 * <ul>
 *   <li>{@link dev.dateline.NewsIndex} opens an index (a directory, read-only or in memory), adds,
 *       replaces and deletes articles, commits and refreshes, and searches. One instance per index,
 *       shared by all threads.
 *   <li>{@link dev.dateline.Article} is an immutable, validated article (headline, bullets, body,
 *       byline, dateline, publish time, source, captions, subheads, URL, section, entities), built
 *       with {@link dev.dateline.Article#builder()}.
 *   <li>{@link dev.dateline.NewsQuery} is a search request: text in the query syntax, date and
 *       entity filters, an order, a page size and a cursor. Results come back as {@link
 *       dev.dateline.SearchResults} of {@link dev.dateline.SearchHit}s.
 *   <li>{@link dev.dateline.ArticleFiles} reads JSON, JSON Lines and raw page text files, reporting
 *       each bad record without stopping; {@link dev.dateline.RawArticleParser} turns one scraped
 *       page into an article.
 *   <li>{@link dev.dateline.EntityExtractor} finds people, places and organisations in articles
 *       that come without entities; plug in your own through {@link
 *       dev.dateline.NewsIndex.Options.Builder#entityExtractor}.
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (NewsIndex index = NewsIndex.open(Path.of("news-index"))) {
 *   index.add(Article.builder()
 *       .url("https://example.com/world/talks")
 *       .source("Harbour Daily")
 *       .headline("Peace talks resume in Geneva")
 *       .bodyText("GENEVA - Envoys resumed talks on Tuesday.")
 *       .published("2026-02-10T09:15:00Z")
 *       .build());
 *   index.commit();   // durable
 *   index.refresh();  // visible to searches
 *   SearchResults page = index.search(NewsQuery.builder()
 *       .text("\"peace talks\" -russia")
 *       .person("zelenskyy")
 *       .from("2026-02").to("2026-02").zone("Europe/Kyiv")
 *       .sort(SortOrder.NEWEST)
 *       .build());
 *   for (SearchHit hit : page.hits()) {
 *     System.out.println(hit.published() + " " + hit.headline());
 *   }
 * }
 * }</pre>
 *
 * <h2>Errors</h2>
 *
 * Errors are unchecked and typed, all {@link dev.dateline.DatelineException}s: {@link
 * dev.dateline.InvalidQueryException} (with the position in the query), {@link
 * dev.dateline.InvalidDateException}, {@link dev.dateline.InvalidArticleException} (naming the
 * field), {@link dev.dateline.IndexException} and {@link dev.dateline.SearchTimeoutException}.
 * Methods reject {@code null} arguments with a {@link java.lang.NullPointerException} naming the
 * argument unless their documentation says otherwise.
 *
 * <h2>Output safety</h2>
 *
 * Article text is untrusted. {@link dev.dateline.SearchHit#snippet()} is HTML-escaped, with only
 * the highlight markers as markup; every other string in a hit is the article's text as it was
 * indexed and must be escaped by whatever renders it.
 *
 * <h2>JVM flags</h2>
 *
 * Run with {@code --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED} to turn on
 * Lucene's vectorised code paths.
 */
package dev.dateline;
