package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dateline.ArticleFiles;
import dev.dateline.ArticleFiles.Parsed;
import dev.dateline.ArticleFiles.Rejected;
import dev.dateline.InvalidArticleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;

/**
 * The records of a JSON Lines ({@code .jsonl}, {@code .ndjson}) input. Each line is split off as bytes, checked to be UTF-8 and parsed
 * on its own, so no line can affect another and memory use is bounded by the longest line.
 */
final class JsonLinesSource implements RecordSource {
  private final Input input;
  private final String display;
  private final ArticleJsonReader reader;
  private final StrictUtf8 utf8 = new StrictUtf8();
  private InputStream in;
  private LineReader lines;
  private boolean done;

  JsonLinesSource(Input input, String display, ArticleJsonReader reader) {
    this.input = input;
    this.display = display;
    this.reader = reader;
  }

  @Override
  public ArticleFiles.Record next() {
    if (done) {
      return null;
    }
    try {
      if (lines == null) {
        in = input.open();
        lines = new LineReader(in, ArticleFiles.MAX_RECORD_LENGTH);
      }
      while (lines.next()) {
        if (!lines.isBlank()) {
          return parseLine(display + ":" + lines.lineNumber());
        }
      }
      done = true;
      return null;
    } catch (Gzip.InvalidGzipException e) {
      done = true;
      String after =
          lines == null || lines.lineNumber() == 0
              ? ""
              : "; rest of file not read after line " + lines.lineNumber();
      return new Rejected(display, JsonErrors.describe(e) + after);
    } catch (IOException e) {
      done = true;
      String location = lines == null ? display : display + ":" + (lines.lineNumber() + 1);
      return new Rejected(location, JsonErrors.describe(e));
    }
  }

  private ArticleFiles.Record parseLine(String location) throws IOException {
    if (lines.tooLong()) {
      return new Rejected(
          location, "line longer than " + ArticleFiles.MAX_RECORD_LENGTH + " bytes; not read");
    }
    CharBuffer chars;
    try {
      chars = utf8.decode(lines.bytes(), lines.start(), lines.end());
    } catch (StrictUtf8.InvalidUtf8Exception e) {
      return new Rejected(
          location, "invalid UTF-8 at column " + (e.offset() + 1) + " (" + e.getMessage() + ")");
    }
    try (JsonParser parser =
        JsonConfig.RECORD.createParser(chars.array(), chars.arrayOffset(), chars.limit())) {
      return new Parsed(ArticleJson.parseOne(parser, reader, false), location);
    } catch (InvalidArticleException e) {
      return new Rejected(location, ArticleJson.reasonOf(e));
    } catch (JsonProcessingException e) {
      return new Rejected(location, JsonErrors.describe(e, false));
    }
  }

  @Override
  public void close() throws IOException {
    done = true;
    if (in != null) {
      in.close();
    }
  }
}
