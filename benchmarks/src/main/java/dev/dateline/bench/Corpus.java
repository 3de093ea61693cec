package dev.dateline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads and writes corpora in the library's JSON Lines article format: one JSON object per line
 * with the fields {@code id, url, source, headline, bullets[], body[], byline, authors[], dateline,
 * published, section, tags[], captions[], credits[], entities[{type,name,aliases}]}. A corpus is a
 * directory of {@code .jsonl} files, read in file-name order, so real article sets drop in beside
 * generated ones.
 */
final class Corpus {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  private Corpus() {}

  /** The corpus directory of a benchmark data directory. */
  static Path dir(Path data) {
    return data.resolve("corpus");
  }

  /** The {@code .jsonl} files of a corpus directory, in name order. */
  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no corpus directory " + dir + " (generate one with CorpusGenerator)");
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
      if (files.isEmpty()) {
        throw new IOException("no .jsonl files in " + dir);
      }
      return files;
    }
  }

  /** The first {@code limit} articles of a corpus directory (all when limit is negative). */
  static List<Article> read(Path dir, int limit) throws IOException {
    List<Article> out = new ArrayList<>();
    forEach(dir, limit, out::add);
    return out;
  }

  /** Streams the first {@code limit} articles (all when limit is negative) to {@code sink}. */
  static void forEach(Path dir, int limit, Consumer<Article> sink) throws IOException {
    int n = 0;
    for (Path file : files(dir)) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          if (limit >= 0 && n >= limit) {
            return;
          }
          try {
            sink.accept(article(MAPPER.readTree(line)));
          } catch (IOException | RuntimeException e) {
            throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
          }
          n++;
        }
      }
    }
  }

  private static Article article(JsonNode n) {
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : n.path("entities")) {
      entities.add(
          new Entity(EntityType.parse(e.path("type").asText()), e.path("name").asText(),
              strings(e.path("aliases")), Math.max(1, e.path("mentions").asInt(1))));
    }
    return Article.builder()
        .id(text(n, "id"))
        .url(text(n, "url"))
        .source(text(n, "source"))
        .headline(text(n, "headline"))
        .bullets(strings(n.path("bullets")))
        .body(strings(n.path("body")))
        .byline(text(n, "byline"))
        .authors(strings(n.path("authors")))
        .dateline(text(n, "dateline"))
        .published(n.hasNonNull("published") ? Instant.parse(n.get("published").asText()) : null)
        .section(text(n, "section"))
        .tags(strings(n.path("tags")))
        .captions(strings(n.path("captions")))
        .credits(strings(n.path("credits")))
        .entities(entities)
        .build();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** Writes JSON Lines; one instance per output file, not thread-safe. */
  static final class JsonlWriter implements AutoCloseable {
    private final JsonGenerator json;

    JsonlWriter(Writer out) throws IOException {
      json = JSON.createGenerator(out);
      json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    void write(Article a) {
      try {
        json.writeStartObject();
        field("id", a.id());
        field("url", a.url());
        field("source", a.source());
        field("headline", a.headline());
        array("bullets", a.bullets());
        array("body", a.body());
        field("byline", a.byline());
        array("authors", a.authors());
        field("dateline", a.dateline());
        field("published", a.published() == null ? null : a.published().toString());
        field("section", a.section());
        array("tags", a.tags());
        array("captions", a.captions());
        array("credits", a.credits());
        json.writeArrayFieldStart("entities");
        for (Entity e : a.entities()) {
          json.writeStartObject();
          json.writeStringField("type", e.type().key());
          json.writeStringField("name", e.name());
          array("aliases", e.aliases());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write article " + a.id(), e);
      }
    }

    private void field(String name, String value) throws IOException {
      if (value != null) {
        json.writeStringField(name, value);
      }
    }

    private void array(String name, List<String> values) throws IOException {
      json.writeArrayFieldStart(name);
      for (String v : values) {
        json.writeString(v);
      }
      json.writeEndArray();
    }

    @Override
    public void close() throws IOException {
      json.writeRaw('\n');
      json.close();
    }
  }
}
