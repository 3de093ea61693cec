/**
 * Dateline: embeddable full-text search over news articles, built on Apache Lucene.
 *
 * <p>The whole API is the package {@link dev.dateline}; start with {@link dev.dateline.NewsIndex}.
 * Everything under {@code dev.dateline.internal} is implementation and is not exported.
 *
 * <p>Lucene is a transitive dependency: the advanced parts of the API (extra filters on a {@link
 * dev.dateline.NewsQuery}, read access to the index searcher) use Lucene types, so a module that
 * {@code requires dev.dateline} reads {@code org.apache.lucene.core} too.
 */
module dev.dateline {
  requires transitive org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.queries;
  requires org.apache.lucene.suggest;
  requires org.apache.lucene.facet;
  requires com.fasterxml.jackson.core;

  exports dev.dateline;

  // The codec Dateline writes with (stored fields compressed with DEFLATE in small blocks), found
  // by Lucene by its name when a segment is opened.
  provides org.apache.lucene.codecs.Codec with
      dev.dateline.internal.index.DatelineCodec;
}
