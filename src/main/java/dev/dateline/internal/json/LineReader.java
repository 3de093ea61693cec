package dev.dateline.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n} (a preceding {@code \r} is dropped), without
 * decoding: in UTF-8 the byte {@code 0x0A} only ever encodes a line feed, so a line with invalid
 * bytes cannot swallow its successor. A line longer than the limit is skipped without being kept in
 * memory and reported through {@link #tooLong()}. A UTF-8 byte order mark before the first line is
 * dropped. Not thread-safe.
 */
final class LineReader {
  private static final int BUFFER_SIZE = 1 << 16;
  /** Line buffers grown beyond this are released after use rather than kept for the next line. */
  private static final int KEEP_LINE_BUFFER = 1 << 20;

  private final InputStream in;
  private final int maxLineLength;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int lineStart;
  private int lineLength;
  private int lineNumber;
  private boolean tooLong;

  LineReader(InputStream in, int maxLineLength) {
    this.in = in;
    this.maxLineLength = maxLineLength;
  }

  /** Reads the next line; false at end of input. */
  boolean next() throws IOException {
    if (line.length > KEEP_LINE_BUFFER) {
      line = new byte[1024];
    }
    lineStart = 0;
    lineLength = 0;
    tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!sawAny) {
          return false;
        }
        break;
      }
      sawAny = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      append(position, end - position);
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    if (!tooLong) {
      if (lineLength > 0 && line[lineLength - 1] == '\r') {
        lineLength--;
      }
      if (lineNumber == 1 && hasByteOrderMark()) {
        lineStart = 3;
      }
    }
    return true;
  }

  /** 1-based number of the current line. */
  int lineNumber() {
    return lineNumber;
  }

  /** Whether the current line exceeded the limit; its content is then not available. */
  boolean tooLong() {
    return tooLong;
  }

  /** The buffer holding the current line, valid until the next call to {@link #next()}. */
  byte[] bytes() {
    return line;
  }

  int start() {
    return lineStart;
  }

  int end() {
    return lineLength;
  }

  /** Whether the current line holds only spaces and tabs (or nothing). */
  boolean isBlank() {
    for (int i = lineStart; i < lineLength; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return !tooLong;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int length) {
    if (tooLong) {
      return;
    }
    if ((long) lineLength + length > maxLineLength) {
      tooLong = true;
      line = new byte[1024];
      lineLength = 0;
      return;
    }
    if (lineLength + length > line.length) {
      int capacity = (int) Math.min(maxLineLength, Math.max(2L * line.length, lineLength + length));
      line = Arrays.copyOf(line, capacity);
    }
    System.arraycopy(buffer, from, line, lineLength, length);
    lineLength += length;
  }

  private boolean hasByteOrderMark() {
    return lineLength >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF;
  }
}
