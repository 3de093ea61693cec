package dev.dateline;

/**
 * The operations an application needs from an archive of news articles, whether it is embedded
 * ({@link NewsIndex}) or a cluster (the client in Dateline's {@code opensearch/} module, {@code
 * dev.dateline.opensearch.NewsCluster}): write against this interface and choose the
 * implementation by configuration.
 *
 * <p>Both implementations index an article the same way (its entities extracted first when it
 * has none) and answer a {@link NewsQuery} with the same hits in the same order: date orders hit
 * for hit, relevance when the cluster searches with global term statistics (which the cluster
 * client does). What each adds beyond this interface (typo correction, snippets' exact
 * passages, durability) is documented on the implementation.
 *
 * <p>Experimental: the interface may grow with the operations both implementations share.
 */
public interface NewsStore extends AutoCloseable {
  /**
   * Adds an article, replacing any article with the same id. Runs the store's entity extractor
   * first when the article has no entities. Visible to searches after the next {@link #refresh()}.
   *
   * @param article the article
   * @return the article as indexed (with the extracted entities)
   * @throws InvalidArticleException if the article cannot be indexed
   * @throws IndexException if the store cannot be written
   */
  Article add(Article article);

  /**
   * Deletes the article with this id, if present; an unknown id is not an error. Visible to
   * searches after the next {@link #refresh()}.
   *
   * @param id the article id, exactly as indexed
   * @throws IndexException if the store cannot be written
   */
  void delete(String id);

  /**
   * Makes the changes made before this call visible to searches that start after it returns.
   *
   * @throws IndexException if the store cannot be refreshed
   */
  void refresh();

  /**
   * Runs a query: one page of hits in the query's order, the total (see {@link SearchResults}) and
   * the cursor for the next page ({@link NewsQuery#after(String)}; a cursor belongs to the store
   * that made it).
   *
   * @param query the query
   * @return one page of results
   * @throws InvalidQueryException if the query or its cursor is invalid
   * @throws SearchTimeoutException if the search runs out of time
   * @throws IndexException if the store cannot be read
   */
  SearchResults search(NewsQuery query);

  /**
   * Runs a query as {@link #search(NewsQuery)} and counts facets over all its matches in the same
   * request: the results' {@link SearchResults#facets()} are what {@link #facets} returns for the
   * query, and the total is exact.
   *
   * @param query the query
   * @param request what to count over its matches
   * @return one page of hits with the exact total and the counts
   * @throws InvalidQueryException if the query or its cursor is invalid, or the histogram would
   *     have too many buckets
   * @throws SearchTimeoutException if the search runs out of time
   * @throws IndexException if the store cannot be read
   */
  SearchResults search(NewsQuery query, FacetRequest request);

  /**
   * Counts over all the articles matching the query (see {@link Facets}): the top values of each
   * requested {@link FacetDimension}, exact, most articles first then by value, with the number of
   * other values; drill-sideways if asked; and a date {@link Histogram} in the request's zone.
   * Both implementations return equal counts over the same articles.
   *
   * @param query the query whose matches to count (its sort, page and cursor play no part)
   * @param request what to count
   * @return the counts
   * @throws InvalidQueryException if the query is invalid, or the histogram would have too many
   *     buckets
   * @throws SearchTimeoutException if counting runs out of time
   * @throws IndexException if the store cannot be read
   */
  Facets facets(NewsQuery query, FacetRequest request);

  /**
   * The values of {@code dimension} unusually frequent among the matches of {@code foreground}
   * compared with a background (the rest of the store when null), scored by Dunning's
   * log-likelihood ratio and ranked by {@link SignificantValue#rank}: see {@link
   * NewsIndex#significant}. Both implementations count exactly and return equal lists over the
   * same articles.
   *
   * @param foreground the query whose matches to describe
   * @param background the articles to compare with, or null for the rest of the store
   * @param dimension what to look for: usually person, place or org
   * @param top how many values to return, at least 1
   * @return at most {@code top} values, most significant first, ties by value
   * @throws IllegalArgumentException if {@code top} is less than 1
   * @throws InvalidQueryException if a query is invalid
   * @throws IndexException if the store cannot be read
   */
  java.util.List<SignificantValue> significant(
      NewsQuery foreground, NewsQuery background, FacetDimension dimension, int top);

  /**
   * The story of an article in a store that detects stories: its members oldest first (then by
   * id), each with its {@link SearchHit#story()}, without score or snippet: see {@link
   * NewsIndex#timeline}. Both implementations return equal lists over the same articles.
   *
   * @param id the id of any member of the story, exactly as indexed
   * @return the members; empty if there is no article with this id
   * @throws StoriesNotEnabledException if the store does not detect stories
   * @throws IndexException if the store cannot be read
   */
  java.util.List<SearchHit> timeline(String id);

  /**
   * The exact number of articles matching the query's text and filters.
   *
   * @param query the query
   * @return the number of matching articles
   * @throws InvalidQueryException if the query is invalid
   * @throws IndexException if the store cannot be read
   */
  long count(NewsQuery query);

  /**
   * Releases the store's resources: an embedded index commits and closes (releasing its write
   * lock); a cluster store releases the writer lease of a story index if it holds one (the client
   * it was given stays open: it is the caller's).
   *
   * @throws IndexException if closing fails
   */
  @Override
  void close();
}
