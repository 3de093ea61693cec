package dev.dateline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.IndexStats;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Renders results for people (text) and for scripts (JSON). */
final class Output {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Markers the CLI asks the index to put around matched terms. */
  static final String PRE = "<em>";
  static final String POST = "</em>";
  /** Dates are shown in UTC unless a zone is asked for. */
  static final ZoneId UTC = ZoneId.of("UTC");

  private Output() {}

  static String json(SearchResults r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("total", r.total());
    root.put("totalIsExact", r.totalIsExact());
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
      ArrayNode entities = o.putArray("entities");
      for (Entity e : h.entities()) {
        entities.addObject().put("type", e.type().key()).put("name", e.name());
      }
    }
    root.put("next", r.next());
    return root.toString();
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
    return root.toString();
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
    String count = r.total() == 1 ? "1 article matches" : r.total() + " articles match";
    sb.append(r.totalIsExact() ? count : "at least " + count).append('\n');
    int n = 0;
    for (SearchHit h : r.hits()) {
      n++;
      sb.append('\n').append(n).append(". ").append(bold(h.headline() == null ? "(no headline)" : h.headline(), ansi)).append('\n');
      StringBuilder meta = new StringBuilder("   ");
      meta.append(h.published() == null ? "undated" : date(h.published(), zone));
      if (h.source() != null) {
        meta.append(" · ").append(h.source());
      }
      if (h.byline() != null) {
        meta.append(" · ").append(h.byline());
      }
      meta.append(" · id ").append(h.id());
      if (h.score() > 0) {
        meta.append(String.format(" · score %.2f", h.score())); // date orders compute no score
      }
      sb.append(meta).append('\n');
      if (h.snippet() != null) {
        sb.append("   ").append(mark(h.snippet(), ansi)).append('\n');
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

  static String text(IndexStats s, ZoneId zone) {
    StringBuilder sb = new StringBuilder();
    sb.append("articles: ").append(s.articles()).append('\n');
    sb.append("published: ")
        .append(s.oldest() == null ? "-" : date(s.oldest(), zone))
        .append(" to ")
        .append(s.newest() == null ? "-" : date(s.newest(), zone))
        .append('\n');
    sb.append("top sources:\n");
    s.sources().forEach(c -> sb.append(String.format("  %6d  %s%n", c.count(), c.name())));
    sb.append("top entities:\n");
    s.entities().forEach(c -> sb.append(String.format("  %6d  %-6s %s%n", c.count(), c.type().key(), c.name())));
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
      sb.append("  | ").append(p).append('\n');
    }
    sb.append(a.entities().isEmpty() ? "entities: none\n" : "entities:\n");
    for (Entity e : a.entities()) {
      sb.append(String.format("  %-6s %s (%d)%s%n", e.type().key(), e.name(), e.mentions(),
          e.aliases().isEmpty() ? "" : " aka " + String.join(", ", e.aliases())));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append(name).append(": ").append(value).append('\n');
    }
  }

  private static void list(StringBuilder sb, String name, List<String> values) {
    if (!values.isEmpty()) {
      sb.append(name).append(":\n");
      values.forEach(v -> sb.append("  - ").append(v).append('\n'));
    }
  }

  private static String entities(List<Entity> entities) {
    StringBuilder sb = new StringBuilder();
    for (EntityType t : EntityType.values()) {
      String names =
          entities.stream().filter(e -> e.type() == t).limit(6).map(Entity::name).collect(Collectors.joining(", "));
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

  private static String mark(String snippet, boolean ansi) {
    return ansi
        ? snippet.replace(PRE, "\u001b[1;33m").replace(POST, "\u001b[0m")
        : snippet.replace(PRE, "[").replace(POST, "]");
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
