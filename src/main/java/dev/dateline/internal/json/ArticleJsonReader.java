package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.InvalidArticleException;
import dev.dateline.internal.Dates;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one article object from a streaming {@link JsonParser}, applying the field rules
 * documented on {@link ArticleFiles}. Values are read token by token straight into the article,
 * without an intermediate tree, so memory use is bounded by the strings kept.
 *
 * <p>A record with bad content is still consumed up to its closing brace before the first problem
 * is thrown as {@link InvalidArticleException}, so the caller can go on with the next record of a
 * JSON array. JSON syntax errors and exceeded parser limits propagate as Jackson exceptions and
 * leave the parser unusable. Immutable and thread-safe.
 */
final class ArticleJsonReader {
  /** Budget cost of one string beyond its length, so that floods of empty strings are bounded. */
  private static final int STRING_OVERHEAD = 16;

  private final Instant defaultPublished;

  /** @param defaultPublished applied to records without {@code published}; may be null */
  ArticleJsonReader(Instant defaultPublished) {
    this.defaultPublished = defaultPublished;
  }

  /**
   * Reads the object whose {@code START_OBJECT} is the parser's current token and leaves the
   * parser on its {@code END_OBJECT}.
   *
   * @throws InvalidArticleException when the record is not a valid article
   * @throws IOException for malformed JSON or exceeded parser limits
   */
  Article read(JsonParser parser) throws IOException {
    RecordReader record = new RecordReader(parser);
    int depth = parser.getParsingContext().getNestingDepth();
    InvalidArticleException firstError = null;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (firstError != null || value == JsonToken.VALUE_NULL) {
        parser.skipChildren();
        continue;
      }
      try {
        record.field(name, value);
      } catch (InvalidArticleException e) {
        firstError = e;
        skipOutTo(parser, depth);
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JsonParseException(parser, "unexpected end of input inside an article object");
    }
    if (firstError != null) {
      throw firstError;
    }
    return record.build(defaultPublished);
  }

  /** Advances until the parser is back in the context at {@code depth} (the record object). */
  private static void skipOutTo(JsonParser parser, int depth) throws IOException {
    while (parser.getParsingContext().getNestingDepth() > depth) {
      if (parser.nextToken() == null) {
        return;
      }
    }
  }

  /** The JSON type of a value token, as named in messages. */
  static String typeOf(JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    return switch (token) {
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** The state of one record being read. */
  private static final class RecordReader {
    private final JsonParser parser;
    private final Article.Builder builder = Article.builder();
    private long budget = ArticleFiles.MAX_RECORD_LENGTH;
    private String id;
    private String url;
    private String source;
    private String headline;
    private Instant published;
    private List<String> bodyForId = List.of();

    RecordReader(JsonParser parser) {
      this.parser = parser;
    }

    void field(String name, JsonToken value) throws IOException {
      switch (name) {
        case Fields.ID -> id = string(Fields.ID, value);
        case Fields.URL -> url = string(Fields.URL, value);
        case Fields.SOURCE -> source = string(Fields.SOURCE, value);
        case Fields.HEADLINE -> headline = string(Fields.HEADLINE, value);
        case Fields.BULLETS -> builder.bullets(strings(Fields.BULLETS, value));
        case Fields.BODY -> body(value);
        case Fields.BYLINE -> builder.byline(string(Fields.BYLINE, value));
        case Fields.AUTHORS -> builder.authors(strings(Fields.AUTHORS, value));
        case Fields.DATELINE -> builder.dateline(string(Fields.DATELINE, value));
        case Fields.PUBLISHED ->
            published = Dates.parseArticleDate(Fields.PUBLISHED, string(Fields.PUBLISHED, value));
        case Fields.UPDATED ->
            builder.updated(Dates.parseArticleDate(Fields.UPDATED, string(Fields.UPDATED, value)));
        case Fields.SECTION -> builder.section(string(Fields.SECTION, value));
        case Fields.TAGS -> builder.tags(strings(Fields.TAGS, value));
        case Fields.CAPTIONS -> builder.captions(strings(Fields.CAPTIONS, value));
        case Fields.SUBHEADS -> builder.subheads(strings(Fields.SUBHEADS, value));
        case Fields.LANGUAGE -> builder.language(string(Fields.LANGUAGE, value));
        case Fields.CREDITS -> builder.credits(strings(Fields.CREDITS, value));
        case Fields.ENTITIES -> builder.entities(entities(value));
        default -> parser.skipChildren();
      }
    }

    Article build(Instant defaultPublished) {
      String theId = id;
      if (theId == null || theId.isBlank()) {
        // Derived from the record's own values only: a default publication time must not change ids.
        theId = Article.deriveId(url, source, headline, published, bodyForId);
      }
      return builder
          .id(theId)
          .url(url)
          .source(source)
          .headline(headline)
          .published(published != null ? published : defaultPublished)
          .build();
    }

    private void body(JsonToken value) throws IOException {
      switch (value) {
        case VALUE_STRING -> {
          String text = text(Fields.BODY);
          builder.bodyText(text);
          bodyForId = List.of(text);
        }
        case START_ARRAY -> {
          List<String> paragraphs = strings(Fields.BODY, value);
          builder.body(paragraphs);
          bodyForId = paragraphs;
        }
        default -> throw wrongType(Fields.BODY, "a string or an array of strings", value);
      }
    }

    private String string(String field, JsonToken value) throws IOException {
      if (value != JsonToken.VALUE_STRING) {
        throw wrongType(field, "a string", value);
      }
      return text(field);
    }

    /** An array of strings; a single string counts as a one-element array, nulls are skipped. */
    private List<String> strings(String field, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_STRING) {
        return List.of(text(field));
      }
      if (value != JsonToken.START_ARRAY) {
        throw wrongType(field, "an array of strings", value);
      }
      List<String> out = new ArrayList<>();
      int index = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == JsonToken.VALUE_STRING) {
          out.add(text(field));
        } else if (token != JsonToken.VALUE_NULL) {
          throw new InvalidArticleException(
              field, "expected an array of strings, found " + typeOf(token) + " at index " + index);
        }
        index++;
      }
      return out;
    }

    private List<Entity> entities(JsonToken value) throws IOException {
      if (value == JsonToken.START_OBJECT) {
        return List.of(entity(0));
      }
      if (value != JsonToken.START_ARRAY) {
        throw wrongType(Fields.ENTITIES, "an array of entity objects", value);
      }
      List<Entity> out = new ArrayList<>();
      int index = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == JsonToken.START_OBJECT) {
          out.add(entity(index));
        } else if (token != JsonToken.VALUE_NULL) {
          throw entityError(index, "expected an object, found " + typeOf(token));
        }
        index++;
      }
      return out;
    }

    private Entity entity(int index) throws IOException {
      String type = null;
      String name = null;
      List<String> aliases = List.of();
      int mentions = 1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        try {
          switch (field) {
            case Fields.ENTITY_TYPE -> type = string(field, value);
            case Fields.ENTITY_NAME -> name = string(field, value);
            case Fields.ENTITY_ALIASES -> aliases = strings(field, value);
            case Fields.ENTITY_MENTIONS -> mentions = mentions(value);
            default -> parser.skipChildren();
          }
        } catch (InvalidArticleException e) {
          throw entityError(index, e.getMessage());
        }
      }
      if (type == null) {
        throw entityError(index, "missing type");
      }
      if (name == null) {
        throw entityError(index, "missing name");
      }
      EntityType entityType;
      try {
        entityType = EntityType.parse(type);
      } catch (IllegalArgumentException e) {
        throw entityError(index, e.getMessage());
      }
      try {
        return new Entity(entityType, name, aliases, mentions);
      } catch (InvalidArticleException e) {
        throw entityError(index, e.reason());
      }
    }

    private int mentions(JsonToken value) throws IOException {
      if (value != JsonToken.VALUE_NUMBER_INT) {
        throw wrongType(Fields.ENTITY_MENTIONS, "an integer", value);
      }
      if (parser.getNumberType() != JsonParser.NumberType.INT) {
        throw new InvalidArticleException(
            Fields.ENTITY_MENTIONS, "'" + parser.getText() + "' is out of range");
      }
      return parser.getIntValue();
    }

    /** The current string token, control characters removed, charged to the record's budget. */
    private String text(String field) throws IOException {
      String s = parser.getText();
      budget -= (long) s.length() + STRING_OVERHEAD;
      if (budget < 0) {
        throw new InvalidArticleException(
            field,
            "record text exceeds the limit of " + ArticleFiles.MAX_RECORD_LENGTH + " characters");
      }
      return Text.stripControls(s);
    }

    private static InvalidArticleException wrongType(String field, String expected, JsonToken found) {
      return new InvalidArticleException(field, "expected " + expected + ", found " + typeOf(found));
    }

    private static InvalidArticleException entityError(int index, String reason) {
      return new InvalidArticleException(Fields.ENTITIES, "entity at index " + index + ": " + reason);
    }
  }
}
