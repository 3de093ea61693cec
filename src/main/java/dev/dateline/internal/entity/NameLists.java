package dev.dateline.internal.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Large open-data name lists (GeoNames cities and regions, country names, US politicians, S&P 500
 * companies, given names; sources in {@value #RESOURCE}'s header and the NOTICE file), used as
 * features of the {@link NerTagger} and by the extractor's rules to tell whether a name already
 * found is a known place, a country or starts with a given name: a city list full of common words
 * ("Reading", "Mobile") must not make names on its own.
 */
final class NameLists {
  static final String RESOURCE = "/dev/dateline/entity/name-lists.tsv.gz";

  /** List bits. */
  static final int LOC = 1;
  static final int PER = 2;
  static final int ORG = 4;
  static final int FIRST = 8;
  static final int COUNTRY = 16;
  /** The list bits of an {@link #entry}. */
  private static final int LIST_BITS = 0xFFFF;
  /** Where an {@link #entry} keeps {@link #longestFrom} (8 bits). */
  private static final int LONGEST_SHIFT = 20;
  /** Internal mark: the key is the start (two words or more) of a longer multi-word name. */
  private static final int PREFIX = 1 << 30;

  private static final NameLists STANDARD = load();

  /** Per key: list bits, {@link #PREFIX}, and for a first word its longest name's length. */
  private final Map<String, Integer> bitsByKey = new HashMap<>();

  static NameLists standard() {
    return STANDARD;
  }

  /** Whether the folded name (words joined by spaces) is a country's name in the open lists. */
  boolean isCountry(String key) {
    return (bits(key) & COUNTRY) != 0;
  }

  /** List bits of a one-word key (0 when in no list). */
  int bits(String key) {
    return bits(entry(key));
  }

  /** All the lists know of a one-word key, in one look-up: see {@link #bits(int)}, {@link #longest}. */
  int entry(String key) {
    return bitsByKey.getOrDefault(key, 0);
  }

  /** The list bits of an {@link #entry}. */
  static int bits(int entry) {
    return entry & LIST_BITS;
  }

  /** The {@link #longestFrom} of an {@link #entry}. */
  static int longest(int entry) {
    return (entry >>> LONGEST_SHIFT) & 0xFF;
  }

  /** Words in the longest multi-word name starting with {@code key} (0 when none does). */
  int longestFrom(String key) {
    return longest(entry(key));
  }

  /**
   * Marks, for every token, the list bits of the longest multi-word list name covering it: {@code
   * begin[i]} for the first token of such a name, {@code inside[i]} for the others; {@code
   * longest[i]} is {@link #longestFrom} token {@code i}'s key.
   */
  void mark(List<Token> t, int[] longest, int[] begin, int[] inside) {
    StringBuilder key = new StringBuilder();
    for (int s = 0; s < t.size(); s++) {
      if (longest[s] == 0) {
        continue;
      }
      key.setLength(0);
      key.append(t.get(s).key());
      int bestEnd = -1;
      int bestBits = 0;
      for (int e = s + 2; e <= Math.min(t.size(), s + longest[s]); e++) {
        if (t.get(e - 1).breakBefore()) {
          break;
        }
        key.append(' ').append(t.get(e - 1).key());
        Integer b = bitsByKey.get(key.toString());
        if (b == null) {
          break; // no name starts with these words
        }
        if ((b & LIST_BITS) != 0) {
          bestEnd = e;
          bestBits = b & LIST_BITS;
        }
        if ((b & PREFIX) == 0) {
          break;
        }
      }
      if (bestEnd > 0) {
        begin[s] |= bestBits;
        for (int i = s + 1; i < bestEnd; i++) {
          inside[i] |= bestBits;
        }
      }
    }
  }

  private static NameLists load() {
    NameLists n = new NameLists();
    Map<String, Integer> longestByFirstKey = new HashMap<>();
    try (InputStream raw = NameLists.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        int bit =
            switch (line.substring(0, tab)) {
              case "loc" -> LOC;
              case "country" -> COUNTRY | LOC;
              case "per" -> PER;
              case "org" -> ORG;
              case "first" -> FIRST;
              default -> 0;
            };
        String key = Gazetteer.keyOf(line.substring(tab + 1));
        if (key.isEmpty() || bit == 0) {
          continue;
        }
        n.bitsByKey.merge(key, bit, (a, b) -> a | b);
        int sp = key.indexOf(' ');
        if (sp > 0) {
          longestByFirstKey.merge(
              key.substring(0, sp), key.split(" ").length, Math::max);
          for (int end = key.indexOf(' ', sp + 1); end > 0; end = key.indexOf(' ', end + 1)) {
            n.bitsByKey.merge(key.substring(0, end), PREFIX, (a, b) -> a | b);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    longestByFirstKey.forEach(
        (first, longest) -> n.bitsByKey.merge(
            first, Math.min(longest, 0xFF) << LONGEST_SHIFT, (a, b) -> a | b));
    return n;
  }
}
