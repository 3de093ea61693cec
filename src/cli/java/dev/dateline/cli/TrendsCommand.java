package dev.dateline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dateline.FacetCount;
import dev.dateline.FacetDimension;
import dev.dateline.FacetRequest;
import dev.dateline.Facets;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.QuerySyntax;
import dev.dateline.SearchTimeoutException;
import dev.dateline.SignificantValue;
import java.io.PrintWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    description = {
      "Show who and what a query's articles are about: co-mentions and significant terms.",
      "The people, places and organisations mentioned most often with it (co-mentions), and the "
          + "people, places, organisations and words unusually frequent among its matches compared "
          + "with the rest of the index, or with --background-from/--background-to (significant: "
          + "scored by Dunning's log-likelihood ratio, G2; above 10.83 is p < 0.001). Words are shown "
          + "as indexed (lower case, stemmed).",
      "  dateline trends --index DIR --place escondida --from now-7d"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (also when nothing matches)",
      "1:failure: I/O error, unreadable or damaged index",
      "2:usage error: invalid option value, query or date, no index at DIR"
    })
final class TrendsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print one JSON object for scripts.")
  boolean json;

  @Mixin QueryFilters filters;

  @Option(names = "--background-from", paramLabel = "DATE", description = "Compare with the same query from this date (instead of the rest of the index).")
  String backgroundFrom;

  @Option(names = "--background-to", paramLabel = "DATE", description = "Compare with the same query up to this date.")
  String backgroundTo;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Values listed per list (default 10).")
  int top;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query text (plain syntax).")
  List<String> query = new ArrayList<>();

  /** The key of the significant words in the output, beside the entity dimensions' keys. */
  static final String WORD = "word";

  static final List<FacetDimension> DIMS = List.of(FacetDimension.PERSON, FacetDimension.PLACE, FacetDimension.ORG);

  @Override
  public Integer call() {
    if (top < 1 || top > FacetRequest.MAX_LIMIT) {
      throw new Main.UsageException("--top must be 1 to " + FacetRequest.MAX_LIMIT + ", not " + top);
    }
    NewsQuery q = filters.applyTo(base()).build();
    NewsQuery background =
        backgroundFrom == null && backgroundTo == null
            ? null : filters.applyTo(base(), backgroundFrom, backgroundTo).build();
    PrintWriter out = spec.commandLine().getOut();
    try (NewsIndex idx = index.openReadOnly()) {
      // One more than asked, as the filter's own entity is left out of the co-mentions.
      Facets f = idx.facets(q, FacetRequest.builder().dimensions(DIMS).limit(Math.min(top + 5, FacetRequest.MAX_LIMIT)).build());
      Map<FacetDimension, List<FacetCount>> co = new LinkedHashMap<>();
      Map<String, List<SignificantValue>> sig = new LinkedHashMap<>();
      for (FacetDimension d : DIMS) {
        co.put(d, f.counts(d).stream().filter(c -> !filters.names(d, c.value())).limit(top).toList());
        sig.put(d.key(), idx.significant(q, background, d, top + 5).stream()
            .filter(s -> !filters.names(d, s.value())).limit(top).toList());
      }
      List<SignificantValue> words;
      try {
        words = idx.significantWords(q, background, top);
      } catch (SearchTimeoutException e) {
        // Words cost more than entities on a large index: report the rest, and say so.
        words = null;
      }
      sig.put(WORD, words);
      out.print(json ? json(f.matches(), co, sig) + "\n" : text(f.matches(), co, sig, background != null));
    }
    out.flush();
    return Main.EXIT_OK;
  }

  /** The query text, before the filters. */
  private NewsQuery.Builder base() {
    return NewsQuery.builder().text(String.join(" ", query)).syntax(QuerySyntax.PLAIN);
  }

  /** Whether a value is the entity one of {@code names} names (its words all in the value: Zelensky, Volodymyr Zelensky). */
  static boolean namedBy(List<String> names, String value) {
    String v = " " + fold(value) + " ";
    return names.stream().anyMatch(n -> !fold(n).isEmpty() && v.contains(" " + fold(n) + " "));
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static String json(long matches, Map<FacetDimension, List<FacetCount>> co, Map<String, List<SignificantValue>> sig) {
    ObjectNode root = Output.JSON.createObjectNode();
    root.put("matches", matches);
    root.put("score", "log-likelihood ratio (G2)");
    ObjectNode c = root.putObject("coMentions");
    co.forEach((d, list) -> {
      ArrayNode a = c.putArray(d.key());
      list.forEach(v -> a.addObject().put("value", v.value()).put("count", v.count()));
    });
    ObjectNode s = root.putObject("significant");
    sig.forEach((d, list) -> {
      if (list == null) {
        s.putNull(d);
        return;
      }
      ArrayNode a = s.putArray(d);
      list.forEach(v -> a.addObject().put("value", v.value()).put("foreground", v.foreground())
          .put("foregroundTotal", v.foregroundTotal()).put("background", v.background())
          .put("backgroundTotal", v.backgroundTotal()).put("score", Math.round(v.score() * 100) / 100.0));
    });
    return Output.write(root);
  }

  private static String text(long matches, Map<FacetDimension, List<FacetCount>> co,
      Map<String, List<SignificantValue>> sig, boolean background) {
    StringBuilder sb = new StringBuilder();
    sb.append(matches == 1 ? "1 article matches\n" : matches + " articles match\n");
    co.forEach((d, list) -> {
      sb.append("\nmentioned with it (").append(d.key()).append("):\n");
      if (list.isEmpty()) {
        sb.append("  none\n");
      }
      list.forEach(v -> sb.append(String.format("  %6d  %s%n", v.count(), Output.printable(v.value()))));
    });
    sig.forEach((d, list) -> {
      sb.append("\nunusually frequent (").append(d).append(", vs ")
          .append(background ? "the background period" : "the rest of the index").append("; G2 score):\n");
      if (list == null) {
        sb.append("  not found: took longer than the query timeout (narrow the query or the period)\n");
        return;
      }
      if (list.isEmpty()) {
        sb.append("  none\n");
      }
      list.forEach(v -> sb.append(String.format("  %8.1f  %s (%d of %d, background %d of %d)%n", v.score(),
          Output.printable(v.value()), v.foreground(), v.foregroundTotal(), v.background(), v.backgroundTotal())));
    });
    return sb.toString();
  }
}
