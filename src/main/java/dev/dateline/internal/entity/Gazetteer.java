package dev.dateline.internal.entity;

import dev.dateline.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Well-known people, places and organisations with their aliases, loaded once from {@value
 * #RESOURCE} (format documented in the file). Lookups fold case and diacritics; matching in text
 * runs over {@link Token}s, longest alias first.
 */
public final class Gazetteer {
  /** Classpath resource with the entries. */
  public static final String RESOURCE = "/dev/dateline/entity/gazetteer.tsv";
  /**
   * Generated rows in the same format (countries from open data, historical names), read after
   * {@link #RESOURCE}: built by {@code benchmarks/ner/build_places.py}.
   */
  public static final String OPEN_PLACES = "/dev/dateline/entity/places-open.tsv";

  /** Longest alias, in capitals, that must also be printed in capitals to match ("US", "ECB"). */
  static final int MAX_CAPS_ONLY_LENGTH = 5;

  /**
   * One gazetteer row.
   *
   * @param type the entity type, or null for a demonym ("Ukrainian"), which is not an entity
   * @param canonical the stable name stored in the index
   * @param aliases every other known name
   * @param lastNameKeys folded last words of the canonical name and aliases, for linking a lone
   *     surname to a person
   */
  public record Entry(
      EntityType type, String canonical, List<String> aliases, Set<String> lastNameKeys) {
    public Entry {
      aliases = List.copyOf(aliases);
      lastNameKeys = Set.copyOf(lastNameKeys);
    }

    boolean isDemonym() {
      return type == null;
    }
  }

  /** A gazetteer name found in text: tokens {@code [start, end)} name {@code entry}. */
  record Match(Entry entry, int start, int end) {}

  private record Form(Entry entry, boolean capsOnly) {}

  private static final Gazetteer STANDARD = load();

  private final Map<String, Form> byKey = new HashMap<>();
  private final Map<String, Integer> longestByFirstKey = new HashMap<>();
  /** Keys of the places that have a demonym row (countries, continents: "American" → United States). */
  private final Set<String> withDemonym = new HashSet<>();

  private Gazetteer() {}

  /** Whether the gazetteer lists adjectives or nationality nouns for this place ("Czech Republic"). */
  boolean hasDemonym(Entry place) {
    return place != null && place.type() == EntityType.PLACE
        && withDemonym.contains(keyOf(place.canonical()));
  }

  /** The built-in gazetteer. */
  public static Gazetteer standard() {
    return STANDARD;
  }

  /** The entry a name (canonical or alias, any case or diacritics) belongs to, of that type. */
  public Optional<Entry> find(EntityType type, String name) {
    Form f = byKey.get(keyOf(name));
    return f == null || f.entry().type() != type ? Optional.empty() : Optional.of(f.entry());
  }

  /**
   * The gazetteer name made of exactly the words of tokens {@code [start, end)}, if any, whatever
   * separates them: a model's span across a possessive inside a name ("Moody's Investors
   * Service"), which {@link #longestMatch} does not cross.
   */
  Match exactMatch(List<Token> tokens, int start, int end) {
    if (!tokens.get(start).capitalised()) {
      return null;
    }
    String key = String.join(" ", Token.keys(tokens, start, end));
    Form f = byKey.get(key);
    int last = end - 1;
    if (f == null && last > start && LEGAL_FORMS.contains(tokens.get(last).key())) {
      // "Moody's Investors Service Inc", "Salomon Brothers Inc": a known organisation's legal form
      int drop = last - 1 > start && tokens.get(last - 1).key().equals("and") ? 2 : 1;
      f = byKey.get(String.join(" ", Token.keys(tokens, start, end - drop))); // "Sachs and Co" too
      f = f != null && f.entry().type() == EntityType.ORG ? f : null;
      last = f == null ? last : last - drop;
    }
    return f == null || (f.capsOnly() && !allCaps(tokens, start, last + 1)) ? null : new Match(f.entry(), start, end);
  }

  /** Whether a word's key is a legal form of a company ("inc", "ltd", "plc", "ag"). */
  static boolean isLegalForm(String key) {
    return LEGAL_FORMS.contains(key);
  }

  /** Legal forms that may follow a known organisation's name without making another one. */
  private static final Set<String> LEGAL_FORMS = Set.of(
      "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag", "sa",
      "nv", "se", "gmbh", "spa", "bhd");

  /** The longest gazetteer name starting at token {@code start}, if any. */
  Match longestMatch(List<Token> tokens, int start) {
    Token first = tokens.get(start);
    if (!first.capitalised()) {
      return null;
    }
    Integer longest = longestByFirstKey.get(first.key());
    if (longest == null) {
      return null;
    }
    StringBuilder key = new StringBuilder(first.key());
    Match best = null;
    int limit = Math.min(tokens.size(), start + longest);
    for (int end = start + 1; end <= limit; end++) {
      if (end > start + 1) {
        Token t = tokens.get(end - 1);
        if (t.breakBefore()) {
          break;
        }
        key.append(' ').append(t.key());
      }
      Form f = byKey.get(key.toString());
      if (f != null && (!f.capsOnly() || allCaps(tokens, start, end))) {
        best = new Match(f.entry(), start, end);
      }
      if (tokens.get(end - 1).possessive()) {
        break;
      }
    }
    return best;
  }

  private static boolean allCaps(List<Token> tokens, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!tokens.get(i).allCaps() && !tokens.get(i).numeric()) {
        return false;
      }
    }
    return true;
  }

  /** The lookup key of a name: its tokens' folded forms joined by single spaces. */
  static String keyOf(String name) {
    StringBuilder sb = new StringBuilder();
    for (Token t : Tokenizer.tokenize(name)) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(t.key());
    }
    return sb.toString();
  }

  private static String lastKey(String name) {
    String key = keyOf(name);
    return key.substring(key.lastIndexOf(' ') + 1);
  }

  private void add(Entry entry, String name) {
    String key = keyOf(name);
    if (key.isEmpty()) {
      return;
    }
    String letters = name.replaceAll("[^\\p{L}]", "");
    boolean capsOnly =
        letters.length() <= MAX_CAPS_ONLY_LENGTH && letters.equals(letters.toUpperCase());
    Form existing = byKey.get(key);
    if (existing == null || (existing.entry().isDemonym() && !entry.isDemonym())) {
      byKey.put(key, new Form(entry, capsOnly));
    }
    int length = key.split(" ").length;
    longestByFirstKey.merge(key.split(" ", 2)[0], length, Math::max);
  }

  private static Gazetteer load() {
    Gazetteer g = new Gazetteer();
    load(g, RESOURCE);
    load(g, OPEN_PLACES);
    return g;
  }

  private static void load(Gazetteer g, String resource) {
    InputStream in = Gazetteer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length < 2) {
          throw new IllegalStateException(resource + ":" + lineNo + ": expected type<TAB>name");
        }
        EntityType type = cols[0].equals("demonym") ? null : EntityType.parse(cols[0]);
        List<String> aliases = new ArrayList<>();
        if (cols.length > 2) {
          for (String a : cols[2].split("\\|")) {
            if (!a.isBlank()) {
              aliases.add(a.strip());
            }
          }
        }
        Set<String> lastNames = new HashSet<>();
        lastNames.add(lastKey(cols[1]));
        aliases.forEach(a -> lastNames.add(lastKey(a)));
        Entry e = new Entry(type, cols[1].strip(), aliases, lastNames);
        if (!e.isDemonym()) {
          g.add(e, e.canonical());
        } else {
          g.withDemonym.add(keyOf(e.canonical()));
        }
        aliases.forEach(a -> g.add(e, a));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
