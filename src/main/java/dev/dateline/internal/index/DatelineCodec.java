package dev.dateline.internal.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The codec Dateline writes with when asked for compact storage ({@code
 * NewsIndex.Options.Builder.compactStorage}): Lucene's default codec, except that stored fields are
 * compressed with DEFLATE (Lucene's {@code BEST_COMPRESSION} algorithm, with a preset dictionary)
 * in blocks of {@value #BLOCK_BYTES} bytes instead of LZ4.
 *
 * <p>Why: the stored fields hold the article text (body and bullets are stored once, for {@code
 * get} and snippets) and are the largest part of the index. DEFLATE makes them about a third
 * smaller than LZ4. Lucene's own {@code BEST_COMPRESSION} mode uses 480 KB blocks, so reading one
 * article inflates about 55 KB: snippet searches, which read each hit's body, took 1.9-5.9x the
 * CPU (benchmarks/RESULTS.md). With {@value #BLOCK_BYTES}-byte blocks a read inflates a dictionary
 * of about 1.3 KB and the one or two sub-blocks of about 8 KB that hold the article (1.3-2.1x);
 * 160 KB blocks saved only 1% more of the index.
 *
 * <p>Lucene finds the codec by its name ({@value #NAME}) through the service loader when it opens
 * a segment, so the library registers it ({@code module-info} and {@code META-INF/services}).
 * The block length is a writing parameter only: segments written with another length are read
 * alike.
 */
public final class DatelineCodec extends FilterCodec {
  /** The name recorded in each segment. */
  public static final String NAME = "Dateline104";

  /** Uncompressed bytes per block of stored documents. */
  static final int BLOCK_BYTES = 80 * 1024;

  private static final StoredFieldsFormat STORED =
      new Lucene90CompressingStoredFieldsFormat(
          "DatelineStoredFieldsDeflate",
          Lucene90StoredFieldsFormat.BEST_COMPRESSION_MODE,
          BLOCK_BYTES,
          4096,
          10);

  /** For the service loader; the instance to write with is {@link #INSTANCE} (any is equal). */
  public DatelineCodec() {
    super(NAME, new Lucene104Codec());
  }

  /** The codec, to give the index writer. */
  public static final DatelineCodec INSTANCE = new DatelineCodec();

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return STORED;
  }
}
