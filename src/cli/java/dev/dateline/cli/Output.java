package dev.dateline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dateline.Article;
import dev.dateline.DateInterval;
import dev.dateline.Facets;
import dev.dateline.Histogram;
import dev.dateline.ArticleFiles;
import dev.dateline.Entity;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import dev.dateline.IndexStats;
import dev.dateline.SearchHit;
import dev.dateline.Story;
import dev.dateline.SearchResults;
import dev.dateline.Snippet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Renders results for people (text) and for scripts (JSON). */
final class Output {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Writes the CLI's JSON with {@code < > & '} as {@code \\uXXXX} escapes: the same strings to a
   * JSON parser, but no markup in the bytes if a page embeds the output (article text is untrusted).
   */
  private static final ObjectMapper HTML_SAFE_JSON = new ObjectMapper();

  static {
    HTML_SAFE_JSON.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
  }

  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      for (char c : new char[] {'<', '>', '&', '\''}) {
        escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // only the standard escapes above
    }
  }

  /** {@code node} as one line of HTML-safe JSON. */
  static String write(JsonNode node) {
    try {
      return HTML_SAFE_JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** An article as indented HTML-safe JSON, with the field names of the input format. */
  static String json(Article article) {
    return json(article, List.of());
  }

  /**
   * An article as indented HTML-safe JSON; each entity that is among {@code extracted} (matched by
   * type and name) also lists where it is mentioned: {@code "occurrences": [{"field", "index",
   * "start", "end", "text"}]} ({@code "mentions"} is already the count).
   */
  static String json(Article article, List<Entity> extracted) {
    try {
      JsonNode root = JSON.readTree(ArticleFiles.toJson(article));
      if (root.get("entities") instanceof ArrayNode entities) {
        for (JsonNode node : entities) {
          if (!(node instanceof ObjectNode o)) {
            continue;
          }
          for (Entity e : extracted) {
            if (e.name().equals(o.path("name").asText())
                && e.type().key().equals(o.path("type").asText())
                && !e.occurrences().isEmpty()) {
              ArrayNode mentions = o.putArray("occurrences");
              for (EntityMention m : e.occurrences()) {
                mentions.addObject().put("field", m.field()).put("index", m.index())
                    .put("start", m.start()).put("end", m.end()).put("text", m.text());
              }
              break;
            }
          }
        }
      }
      return HTML_SAFE_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an article could not be written as JSON", e);
    }
  }
  /** Markers the CLI asks the index to put around matched terms. */
  static final String PRE = "<em>";
  static final String POST = "</em>";
  /** Dates are shown in UTC unless a zone is asked for. */
  static final ZoneId UTC = ZoneId.of("UTC");

  private Output() {}

  static String json(SearchResults r) {
    return write(results(r));
  }

  /**
   * Results with facet counts: the results' keys plus {@code "facets"} (one key per dimension, an
   * array of {@code {"value","count"}}), {@code "facetDetails"} (per dimension: {@code
   * otherValues}, {@code withValue}, {@code sideways}) and {@code "histogram"} when asked for;
   * {@code "counting"} says what the counts count, {@code "articles"} or {@code "stories"}.
   */
  static String json(SearchResults r, Facets f, boolean stories) {
    ObjectNode root = results(r);
    root.put("counting", stories ? "stories" : "articles");
    root.put("matches", f.matches());
    if (!f.dimensions().isEmpty()) {
      ObjectNode facets = root.putObject("facets");
      ObjectNode details = root.putObject("facetDetails");
      f.dimensions().forEach((dim, d) -> {
        ArrayNode values = facets.putArray(dim.key());
        d.top().forEach(c -> values.addObject().put("value", c.value()).put("count", c.count()));
        details.putObject(dim.key())
            .put("otherValues", d.otherValues())
            .put("withValue", d.withValue())
            .put("sideways", d.sideways());
      });
    }
    if (f.histogram() != null) {
      Histogram h = f.histogram();
      ObjectNode o = root.putObject("histogram");
      o.put("interval", h.interval().key());
      o.put("zone", h.zone().getId());
      ArrayNode buckets = o.putArray("buckets");
      h.buckets().forEach(b -> buckets.addObject().put("start", BUCKET_START.format(b.start())).put("count", b.count()));
      o.put("undated", h.undated());
    }
    return write(root);
  }

  /** ISO-8601 with the offset in force at the instant, seconds always shown: 2026-02-04T00:00:00+08:00. */
  static final DateTimeFormatter BUCKET_START = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxxxx");

  private static ObjectNode results(SearchResults r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("total", r.total());
    root.put("totalIsExact", r.totalIsExact());
    root.put("correctedText", r.correctedText());
    root.put("suggestion", r.suggestion());
    ArrayNode hits = root.putArray("hits");
    for (SearchHit h : r.hits()) {
      ObjectNode o = hits.addObject();
      o.put("id", h.id());
      o.put("headline", h.headline());
      o.put("published", h.published() == null ? null : h.published().toString());
      o.put("source", h.source());
      o.put("byline", h.byline());
      o.put("url", h.url());
      o.put("score", h.score());
      o.put("snippet", h.snippet());
      if (h.highlight() == null) {
        o.putNull("highlight");
      } else {
        ObjectNode highlight = o.putObject("highlight");
        highlight.put("text", h.highlight().text());
        ArrayNode matches = highlight.putArray("matches");
        h.highlight().matches().forEach(m -> matches.addArray().add(m.start()).add(m.end()));
      }
      ArrayNode entities = o.putArray("entities");
      for (Entity e : h.entities()) {
        entities.addObject().put("type", e.type().key()).put("name", e.name());
      }
      if (h.story() != null) {
        story(o.putObject("story"), h.story());
      }
    }
    root.put("next", r.next());
    return root;
  }

  /**
   * A story as {@code {"id", "size", "sources": [...], "first": {"source", "published"}}}
   * (published as ISO-8601 UTC, or null).
   */
  static void story(ObjectNode o, Story s) {
    o.put("id", s.id());
    o.put("size", s.size());
    ArrayNode sources = o.putArray("sources");
    s.sources().forEach(sources::add);
    ObjectNode first = o.putObject("first");
    first.put("source", s.firstSource());
    first.put("published", s.firstPublished() == null ? null : s.firstPublished().toString());
  }

  /** A story's members: {@code {"story": {...}, "hits": [...]}}, hits in the search format. */
  static String jsonStory(List<SearchHit> members) {
    ObjectNode root = JSON.createObjectNode();
    story(root.putObject("story"), members.get(0).story());
    root.set("hits", results(new SearchResults(members.size(), true, members, null)).get("hits"));
    return write(root);
  }

  /** Related articles: {@code {"hits": [...]}}, hits in the search format. */
  static String jsonRelated(List<SearchHit> hits) {
    ObjectNode root = JSON.createObjectNode();
    root.set("hits", results(new SearchResults(hits.size(), true, hits, null)).get("hits"));
    return write(root);
  }

  /** Related articles for people, most related first. */
  static String textRelated(String id, List<SearchHit> hits, ZoneId zone) {
    StringBuilder sb = new StringBuilder();
    sb.append(hits.isEmpty() ? "no articles related to " : "related to ").append(printable(id)).append('\n');
    for (SearchHit h : hits) {
      sb.append("  ").append(h.published() == null ? "undated" : date(h.published(), zone))
          .append(" · ").append(h.source() == null ? "(no source)" : printable(h.source()))
          .append(" · id ").append(printable(h.id())).append(" · ")
          .append(h.headline() == null ? "(no headline)" : printable(h.headline()));
      if (h.story() != null && h.story().size() > 1) {
        sb.append(" · story of ").append(h.story().size());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A story's members for people, in publication order. */
  static String textStory(List<SearchHit> members, ZoneId zone) {
    Story s = members.get(0).story();
    StringBuilder sb = new StringBuilder();
    sb.append("story ").append(printable(s.id())).append(" · ")
        .append(s.size() == 1 ? "1 article" : s.size() + " articles");
    if (s.firstSource() != null) {
      sb.append(" · first reported by ").append(printable(s.firstSource()));
    }
    if (s.firstPublished() != null) {
      sb.append(", ").append(date(s.firstPublished(), zone));
    }
    sb.append('\n');
    for (SearchHit h : members) {
      sb.append("  ").append(h.published() == null ? "undated" : date(h.published(), zone))
          .append(" · ").append(h.source() == null ? "(no source)" : printable(h.source()))
          .append(" · id ").append(printable(h.id())).append(" · ")
          .append(h.headline() == null ? "(no headline)" : printable(h.headline())).append('\n');
    }
    return sb.toString();
  }

  static String json(IndexStats s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("articles", s.articles());
    root.put("oldest", s.oldest() == null ? null : s.oldest().toString());
    root.put("newest", s.newest() == null ? null : s.newest().toString());
    ArrayNode sources = root.putArray("sources");
    s.sources().forEach(c -> sources.addObject().put("name", c.name()).put("count", c.count()));
    ArrayNode entities = root.putArray("entities");
    s.entities()
        .forEach(
            c -> entities.addObject().put("type", c.type().key()).put("name", c.name()).put("count", c.count()));
    return write(root);
  }

  static String text(SearchResults r, ZoneId zone, boolean ansi) {
    return text(r, zone, ansi, true);
  }

  /**
   * Results for people.
   *
   * @param showNext whether to print the cursor for the next page (not for an index that is gone)
   */
  static String text(SearchResults r, ZoneId zone, boolean ansi, boolean showNext) {
    StringBuilder sb = new StringBuilder();
    if (r.correctedText() != null) {
      sb.append("showing results for: ").append(printable(r.correctedText())).append('\n');
    } else if (r.suggestion() != null) {
      sb.append("did you mean: ").append(printable(r.suggestion())).append('\n');
    }
    String count = r.total() == 1 ? "1 article matches" : r.total() + " articles match";
    sb.append(r.totalIsExact() ? count : "at least " + count).append('\n');
    int n = 0;
    for (SearchHit h : r.hits()) {
      n++;
      sb.append('\n').append(n).append(". ").append(bold(h.headline() == null ? "(no headline)" : printable(h.headline()), ansi)).append('\n');
      StringBuilder meta = new StringBuilder("   ");
      meta.append(h.published() == null ? "undated" : date(h.published(), zone));
      if (h.source() != null) {
        meta.append(" · ").append(printable(h.source()));
      }
      if (h.byline() != null) {
        meta.append(" · ").append(printable(h.byline()));
      }
      meta.append(" · id ").append(printable(h.id()));
      if (h.score() > 0) {
        meta.append(String.format(" · score %.2f", h.score())); // date orders compute no score
      }
      sb.append(meta).append('\n');
      if (h.story() != null && h.story().hasCopies()) {
        Story s = h.story();
        sb.append("   story ").append(printable(s.id())).append(" · ").append(s.size())
            .append(" articles · ").append(printable(String.join(", ", s.sources())));
        if (s.firstSource() != null) {
          sb.append(" · first: ").append(printable(s.firstSource()));
        }
        sb.append('\n');
      }
      if (h.highlight() != null) {
        sb.append("   ").append(mark(h.highlight(), ansi)).append('\n');
      }
      String entities = entities(h.entities());
      if (!entities.isEmpty()) {
        sb.append("   ").append(entities).append('\n');
      }
    }
    if (showNext && r.next() != null) {
      sb.append("\nmore: --after ").append(r.next()).append('\n');
    }
    return sb.toString();
  }

  /** Facet tables and the histogram as a bar chart, for a terminal; counts of articles. */
  static String text(Facets f) {
    return text(f, false);
  }

  /** Facet tables and the histogram as a bar chart, for a terminal. */
  static String text(Facets f, boolean stories) {
    StringBuilder sb = new StringBuilder();
    if (stories) {
      sb.append("\ncounting stories: ").append(f.matches()).append(" match\n");
    }
    f.dimensions().forEach((dim, d) -> {
      sb.append('\n').append(dim.key());
      sb.append(d.sideways() ? " (sideways: without its own filters)" : "").append(':');
      sb.append(d.top().isEmpty() ? " none\n" : "\n");
      int width = d.top().stream().mapToInt(c -> Long.toString(c.count()).length()).max().orElse(1);
      d.top().forEach(c -> sb.append(String.format("  %" + width + "d  %s%n", c.count(), printable(c.value()))));
      if (d.otherValues() > 0) {
        sb.append("  ").append(" ".repeat(width)).append("  (").append(d.otherValues())
            .append(d.otherValues() == 1 ? " other value)\n" : " other values)\n");
      }
    });
    if (f.histogram() != null) {
      sb.append('\n').append(bars(f.histogram()));
    }
    return sb.toString();
  }

  /** Longest bar of the terminal chart, in characters. */
  static final int BAR_WIDTH = 40;

  /** The histogram as one line per bucket: its label, a bar scaled to the largest, the count. */
  static String bars(Histogram h) {
    StringBuilder sb = new StringBuilder();
    sb.append("published per ").append(h.interval().key()).append(" (").append(h.zone().getId()).append("):\n");
    if (h.buckets().isEmpty()) {
      sb.append("  no dated articles\n");
    }
    long max = h.buckets().stream().mapToLong(Histogram.Bucket::count).max().orElse(0);
    int labelWidth = h.buckets().stream().mapToInt(b -> bucketLabel(b, h.interval()).length()).max().orElse(0);
    for (Histogram.Bucket b : h.buckets()) {
      int len = max == 0 ? 0 : (int) Math.round((double) b.count() * BAR_WIDTH / max);
      if (b.count() > 0 && len == 0) {
        len = 1;
      }
      sb.append("  ").append(String.format("%-" + labelWidth + "s", bucketLabel(b, h.interval())))
          .append(" |").append("\u2588".repeat(len)).append(' ').append(b.count()).append('\n');
    }
    if (h.undated() > 0) {
      sb.append("  undated: ").append(h.undated()).append('\n');
    }
    return sb.toString();
  }

  /** A bucket's name in the terminal chart: 2026-02-04 Wed, 2026-W06, 2026-Q1, ... */
  static String bucketLabel(Histogram.Bucket b, DateInterval interval) {
    java.time.ZonedDateTime s = b.start();
    return switch (interval) {
      case HOUR -> DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx", java.util.Locale.ROOT).format(s);
      case DAY -> DateTimeFormatter.ofPattern("uuuu-MM-dd EEE", java.util.Locale.ROOT).format(s);
      case WEEK -> String.format(java.util.Locale.ROOT, "%d-W%02d", s.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
          s.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> DateTimeFormatter.ofPattern("uuuu-MM", java.util.Locale.ROOT).format(s);
      case QUARTER -> s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(s.getYear());
    };
  }

  static String text(IndexStats s, ZoneId zone) {
    StringBuilder sb = new StringBuilder();
    sb.append("articles: ").append(s.articles()).append('\n');
    sb.append("published: ")
        .append(s.oldest() == null ? "-" : date(s.oldest(), zone))
        .append(" to ")
        .append(s.newest() == null ? "-" : date(s.newest(), zone))
        .append('\n');
    sb.append("top sources:\n");
    s.sources().forEach(c -> sb.append(String.format("  %6d  %s%n", c.count(), printable(c.name()))));
    sb.append("top entities:\n");
    s.entities().forEach(c -> sb.append(String.format("  %6d  %-6s %s%n", c.count(), c.type().key(), printable(c.name()))));
    return sb.toString();
  }

  /**
   * An article for people: every field present, one per line (lists indented below their name),
   * dates as UTC instants like in JSON, the body paragraph by paragraph, then the entities.
   *
   * @param withId whether to start with the id
   */
  static String describe(Article a, boolean withId) {
    StringBuilder sb = new StringBuilder();
    if (withId) {
      line(sb, "id", a.id());
    }
    line(sb, "headline", a.headline());
    line(sb, "published", a.published() == null ? null : a.published().toString());
    line(sb, "updated", a.updated() == null ? null : a.updated().toString());
    line(sb, "source", a.source());
    line(sb, "section", a.section());
    line(sb, "url", a.url());
    line(sb, "dateline", a.dateline());
    line(sb, "byline", a.byline());
    list(sb, "authors", a.authors());
    list(sb, "credits", a.credits());
    line(sb, "language", a.language());
    list(sb, "tags", a.tags());
    list(sb, "bullets", a.bullets());
    list(sb, "captions", a.captions());
    list(sb, "subheads", a.subheads());
    sb.append("body: ").append(a.body().size()).append(a.body().size() == 1 ? " paragraph\n" : " paragraphs\n");
    for (String p : a.body()) {
      sb.append("  | ").append(printable(p)).append('\n');
    }
    sb.append(a.entities().isEmpty() ? "entities: none\n" : "entities:\n");
    for (Entity e : a.entities()) {
      sb.append(String.format("  %-6s %s (%d)%s%n", e.type().key(), printable(e.name()), e.mentions(),
          e.aliases().isEmpty() ? "" : " aka " + printable(String.join(", ", e.aliases()))));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append(name).append(": ").append(printable(value)).append('\n');
    }
  }

  private static void list(StringBuilder sb, String name, List<String> values) {
    if (!values.isEmpty()) {
      sb.append(name).append(":\n");
      values.forEach(v -> sb.append("  - ").append(printable(v)).append('\n'));
    }
  }

  private static String entities(List<Entity> entities) {
    StringBuilder sb = new StringBuilder();
    for (EntityType t : EntityType.values()) {
      String names =
          entities.stream().filter(e -> e.type() == t).limit(6).map(e -> printable(e.name())).collect(Collectors.joining(", "));
      if (!names.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append(" | ");
        }
        sb.append(t.key()).append(": ").append(names);
      }
    }
    return sb.toString();
  }

  static String date(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").format(instant.atZone(zone));
  }

  private static String bold(String s, boolean ansi) {
    return ansi ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  /**
   * The snippet for a terminal, built from its plain text and match offsets (never from the HTML
   * form): matches in bold yellow, or in brackets without colours.
   */
  private static String mark(Snippet snippet, boolean ansi) {
    String pre = ansi ? "\u001b[1;33m" : "[";
    String post = ansi ? "\u001b[0m" : "]";
    StringBuilder sb = new StringBuilder();
    String text = snippet.text();
    int at = 0;
    for (Snippet.Match m : snippet.matches()) {
      sb.append(printable(text.substring(at, m.start())))
          .append(pre)
          .append(printable(text.substring(m.start(), m.end())))
          .append(post);
      at = m.end();
    }
    return sb.append(printable(text.substring(at))).toString();
  }

  /**
   * Article text made safe for a terminal: control characters (which could move the cursor,
   * recolour or retitle the terminal through escape sequences) and bidirectional overrides
   * (which could reorder what is shown) become U+FFFD. Line breaks inside a value become spaces.
   */
  static String printable(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char replacement =
          c == '\n' || c == '\r' || c == '\t'
              ? ' '
              : Character.isISOControl(c)
                      || (c >= '\u202A' && c <= '\u202E')
                      || (c >= '\u2066' && c <= '\u2069')
                  ? '\uFFFD'
                  : c;
      if (replacement != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(replacement);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Whether stdout is a terminal that understands ANSI colours. */
  static boolean ansi() {
    String term = System.getenv("TERM");
    return isTerminal() && term != null && !term.equals("dumb") && System.getenv("NO_COLOR") == null;
  }

  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    // Since JDK 22 a console exists even when output is redirected; isTerminal() tells them apart.
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console is only present on a terminal
    }
  }
}
