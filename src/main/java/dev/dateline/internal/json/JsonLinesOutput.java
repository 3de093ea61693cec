package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dateline.Article;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes articles as JSON Lines through one reused UTF-8 generator. Closing closes the stream.
 * Not thread-safe.
 */
public final class JsonLinesOutput implements Closeable, Flushable {
  private final JsonGenerator generator;
  private long count;

  public JsonLinesOutput(OutputStream out) throws IOException {
    this.generator = JsonConfig.WRITER.createGenerator(out);
    // Lines are ended explicitly below; no separator between root values.
    generator.setRootValueSeparator(null);
  }

  public void write(Article article) throws IOException {
    ArticleJsonWriter.write(generator, article);
    generator.writeRaw('\n');
    count++;
  }

  public long count() {
    return count;
  }

  @Override
  public void flush() throws IOException {
    generator.flush();
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
