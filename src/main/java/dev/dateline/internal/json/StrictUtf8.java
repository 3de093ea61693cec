package dev.dateline.internal.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and reports the first invalid byte instead of replacing it. Reuses its buffers
 * across calls; not thread-safe.
 */
final class StrictUtf8 {
  private static final int KEEP_CHAR_BUFFER = 1 << 20;

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private CharBuffer chars = CharBuffer.allocate(1024);

  /** Invalid UTF-8 at a known byte offset; the message names the first byte of the bad sequence. */
  static final class InvalidUtf8Exception extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    InvalidUtf8Exception(int offset, byte value) {
      super(String.format(java.util.Locale.ROOT, "byte 0x%02X", value & 0xFF));
      this.offset = offset;
    }

    /** 0-based offset of the first invalid byte in the array that was decoded. */
    int offset() {
      return offset;
    }
  }

  /**
   * Decodes {@code bytes[from..to)}. The returned buffer holds the characters from index 0 to its
   * limit and is valid until the next call.
   */
  CharBuffer decode(byte[] bytes, int from, int to) throws InvalidUtf8Exception {
    int length = to - from;
    if (chars.capacity() < length || chars.capacity() > Math.max(KEEP_CHAR_BUFFER, length * 2)) {
      chars = CharBuffer.allocate(Math.max(length, 1024));
    }
    chars.clear();
    ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
    decoder.reset();
    CoderResult result = decoder.decode(in, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int at = in.position();
      throw new InvalidUtf8Exception(at, at < to ? bytes[at] : 0);
    }
    chars.flip();
    return chars;
  }
}
