package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.dateline.ArticleFiles;

/**
 * The Jackson factories used for article JSON, configured with the limits documented on {@link
 * ArticleFiles}. Jackson factories are thread-safe and meant to be shared.
 */
final class JsonConfig {

  /** For text that holds one record: a JSON Lines line, or a string given to parseJson. */
  static final JsonFactory RECORD = factory(ArticleFiles.MAX_RECORD_LENGTH);

  /**
   * For {@code .json} files, which may hold any number of records and are read as a stream: no
   * document limit, the per-record text budget of {@link ArticleJsonReader} applies instead.
   */
  static final JsonFactory DOCUMENT = factory(-1);

  /** For writing. */
  static final JsonFactory WRITER = JsonFactory.builder().build();

  private JsonConfig() {}

  private static JsonFactory factory(long maxDocumentLength) {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(ArticleFiles.MAX_NESTING_DEPTH)
            .maxStringLength(ArticleFiles.MAX_STRING_LENGTH)
            .maxDocumentLength(maxDocumentLength)
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(limits)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }
}
