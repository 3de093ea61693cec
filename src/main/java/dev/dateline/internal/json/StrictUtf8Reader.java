package dev.dateline.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 reader that fails on invalid input, like {@link java.io.InputStreamReader} with a
 * reporting decoder, but first hands out every character decoded before the invalid bytes and then
 * throws an {@link InvalidUtf8Exception} saying where they are. A byte order mark at the start is
 * skipped. Not thread-safe.
 */
final class StrictUtf8Reader extends Reader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** Invalid UTF-8 in the input, at a 1-based line and column (counted in characters). */
  static final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    InvalidUtf8Exception(int line, int column) {
      super("invalid UTF-8 at line " + line + ", column " + column);
      this.line = line;
      this.column = column;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private boolean endOfInput;
  private boolean flushed;
  private boolean invalid;
  private boolean atStart = true;
  private int line = 1;
  private int column = 1;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    int count = decode(out);
    if (count > 0 && atStart) {
      atStart = false;
      if (target[offset] == BYTE_ORDER_MARK) {
        System.arraycopy(target, offset + 1, target, offset, --count);
        if (count == 0) {
          return read(target, offset, length);
        }
      }
    }
    track(target, offset, count);
    return count;
  }

  /** Decodes into {@code out}; the number of characters, or -1 at the end of input. */
  private int decode(CharBuffer out) throws IOException {
    int start = out.position();
    while (true) {
      int produced = out.position() - start;
      if (invalid) {
        if (produced > 0) {
          return produced; // the characters before the invalid bytes first
        }
        throw new InvalidUtf8Exception(line, column);
      }
      if (flushed) {
        return produced > 0 ? produced : -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        invalid = true;
      } else if (result.isOverflow()) {
        return out.position() - start;
      } else if (endOfInput) {
        if (decoder.flush(out).isOverflow()) {
          return out.position() - start;
        }
        flushed = true;
      } else if (out.position() > start) {
        return out.position() - start; // what we have, before blocking for more input
      } else {
        fill();
      }
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void track(char[] chars, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      if (chars[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
