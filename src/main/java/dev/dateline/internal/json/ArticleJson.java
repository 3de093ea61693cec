package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.dateline.Article;
import dev.dateline.InvalidArticleException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Single-article JSON conversions behind {@code ArticleFiles.parseJson/toJson/toPrettyJson}. */
public final class ArticleJson {
  /** The pseudo field named by errors about the JSON text as a whole. */
  static final String JSON = "json";

  private static final ArticleJsonReader READER = new ArticleJsonReader(null);

  private ArticleJson() {}

  /**
   * Parses one article object.
   *
   * @throws InvalidArticleException for an invalid article, or with field {@code json} for text
   *     that is not exactly one JSON object
   */
  public static Article parse(String json) {
    try (JsonParser parser = JsonConfig.RECORD.createParser(json)) {
      return parseOne(parser, READER, true);
    } catch (JsonProcessingException e) {
      throw new InvalidArticleException(JSON, JsonErrors.describe(e, true));
    } catch (IOException e) {
      // A parser over a String does no I/O.
      throw new UncheckedIOException("unexpected I/O error reading a string", e);
    }
  }

  /**
   * Reads the one object that {@code parser} holds and checks that nothing follows it.
   *
   * @throws InvalidArticleException for an invalid article or a value that is not an object
   * @throws IOException for malformed JSON or exceeded limits
   */
  static Article parseOne(JsonParser parser, ArticleJsonReader reader, boolean withLine)
      throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new InvalidArticleException(
          JSON, "expected a JSON object, found " + ArticleJsonReader.typeOf(first));
    }
    Article article = reader.read(parser);
    if (parser.nextToken() != null) {
      var where = parser.currentTokenLocation();
      throw new InvalidArticleException(
          JSON,
          "unexpected content after the article object at "
              + (withLine ? "line " + where.getLineNr() + ", " : "")
              + "column "
              + where.getColumnNr());
    }
    return article;
  }

  /**
   * The reason to report for a rejected record: the exception's message, without the {@code
   * json} pseudo field, which says nothing in a file location.
   */
  static String reasonOf(InvalidArticleException e) {
    return JSON.equals(e.field()) ? e.reason() : e.getMessage();
  }

  /** The article as JSON, compact on one line or indented. */
  public static String write(Article article, boolean pretty) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonConfig.WRITER.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      ArticleJsonWriter.write(g, article);
    } catch (IOException e) {
      // A generator over a StringWriter does no I/O.
      throw new UncheckedIOException("unexpected I/O error writing to a string", e);
    }
    return out.toString();
  }
}
