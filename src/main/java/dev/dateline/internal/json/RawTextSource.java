package dev.dateline.internal.json;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.ArticleFiles.Parsed;
import dev.dateline.ArticleFiles.Rejected;
import dev.dateline.DatelineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.util.Objects;

/**
 * The one article of a raw {@code .txt} page: the input is read whole (up to the record limit),
 * checked to be UTF-8, stripped of control characters and handed to the raw text parser. The
 * location of its record is the file alone.
 */
final class RawTextSource implements RecordSource {
  private final Input input;
  private final String display;
  private final String fileNameId;
  private final ArticleFiles.Options options;
  private boolean done;

  /**
   * @param fileNameId the id of a page that yields neither id nor url: the file name without its
   *     extension ({@code .txt}, {@code .txt.gz}), stable for as long as the file keeps its name
   */
  RawTextSource(Input input, String display, String fileNameId, ArticleFiles.Options options) {
    this.input = input;
    this.display = display;
    this.fileNameId = fileNameId;
    this.options = options;
  }

  @Override
  public ArticleFiles.Record next() {
    if (done) {
      return null;
    }
    done = true;
    byte[] bytes;
    try (InputStream in = input.open()) {
      bytes = in.readNBytes(ArticleFiles.MAX_RECORD_LENGTH + 1);
    } catch (IOException e) {
      return new Rejected(display, JsonErrors.describe(e));
    }
    if (bytes.length > ArticleFiles.MAX_RECORD_LENGTH) {
      return new Rejected(
          display, "file larger than " + ArticleFiles.MAX_RECORD_LENGTH + " bytes; not read");
    }
    String text;
    try {
      CharBuffer chars = new StrictUtf8().decode(bytes, 0, bytes.length);
      text = chars.toString();
    } catch (StrictUtf8.InvalidUtf8Exception e) {
      return new Rejected(
          display,
          "invalid UTF-8 at " + lineAndColumn(bytes, e.offset()) + " (" + e.getMessage() + ")");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try {
      return new Parsed(parse(Text.stripControls(text)), display);
    } catch (DatelineException e) {
      return new Rejected(display, e.getMessage());
    }
  }

  private Article parse(String text) {
    Article.Builder builder =
        Objects.requireNonNull(
            options.rawTextParser().apply(text), "the raw text parser returned null");
    Article article = builder.build();
    boolean idWasDerived =
        article.url() == null
            && article.id()
                .equals(
                    Article.deriveId(
                        null, article.source(), article.headline(), article.published(), article.body()));
    if (idWasDerived) {
      article = article.toBuilder().id(fileNameId).build();
    }
    if (article.published() == null && options.defaultPublished() != null) {
      article = article.toBuilder().published(options.defaultPublished()).build();
    }
    return article;
  }

  private static String lineAndColumn(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (offset - lineStart + 1);
  }

  @Override
  public void close() {
    done = true;
  }
}
