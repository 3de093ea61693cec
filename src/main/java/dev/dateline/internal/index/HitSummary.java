package dev.dateline.internal.index;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a search hit shows of an article (id, headline, time, source, byline, url, section,
 * entities), kept per document as one binary doc value ({@link Schema#HIT}).
 *
 * <p>Why not stored fields: Lucene compresses stored fields in blocks of many documents, so
 * loading the headline of one hit decompresses the bodies of its neighbours too. Profiling showed
 * that this was most of the cost of newest-first and filtered searches; a doc value of a few
 * hundred bytes is read directly. Stored fields still hold the whole article for {@code get},
 * highlighting and statistics.
 *
 * <p>To bound its size the summary keeps at most {@value #MAX_ENTITIES} entities with at most
 * {@value #MAX_ALIASES} aliases each, and strings of at most {@value #MAX_STRING_CHARS} chars.
 */
public record HitSummary(
    String id,
    String headline,
    Instant published,
    String source,
    String byline,
    String url,
    String section,
    List<Entity> entities) {

  static final int MAX_ENTITIES = 100;
  static final int MAX_ALIASES = 10;
  static final int MAX_STRING_CHARS = 1000;
  private static final int VERSION = 1;

  /** The summary of an article (encoding applies the bounds above). */
  public static HitSummary of(Article a) {
    return new HitSummary(
        a.id(), a.headline(), a.published(), a.source(), a.byline(), a.url(), a.section(),
        a.entities());
  }

  /**
   * Whether a summary holds {@code value} whole (not cut to {@value #MAX_STRING_CHARS} chars), so
   * the stored fields need not keep it too.
   */
  static boolean holds(String value) {
    return value.length() <= MAX_STRING_CHARS;
  }

  /**
   * Whether a summary holds these entities whole: at most {@value #MAX_ENTITIES}, each with at
   * most {@value #MAX_ALIASES} aliases, no name or alias cut.
   */
  static boolean holdsEntities(List<Entity> entities) {
    if (entities.size() > MAX_ENTITIES) {
      return false;
    }
    for (Entity e : entities) {
      if (e.aliases().size() > MAX_ALIASES || !holds(e.name())) {
        return false;
      }
      for (String alias : e.aliases()) {
        if (!holds(alias)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Encodes the summary as the bytes of the doc value. */
  BytesRef encode() {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(VERSION);
      out.writeString(id);
      writeOptional(out, headline);
      out.writeByte((byte) (published == null ? 0 : 1));
      if (published != null) {
        out.writeZLong(published.toEpochMilli());
      }
      writeOptional(out, source);
      writeOptional(out, byline);
      writeOptional(out, url);
      writeOptional(out, section);
      int n = Math.min(entities.size(), MAX_ENTITIES);
      out.writeVInt(n);
      for (Entity e : entities.subList(0, n)) {
        out.writeByte((byte) e.type().ordinal());
        out.writeString(cut(e.name()));
        out.writeVInt(e.mentions());
        int aliases = Math.min(e.aliases().size(), MAX_ALIASES);
        out.writeVInt(aliases);
        for (String alias : e.aliases().subList(0, aliases)) {
          out.writeString(cut(alias));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  /** Decodes the bytes written by {@link #encode()}. */
  public static HitSummary decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int version = in.readVInt();
    if (version != VERSION) {
      throw new IllegalStateException("unknown hit summary version " + version);
    }
    String id = in.readString();
    String headline = readOptional(in);
    Instant published = in.readByte() == 0 ? null : Instant.ofEpochMilli(in.readZLong());
    String source = readOptional(in);
    String byline = readOptional(in);
    String url = readOptional(in);
    String section = readOptional(in);
    int n = in.readVInt();
    // The entities are the rest of the bytes: decoded when the hit's entities are first read, not
    // for every hit of every page (the rest of a summary is what most pages show).
    List<Entity> entities =
        n == 0
            ? List.of()
            : new LazyEntities(
                // getPosition is absolute: the input starts at bytes.offset.
                Arrays.copyOfRange(bytes.bytes, in.getPosition(), bytes.offset + bytes.length), n);
    return new HitSummary(id, headline, published, source, byline, url, section, entities);
  }

  /**
   * {@code entities} as an immutable list: itself if it is already one this class made (a hit's
   * entities not yet decoded stay so), else {@link List#copyOf}.
   */
  public static List<Entity> immutableCopy(List<Entity> entities) {
    return entities instanceof LazyEntities ? entities : List.copyOf(entities);
  }

  private static List<Entity> decodeEntities(byte[] bytes, int n) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes);
    List<Entity> entities = new ArrayList<>(n);
    try {
      EntityType[] types = EntityType.values();
      for (int i = 0; i < n; i++) {
        EntityType type = types[in.readByte()];
        String name = in.readString();
        int mentions = in.readVInt();
        int aliasCount = in.readVInt();
        List<String> aliases = aliasCount == 0 ? List.of() : new ArrayList<>(aliasCount);
        for (int a = 0; a < aliasCount; a++) {
          aliases.add(in.readString());
        }
        entities.add(new Entity(type, name, aliases, mentions));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a hit's entities from memory failed", e);
    }
    return List.copyOf(entities);
  }

  /**
   * A hit's entities, decoded from their bytes on first use (then kept). Immutable, like the list
   * an {@link Article} holds; safe to read from several threads (a race decodes twice, equally).
   */
  private static final class LazyEntities extends AbstractList<Entity> implements RandomAccess {
    private final byte[] bytes;
    private final int size;
    private volatile List<Entity> decoded;

    LazyEntities(byte[] bytes, int size) {
      this.bytes = bytes;
      this.size = size;
    }

    private List<Entity> decoded() {
      List<Entity> d = decoded;
      if (d == null) {
        d = decodeEntities(bytes, size);
        decoded = d;
      }
      return d;
    }

    @Override
    public Entity get(int index) {
      return decoded().get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  private static void writeOptional(ByteBuffersDataOutput out, String s) throws IOException {
    out.writeByte((byte) (s == null ? 0 : 1));
    if (s != null) {
      out.writeString(cut(s));
    }
  }

  private static String readOptional(ByteArrayDataInput in) throws IOException {
    return in.readByte() == 0 ? null : in.readString();
  }

  private static String cut(String s) {
    return Schema.cut(s, MAX_STRING_CHARS);
  }
}
