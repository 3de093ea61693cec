package dev.dateline.internal.json;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.ArticleFiles.Parsed;
import dev.dateline.ArticleFiles.Rejected;
import dev.dateline.DatelineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The one article of a raw {@code .txt} page: the file is read whole (up to the record limit),
 * checked to be UTF-8, stripped of control characters and handed to the raw text parser. The
 * location of its record is the file alone.
 */
final class RawTextSource implements RecordSource {
  private final Path path;
  private final String display;
  private final ArticleFiles.Options options;
  private boolean done;

  RawTextSource(Path path, String display, ArticleFiles.Options options) {
    this.path = path;
    this.display = display;
    this.options = options;
  }

  @Override
  public ArticleFiles.Record next() {
    if (done) {
      return null;
    }
    done = true;
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
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
      article = article.toBuilder().id(fileNameId()).build();
    }
    if (article.published() == null && options.defaultPublished() != null) {
      article = article.toBuilder().published(options.defaultPublished()).build();
    }
    return article;
  }

  /** The file name without its {@code .txt} extension: stable for as long as the file keeps it. */
  private String fileNameId() {
    String name = path.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".txt") && name.length() > 4) {
      name = name.substring(0, name.length() - 4);
    }
    return name;
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
