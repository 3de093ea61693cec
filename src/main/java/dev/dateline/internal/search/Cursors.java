package dev.dateline.internal.search;

import dev.dateline.InvalidQueryException;
import dev.dateline.SortOrder;
import dev.dateline.internal.index.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the position after the last hit of a page as an opaque, URL-safe cursor: the sort order
 * and the sort values of that hit (score or publication time, then id). Because the position is
 * made of values, not Lucene document numbers, a cursor stays valid across refreshes, merges and
 * concurrent writes: the next page starts after that (value, id) pair in the current index.
 *
 * <p>A {@link SortOrder#RECENT} cursor also carries the reference instant its scores were computed
 * against ({@code score@millis}), so the next page is scored against the same instant even when the
 * query is built again later (as the CLI does).
 */
public final class Cursors {
  private static final String VERSION = "1";

  private Cursors() {}

  public static String encode(SortOrder order, FieldDoc last) {
    return encode(order, last, null);
  }

  /**
   * Encodes the position after {@code last}; for {@link SortOrder#RECENT}, {@code reference} is
   * the instant the scores were computed against (ignored for the other orders).
   */
  public static String encode(SortOrder order, FieldDoc last, Instant reference) {
    String key =
        switch (order) {
          case RELEVANCE -> Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]));
          case RECENT ->
              Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]))
                  + "@"
                  + reference.toEpochMilli();
          case NEWEST, OLDEST -> Long.toString((Long) last.fields[0]);
        };
    String id = Schema.sortId(last.fields[1]).utf8ToString();
    String raw = VERSION + ":" + code(order) + ":" + key + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** One letter per order in the cursor; RECENT has its own, as RELEVANCE has the R. */
  private static char code(SortOrder order) {
    return order == SortOrder.RECENT ? 'T' : order.name().charAt(0);
  }

  /**
   * Decodes a cursor for {@code order}.
   *
   * @throws InvalidQueryException if it is not a cursor or belongs to another sort order
   */
  public static FieldDoc decode(SortOrder order, String cursor) {
    String[] parts = parts(order, cursor);
    Object key;
    try {
      key =
          switch (order) {
            case RELEVANCE -> Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16));
            case RECENT -> {
              int at = parts[2].indexOf('@');
              if (at < 0) {
                throw new NumberFormatException();
              }
              yield Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2].substring(0, at), 16));
            }
            case NEWEST, OLDEST -> Long.parseLong(parts[2]);
          };
    } catch (NumberFormatException e) {
      throw new InvalidQueryException("invalid cursor: corrupt sort value");
    }
    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {key, new BytesRef(parts[3])});
  }

  /**
   * The reference instant of a {@link SortOrder#RECENT} cursor.
   *
   * @throws InvalidQueryException if it is not a RECENT cursor
   */
  public static Instant recencyReference(String cursor) {
    String[] parts = parts(SortOrder.RECENT, cursor);
    int at = parts[2].indexOf('@');
    try {
      if (at < 0) {
        throw new NumberFormatException();
      }
      return Instant.ofEpochMilli(Long.parseLong(parts[2].substring(at + 1)));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new InvalidQueryException("invalid cursor: corrupt sort value");
    }
  }

  private static String[] parts(SortOrder order, String cursor) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("invalid cursor: not produced by Dateline");
    }
    String[] parts = raw.split(":", 4);
    if (parts.length != 4 || !parts[0].equals(VERSION) || parts[1].length() != 1) {
      throw new InvalidQueryException("invalid cursor: not produced by Dateline");
    }
    if (parts[1].charAt(0) != code(order)) {
      throw new InvalidQueryException(
          "cursor belongs to a different sort order; use it with the query that produced it");
    }
    return parts;
  }
}
