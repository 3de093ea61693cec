package dev.dateline.internal.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind the rules for names the {@link Gazetteer} lacks: titles, organisation
 * suffixes, cue words for places and organisations, capitalised words that are never names, and
 * common given names (resource {@value #FIRST_NAMES}). All entries are {@link Folding folded}.
 */
final class Lexicon {
  static final String FIRST_NAMES = "/dev/dateline/entity/first-names.txt";

  /** Titles whose form is kept as an alias ("Mr Zelensky"). */
  static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "mx", "dr", "sir", "dame");

  private static final List<String> SIMPLE_TITLES =
      List.of(
          "mr", "mrs", "ms", "mx", "dr", "sir", "dame", "lord", "lady", "president",
          "vice president", "prime minister", "deputy prime minister", "minister", "secretary",
          "secretary of state", "secretary general", "chancellor", "governor", "mayor", "senator",
          "sen", "rep", "representative", "congressman", "congresswoman", "speaker", "leader",
          "majority leader", "minority leader", "king", "queen", "prince", "princess", "pope",
          "sheikh", "general", "gen", "colonel", "col", "admiral", "commander", "judge", "justice",
          "ambassador", "commissioner", "director", "spokesman", "spokeswoman", "spokesperson",
          "envoy", "special envoy", "negotiator", "chief negotiator", "adviser", "advisor", "aide",
          "ceo", "chief executive", "chief executive officer", "chairman", "chairwoman",
          "founder", "economist", "chief economist", "analyst", "professor", "prof", "coach",
          "captain", "striker", "patriarch", "ayatollah", "chief", "writer", "correspondent",
          "reporter", "photographer");
  private static final List<String> PORTFOLIOS =
      List.of(
          "foreign", "finance", "defence", "defense", "interior", "economy", "trade", "energy",
          "health", "justice", "home", "commerce", "treasury", "state", "transport", "education",
          "agriculture", "labour", "labor");

  private static final Set<String> ORG_SUFFIXES =
      Set.of(
          "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "group",
          "bank", "ministry", "council", "agency", "party", "university", "institute",
          "commission", "committee", "company", "association", "federation", "union", "authority",
          "fund", "foundation", "organisation", "organization", "office", "department", "court",
          "parliament", "assembly", "service", "forces", "army", "navy", "police", "airlines",
          "airways", "motors", "holdings", "partners", "securities", "network", "news", "times",
          "post", "journal", "board", "reserve", "exchange", "club", "centre", "center",
          "hospital", "school", "college", "academy", "bureau", "trust", "alliance", "front",
          "movement", "coalition", "guard", "administration", "cabinet", "command", "brigade",
          "regiment", "radio", "press", "media", "systems", "technologies", "industries",
          "energy", "petroleum", "pharmaceuticals", "laboratories", "capital", "investments",
          "society", "league", "church", "corps", "secretariat", "tribunal", "senate");
  private static final Set<String> ORG_HEADS =
      Set.of(
          "ministry", "department", "bank", "university", "office", "council", "court",
          "federation", "association", "institute", "organisation", "organization", "union",
          "league", "church", "commission", "committee", "board", "agency", "bureau", "house");
  private static final Set<String> GENERIC_ORGS =
      Set.of(
          "foreign ministry", "defence ministry", "defense ministry", "interior ministry",
          "finance ministry", "health ministry", "economy ministry", "justice ministry",
          "trade ministry", "foreign office", "central bank", "supreme court",
          "constitutional court", "army", "navy", "air force", "armed forces", "government",
          "cabinet", "parliament", "national assembly", "police", "coast guard");
  private static final Set<String> CONNECTORS = Set.of("of", "and", "for", "de", "du", "la", "&");
  private static final Set<String> NAME_PARTICLES =
      Set.of("de", "da", "van", "von", "der", "den", "bin", "al", "el", "le", "la", "di", "du");
  private static final Set<String> ORG_DESCRIPTORS =
      Set.of(
          "channel", "network", "newspaper", "outlet", "broadcaster", "agency", "company", "firm",
          "group", "daily", "magazine", "website", "lender", "carrier", "airline", "insurer",
          "startup", "chipmaker", "automaker", "carmaker", "retailer", "party", "publisher",
          "station", "militia", "club", "brand", "tabloid", "conglomerate", "bank", "giant");
  private static final Set<String> PLACE_NOUNS_AFTER =
      Set.of(
          "crossing", "border", "airport", "region", "province", "oblast", "county", "district", "city", "village", "town",
          "island", "islands", "peninsula", "valley", "prefecture", "governorate", "state");
  private static final Set<String> PLACE_NOUNS_BEFORE_OF =
      Set.of("town", "city", "village", "province", "region", "state", "island", "port", "district");
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of("in", "from", "near", "outside", "across", "into", "inside", "towards", "around");
  private static final Set<String> SPEECH_VERBS =
      Set.of("said", "says", "told", "added", "wrote", "warned", "argued", "noted", "stated");
  private static final Set<String> APPOSITION_ROLES =
      Set.of(
          "head", "chair", "chairman", "chairwoman", "chief", "director", "founder", "president",
          "leader", "spokesman", "spokeswoman", "spokesperson", "ceo", "governor", "minister",
          "secretary", "member", "editor", "executive", "economist", "analyst", "professor",
          "partner", "manager", "deputy", "official", "commander", "researcher", "fellow");
  private static final Set<String> NEVER_NAMES =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
          "we", "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "for",
          "to", "of", "by", "with", "from", "as", "but", "and", "or", "if", "when", "while",
          "after", "before", "since", "during", "meanwhile", "shortly", "however", "also",
          "still", "yet", "so", "then", "there", "here", "what", "why", "how", "who", "where",
          "which", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "some", "many", "most", "all", "both", "each", "other", "such", "despite", "amid",
          "under", "over", "only", "just", "even", "now", "later", "earlier", "last", "next",
          "analysts", "officials", "polls", "people", "photographs", "photo", "photos", "picture",
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
          "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
          "oct", "nov", "dec", "ai", "tv", "ceo", "gdp", "covid", "ii", "iii", "iv", "ok", "am",
          "pm", "per", "cent", "percent", "budget", "consumer", "reporting", "editing", "read", "share", "advertisement",
          "breaking", "exclusive", "update", "live", "video", "watch", "opinion", "analysis");

  private static final Map<String, Integer> TITLES = titles();
  private static final Set<String> TITLE_FIRST_WORDS =
      TITLES.keySet().stream().map(t -> t.split(" ")[0]).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final int LONGEST_TITLE =
      TITLES.keySet().stream().mapToInt(t -> t.split(" ").length).max().orElse(1);
  private static final Set<String> FIRST_NAME_SET = loadWords(FIRST_NAMES);

  /** {@link #flags} bit: {@link #isTitleWord}. */
  static final int TITLE_WORD = 1;
  /** {@link #flags} bit: {@link #isOrgSuffix}. */
  static final int ORG_SUFFIX = 2;
  /** {@link #flags} bit: {@link #isNeverName}. */
  static final int NEVER_NAME = 4;
  /** {@link #flags} bit: {@link #isFirstName}. */
  static final int FIRST_NAME = 8;
  /** {@link #flags} bit: {@link #isPlacePreposition}. */
  static final int PLACE_PREPOSITION = 16;
  /** {@link #flags} bit: {@link #isSpeechVerb}. */
  static final int SPEECH_VERB = 32;
  /** {@link #flags} bit: a title can start with the word ({@link #titleLength} may be > 0). */
  static final int TITLE_START = 64;

  private static final Map<String, Integer> FLAGS = flags();

  private Lexicon() {}

  /**
   * The word's answers to the questions the tagger asks of every word, in one look-up: the
   * {@code TITLE_WORD} ... {@code TITLE_START} bits (0 for a word in none of the lists).
   */
  static int flags(String key) {
    return FLAGS.getOrDefault(key, 0);
  }

  private static Map<String, Integer> flags() {
    Map<String, Integer> out = new HashMap<>();
    java.util.function.BiConsumer<java.util.Collection<String>, Integer> mark =
        (words, bit) -> words.forEach(w -> out.merge(w, bit, (a, b) -> a | b));
    mark.accept(TITLES.keySet(), TITLE_WORD);
    mark.accept(PORTFOLIOS, TITLE_WORD);
    mark.accept(ORG_SUFFIXES, ORG_SUFFIX);
    mark.accept(NEVER_NAMES, NEVER_NAME);
    mark.accept(FIRST_NAME_SET, FIRST_NAME);
    mark.accept(PLACE_PREPOSITIONS, PLACE_PREPOSITION);
    mark.accept(SPEECH_VERBS, SPEECH_VERB);
    mark.accept(TITLE_FIRST_WORDS, TITLE_START);
    return out; // a HashMap: it compares hashes before keys, cheaper than Map.copyOf's table
  }

  /** Number of tokens of the longest title starting at {@code i}, or 0. */
  static int titleLength(List<Token> tokens, int i) {
    Token first = tokens.get(i);
    boolean start = first.word() != null
        ? (first.word().lex & TITLE_START) != 0
        : TITLE_FIRST_WORDS.contains(first.key());
    if (!start) {
      return 0;
    }
    StringBuilder key = new StringBuilder();
    int best = 0;
    for (int j = i; j < Math.min(tokens.size(), i + LONGEST_TITLE); j++) {
      if (j > i && (tokens.get(j).breakBefore() || tokens.get(j - 1).possessive())) {
        break;
      }
      if (j > i) {
        key.append(' ');
      }
      key.append(tokens.get(j).key());
      if (TITLES.containsKey(key.toString())) {
        best = j - i + 1;
      }
    }
    return best;
  }

  static boolean isHonorific(String key) {
    return HONORIFICS.contains(key);
  }

  static boolean isTitleWord(String key) {
    return TITLES.containsKey(key) || isPortfolio(key);
  }

  static boolean isOrgSuffix(String key) {
    return ORG_SUFFIXES.contains(key);
  }

  static boolean isOrgHead(String key) {
    return ORG_HEADS.contains(key);
  }

  static boolean isGenericOrg(String foldedName) {
    return GENERIC_ORGS.contains(foldedName);
  }

  static boolean isConnector(String key) {
    return CONNECTORS.contains(key);
  }

  static boolean isNameParticle(String key) {
    return NAME_PARTICLES.contains(key);
  }

  static boolean isOrgDescriptor(String key) {
    return ORG_DESCRIPTORS.contains(key);
  }

  static boolean isPlaceNounAfter(String key) {
    return PLACE_NOUNS_AFTER.contains(key);
  }

  static boolean isPlaceNounBeforeOf(String key) {
    return PLACE_NOUNS_BEFORE_OF.contains(key);
  }

  static boolean isPlacePreposition(String key) {
    return PLACE_PREPOSITIONS.contains(key);
  }

  static boolean isSpeechVerb(String key) {
    return SPEECH_VERBS.contains(key);
  }

  static boolean isAppositionRole(String key) {
    return APPOSITION_ROLES.contains(key);
  }

  /** Capitalised words that never start or end a name ("The", "Meanwhile", "Feb"). */
  static boolean isNeverName(String key) {
    return NEVER_NAMES.contains(key);
  }

  static boolean isFirstName(String key) {
    return FIRST_NAME_SET.contains(key);
  }

  private static boolean isPortfolio(String key) {
    return PORTFOLIOS.contains(key);
  }

  private static Map<String, Integer> titles() {
    Map<String, Integer> out = new HashMap<>();
    for (String t : SIMPLE_TITLES) {
      out.put(t, t.split(" ").length);
    }
    for (String p : PORTFOLIOS) {
      out.put(p + " minister", 2);
      out.put(p + " secretary", 2);
    }
    return Map.copyOf(out);
  }

  private static Set<String> loadWords(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.startsWith("#")) {
          for (String w : line.strip().split("\\s+")) {
            if (!w.isEmpty()) {
              words.add(Folding.fold(w));
            }
          }
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
