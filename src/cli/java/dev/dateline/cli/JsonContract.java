package dev.dateline.cli;

import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.Facets;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.SignificantValue;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} output of {@code dateline}'s read commands, for another tool that prints the
 * same results from another {@link dev.dateline.NewsStore} ({@code dateline-cluster} in the
 * OpenSearch module), so both print one contract from one writer. Part of the command-line tool,
 * not of the library's API: it is in the {@code cli} jar ({@code dev.dateline:dateline:cli}), not
 * in the library jar. Every string is HTML-safe JSON ({@code < > & '} as {@code \\u} escapes) on
 * one line, without a line break at the end.
 */
public final class JsonContract {
  private JsonContract() {}

  /** {@code search --json}: {@code {"total", "totalIsExact", ..., "hits": [...], "next"}}. */
  public static String search(SearchResults results) {
    return Output.json(results);
  }

  /**
   * {@code search --json} with {@code --facet} or {@code --histogram}: the results' keys plus
   * {@code "counting"}, {@code "matches"}, {@code "facets"}, {@code "facetDetails"} and
   * {@code "histogram"}.
   *
   * @param stories whether the counts count stories ({@code --facet-stories})
   */
  public static String search(SearchResults results, Facets facets, boolean stories) {
    return Output.json(results, facets, stories);
  }

  /** {@code search --count --json}: {@code {"count": N}}. */
  public static String count(long count) {
    return Output.write(Output.JSON.createObjectNode().put("count", count));
  }

  /**
   * {@code trends --json}: {@code {"matches", "score", "coMentions": {...}, "significant": {...}}}.
   *
   * @param coMentions per dimension, the values listed (already filtered and cut to the top)
   * @param significant per key ({@code person}, {@code place}, {@code org}, {@code word}), the
   *     values listed, or null for a list that could not be found (written as {@code null})
   */
  public static String trends(
      long matches, Map<FacetDimension, List<FacetCount>> coMentions, Map<String, List<SignificantValue>> significant) {
    return TrendsCommand.json(matches, coMentions, significant);
  }

  /** {@code story --json}: {@code {"story": {...}, "hits": [...]}}; {@code members} not empty. */
  public static String story(List<SearchHit> members) {
    return Output.jsonStory(members);
  }

  /** {@code related --json}: {@code {"hits": [...]}}. */
  public static String related(List<SearchHit> hits) {
    return Output.jsonRelated(hits);
  }
}
