package dev.dateline.internal.json;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Gzip-compressed input. Format errors of the compressed data (a bad header, corrupt blocks, a
 * truncated stream, a wrong checksum) are thrown as {@link InvalidGzipException}, told apart from
 * other I/O errors, so that the record reports {@code file: not valid gzip: ...}.
 */
final class Gzip {
  private static final int BUFFER_SIZE = 1 << 16;

  private Gzip() {}

  /** The compressed data of an input is not valid gzip. */
  static final class InvalidGzipException extends IOException {
    private static final long serialVersionUID = 1L;

    InvalidGzipException(IOException cause) {
      super(describe(cause), cause);
    }

    private static String describe(IOException e) {
      if (e instanceof EOFException) {
        return "unexpected end of the compressed data";
      }
      String m = e.getMessage();
      if (m == null || m.isBlank()) {
        return e.getClass().getSimpleName();
      }
      return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && !Character.isUpperCase(m.charAt(1))
          ? Character.toLowerCase(m.charAt(0)) + m.substring(1)
          : m;
    }
  }

  /**
   * Decompresses {@code raw}, reading the gzip header now. On failure {@code raw} is closed.
   *
   * @throws InvalidGzipException if the data does not start with a valid gzip header
   */
  static InputStream decompress(InputStream raw) throws IOException {
    try {
      return new Checked(new GZIPInputStream(raw, BUFFER_SIZE));
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new InvalidGzipException(e);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * {@code in} decompressed if it starts with the gzip magic bytes ({@code 1f 8b}, which no JSON or
   * text input starts with), else {@code in} itself, unread.
   */
  static InputStream decompressIfGzip(InputStream in) throws IOException {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, BUFFER_SIZE);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = b0 < 0 ? -1 : buffered.read();
    buffered.reset();
    return b0 == 0x1f && b1 == 0x8b ? decompress(buffered) : buffered;
  }

  /** Turns format errors met while reading compressed data into {@link InvalidGzipException}. */
  private static final class Checked extends FilterInputStream {
    Checked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (ZipException | EOFException e) {
        throw new InvalidGzipException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw new InvalidGzipException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (ZipException | EOFException e) {
        throw new InvalidGzipException(e);
      }
    }
  }
}
