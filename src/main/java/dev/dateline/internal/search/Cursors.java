package dev.dateline.internal.search;

import dev.dateline.InvalidQueryException;
import dev.dateline.SortOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the position after the last hit of a page as an opaque, URL-safe cursor: the sort order
 * and the sort values of that hit (score or publication time, then id). Because the position is
 * made of values, not Lucene document numbers, a cursor stays valid across refreshes, merges and
 * concurrent writes: the next page starts after that (value, id) pair in the current index.
 */
public final class Cursors {
  private static final String VERSION = "1";

  private Cursors() {}

  public static String encode(SortOrder order, FieldDoc last) {
    String key =
        switch (order) {
          case RELEVANCE -> Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]));
          case NEWEST, OLDEST -> Long.toString((Long) last.fields[0]);
        };
    String id = ((BytesRef) last.fields[1]).utf8ToString();
    String raw = VERSION + ":" + order.name().charAt(0) + ":" + key + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor for {@code order}.
   *
   * @throws InvalidQueryException if it is not a cursor or belongs to another sort order
   */
  public static FieldDoc decode(SortOrder order, String cursor) {
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
    if (parts[1].charAt(0) != order.name().charAt(0)) {
      throw new InvalidQueryException(
          "cursor belongs to a different sort order; use it with the query that produced it");
    }
    Object key;
    try {
      key =
          switch (order) {
            case RELEVANCE -> Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16));
            case NEWEST, OLDEST -> Long.parseLong(parts[2]);
          };
    } catch (NumberFormatException e) {
      throw new InvalidQueryException("invalid cursor: corrupt sort value");
    }
    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {key, new BytesRef(parts[3])});
  }
}
