package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dateline.Article;
import dev.dateline.Entity;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes an article as one JSON object with the field names {@link ArticleJsonReader} reads:
 * absent values and empty lists omitted, instants as ISO-8601 UTC, the body as an array of
 * paragraphs, each entity with type, name, aliases and mentions. Stateless.
 */
final class ArticleJsonWriter {
  private ArticleJsonWriter() {}

  static void write(JsonGenerator g, Article a) throws IOException {
    g.writeStartObject();
    string(g, Fields.ID, a.id());
    string(g, Fields.URL, a.url());
    string(g, Fields.SOURCE, a.source());
    string(g, Fields.HEADLINE, a.headline());
    strings(g, Fields.BULLETS, a.bullets());
    strings(g, Fields.BODY, a.body());
    string(g, Fields.BYLINE, a.byline());
    strings(g, Fields.AUTHORS, a.authors());
    string(g, Fields.DATELINE, a.dateline());
    instant(g, Fields.PUBLISHED, a.published());
    instant(g, Fields.UPDATED, a.updated());
    string(g, Fields.SECTION, a.section());
    strings(g, Fields.TAGS, a.tags());
    strings(g, Fields.CAPTIONS, a.captions());
    strings(g, Fields.SUBHEADS, a.subheads());
    string(g, Fields.LANGUAGE, a.language());
    strings(g, Fields.CREDITS, a.credits());
    if (!a.entities().isEmpty()) {
      g.writeArrayFieldStart(Fields.ENTITIES);
      for (Entity e : a.entities()) {
        entity(g, e);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void entity(JsonGenerator g, Entity e) throws IOException {
    g.writeStartObject();
    g.writeStringField(Fields.ENTITY_TYPE, e.type().key());
    g.writeStringField(Fields.ENTITY_NAME, e.name());
    g.writeArrayFieldStart(Fields.ENTITY_ALIASES);
    for (String alias : e.aliases()) {
      g.writeString(alias);
    }
    g.writeEndArray();
    g.writeNumberField(Fields.ENTITY_MENTIONS, e.mentions());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void instant(JsonGenerator g, String field, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }
}
