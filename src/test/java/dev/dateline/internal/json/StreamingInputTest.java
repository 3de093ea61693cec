package dev.dateline.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte-level line splitter and the strict UTF-8 reader under the file sources. */
class StreamingInputTest {

  @Test
  void lineLongerThanTheLimitIsSkippedAndFlaggedWithoutLosingTheNextLine() throws IOException {
    LineReader lines = new LineReader(input("short\n" + "x".repeat(100) + "\nnext\nlast"), 10);
    List<String> seen = new ArrayList<>();
    while (lines.next()) {
      seen.add(lines.lineNumber() + ":" + (lines.tooLong() ? "TOO LONG" : text(lines)));
    }
    assertThat(seen).containsExactly("1:short", "2:TOO LONG", "3:next", "4:last");
  }

  @Test
  void linesSpanningReadBuffersCarriageReturnsAndByteOrderMarkAreHandled() throws IOException {
    String longLine = "\u00e9".repeat(100_000); // 200 000 bytes, over several 64 KiB reads
    LineReader lines = new LineReader(input("\uFEFFfirst\r\n" + longLine + "\n\n"), 1 << 20);
    assertThat(lines.next()).isTrue();
    assertThat(text(lines)).isEqualTo("first");
    assertThat(lines.next()).isTrue();
    assertThat(text(lines)).isEqualTo(longLine);
    assertThat(lines.next()).isTrue();
    assertThat(lines.isBlank()).isTrue();
    assertThat(lines.next()).isFalse();
  }

  @Test
  void strictReaderDecodesMultibyteCharactersAcrossBufferBoundaries() throws IOException {
    String text = "\uFEFF" + "a\u00e9\u20ac\uD83D\uDCF0\n".repeat(50_000);
    try (Reader reader = new StrictUtf8Reader(input(text))) {
      assertThat(readAll(reader)).isEqualTo(text.substring(1));
    }
  }

  @Test
  void strictReaderHandsOutValidPrefixThenReportsLineAndColumn() throws IOException {
    byte[] prefix = "line one\nab".getBytes(UTF_8);
    byte[] bytes = new byte[prefix.length + 2];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    bytes[prefix.length] = (byte) 0xE2; // start of a 3-byte sequence ...
    bytes[prefix.length + 1] = 'c'; // ... broken off
    try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
      char[] buffer = new char[100];
      int n = reader.read(buffer, 0, buffer.length);
      assertThat(new String(buffer, 0, n)).isEqualTo("line one\nab");
      assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length))
          .isInstanceOfSatisfying(
              StrictUtf8Reader.InvalidUtf8Exception.class,
              e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.column()).isEqualTo(3);
              });
    }
  }

  @Test
  void controlCharactersAreStrippedExceptTabAndNewline() {
    String clean = "plain text\twith tab\nand newline";
    assertThat(Text.stripControls(clean)).isSameAs(clean);
    assertThat(Text.stripControls("\u0000a\rb\u001fc\u007f")).isEqualTo("abc\u007f");
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static String text(LineReader lines) {
    return new String(lines.bytes(), lines.start(), lines.end() - lines.start(), UTF_8);
  }

  private static String readAll(Reader reader) throws IOException {
    StringWriter out = new StringWriter();
    reader.transferTo(out);
    return out.toString();
  }
}
