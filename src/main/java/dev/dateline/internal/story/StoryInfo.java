package dev.dateline.internal.story;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * What an article's doc values record about its story: the story id (the id of its
 * earliest-published member), its size, its members' distinct sources (sorted), and the source and
 * publication time (epoch millis, or null) of the earliest member.
 */
public record StoryInfo(
    String id, int size, List<String> sources, String firstSource, Long firstPublished) {

  /** Sources kept per story, and characters per source, in the stored encoding. */
  static final int MAX_SOURCES = 200;

  static final int MAX_CHARS = 1000;

  public StoryInfo {
    sources = List.copyOf(sources);
  }

  /** The numeric key that groups a story's members (a 64-bit hash of the story id). */
  public long key() {
    return key(id);
  }

  /** The key of a story id. */
  public static long key(String storyId) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < storyId.length(); i++) {
      h ^= storyId.charAt(i);
      h *= 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    return h ^ (h >>> 33);
  }

  /** The doc values encoding. */
  public BytesRef encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(cut(id));
      out.writeInt(size);
      out.writeBoolean(firstSource != null);
      if (firstSource != null) {
        out.writeUTF(cut(firstSource));
      }
      out.writeBoolean(firstPublished != null);
      if (firstPublished != null) {
        out.writeLong(firstPublished);
      }
      int n = Math.min(MAX_SOURCES, sources.size());
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        out.writeUTF(cut(sources.get(i)));
      }
      return new BytesRef(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes {@link #encode()}. */
  public static StoryInfo decode(BytesRef ref) {
    try {
      DataInputStream in =
          new DataInputStream(new java.io.ByteArrayInputStream(ref.bytes, ref.offset, ref.length));
      String id = in.readUTF();
      int size = in.readInt();
      String first = in.readBoolean() ? in.readUTF() : null;
      Long published = in.readBoolean() ? in.readLong() : null;
      int n = in.readInt();
      List<String> sources = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sources.add(in.readUTF());
      }
      return new StoryInfo(id, size, sources, first, published);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cut(String s) {
    // writeUTF takes at most 65,535 bytes; 1,000 chars is at most 3,000.
    if (s.length() <= MAX_CHARS) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return s.substring(0, end);
  }
}
