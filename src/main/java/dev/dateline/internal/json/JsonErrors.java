package dev.dateline.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.dateline.ArticleFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns parser and I/O exceptions into the one-line reasons of rejected records. */
final class JsonErrors {
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  private JsonErrors() {}

  /**
   * Describes a JSON syntax error or exceeded limit.
   *
   * @param withLine whether to mention the line of the error (for multi-line documents; a JSON
   *     Lines record is one line, whose number is already in the location)
   */
  static String describe(JsonProcessingException e, boolean withLine) {
    if (e instanceof StreamConstraintsException) {
      return describeLimit(e.getOriginalMessage());
    }
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2");
    return "invalid JSON: " + lowerFirst(message) + at(e.getLocation(), withLine);
  }

  private static String describeLimit(String message) {
    String m = message == null ? "" : message;
    if (m.contains("nesting depth")) {
      return "nesting deeper than " + ArticleFiles.MAX_NESTING_DEPTH + " levels";
    }
    if (m.startsWith("String value length")) {
      return "a string is longer than " + ArticleFiles.MAX_STRING_LENGTH + " characters";
    }
    if (m.startsWith("Document length")) {
      return "record longer than " + ArticleFiles.MAX_RECORD_LENGTH + " characters";
    }
    int from = m.indexOf(" (from `");
    return "input exceeds a limit: " + lowerFirst(from > 0 ? m.substring(0, from) + ")" : m);
  }

  private static String at(JsonLocation location, boolean withLine) {
    if (location == null || location.getColumnNr() < 1) {
      return "";
    }
    return withLine
        ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
        : " at column " + location.getColumnNr();
  }

  /** Describes why a file could not be read, without the file name (the location has it). */
  static String describe(IOException e) {
    if (e instanceof Gzip.InvalidGzipException) {
      return "not valid gzip: " + e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "cannot read: no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot read: permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "cannot read: not a directory";
    }
    String detail = e.getMessage();
    return "cannot read: "
        + (detail == null || detail.isBlank() ? e.getClass().getSimpleName() : detail);
  }

  private static String lowerFirst(String s) {
    if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s; // keep acronyms such as "UTF-8" or "JSON"
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
