package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.dateline.ArticleFiles;
import dev.dateline.ArticleFiles.Parsed;
import dev.dateline.ArticleFiles.Rejected;
import dev.dateline.InvalidArticleException;
import java.io.IOException;

/**
 * The records of a {@code .json} input: an array of article objects, or one object. The file is
 * parsed as a stream, one record at a time. A record with bad content is rejected and reading goes
 * on; a syntax error, an exceeded limit or invalid UTF-8 ends the file, since a JSON parser cannot
 * find the next record after them.
 */
final class JsonDocumentSource implements RecordSource {
  private enum State {
    START,
    IN_ARRAY,
    AFTER_VALUE,
    DONE
  }

  private final Input input;
  private final String display;
  private final ArticleJsonReader reader;
  private JsonParser parser;
  private State state = State.START;

  JsonDocumentSource(Input input, String display, ArticleJsonReader reader) {
    this.input = input;
    this.display = display;
    this.reader = reader;
  }

  @Override
  public ArticleFiles.Record next() {
    try {
      while (true) {
        switch (state) {
          case DONE -> {
            return null;
          }
          case START -> {
            ArticleFiles.Record r = start();
            if (r != null) {
              return r;
            }
          }
          case IN_ARRAY -> {
            ArticleFiles.Record r = nextElement();
            if (r != null) {
              return r;
            }
          }
          case AFTER_VALUE -> {
            state = State.DONE;
            if (parser.nextToken() != null) {
              return new Rejected(
                  location(),
                  "unexpected content after the top-level JSON value at column "
                      + parser.currentTokenLocation().getColumnNr());
            }
            return null;
          }
        }
      }
    } catch (StrictUtf8Reader.InvalidUtf8Exception e) {
      state = State.DONE;
      return new Rejected(
          display + ":" + e.line(),
          "invalid UTF-8 at column " + e.column() + "; rest of file not read");
    } catch (JsonProcessingException e) {
      state = State.DONE;
      // Limit violations carry no location of their own; the parser is where it stopped.
      var at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      int line = at.getLineNr();
      return new Rejected(
          line > 0 ? display + ":" + line : display,
          JsonErrors.describe(e, false) + "; rest of file not read");
    } catch (Gzip.InvalidGzipException e) {
      state = State.DONE;
      String after =
          parser == null ? "" : "; rest of file not read after line " + parser.currentLocation().getLineNr();
      return new Rejected(display, JsonErrors.describe(e) + after);
    } catch (IOException e) {
      state = State.DONE;
      return new Rejected(parser == null ? display : location(), JsonErrors.describe(e));
    }
  }

  /** Opens the file and handles its top-level value; null when there is no record to return yet. */
  private ArticleFiles.Record start() throws IOException {
    parser = JsonConfig.DOCUMENT.createParser(new StrictUtf8Reader(input.open()));
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      state = State.IN_ARRAY;
      return null;
    }
    if (first == JsonToken.START_OBJECT) {
      state = State.AFTER_VALUE;
      return record();
    }
    state = State.DONE;
    return new Rejected(
        first == null ? display : location(),
        "expected a JSON array of article objects or one article object, found "
            + ArticleJsonReader.typeOf(first));
  }

  private ArticleFiles.Record nextElement() throws IOException {
    JsonToken token = parser.nextToken();
    while (token == JsonToken.VALUE_NULL) {
      token = parser.nextToken();
    }
    if (token == JsonToken.END_ARRAY) {
      state = State.AFTER_VALUE;
      return null;
    }
    if (token == JsonToken.START_OBJECT) {
      return record();
    }
    String location = location();
    parser.skipChildren();
    return new Rejected(
        location, "expected an article object, found " + ArticleJsonReader.typeOf(token));
  }

  /** Reads the object at the current START_OBJECT, which is consumed even when it is invalid. */
  private ArticleFiles.Record record() throws IOException {
    String location = location();
    try {
      return new Parsed(reader.read(parser), location);
    } catch (InvalidArticleException e) {
      return new Rejected(location, e.getMessage());
    }
  }

  private String location() {
    return display + ":" + parser.currentTokenLocation().getLineNr();
  }

  @Override
  public void close() throws IOException {
    state = State.DONE;
    if (parser != null) {
      parser.close();
    }
  }
}
