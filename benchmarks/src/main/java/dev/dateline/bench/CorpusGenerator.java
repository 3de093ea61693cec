package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded generator of news-like articles. The same seed and article count always give the same
 * corpus, article by article ({@link #article(int)} depends only on the seed and the index).
 *
 * <p>What is modelled on news:
 *
 * <ul>
 *   <li><b>Vocabulary</b>: Zipf-distributed word ranks (exponent 1.05). The head is fitted at run
 *       time from real text if a seed directory is given (its words ranked by frequency), the rest
 *       are generated pronounceable words, so no real text is stored anywhere.
 *   <li><b>Events</b>: most articles cover one of a pool of events with Zipf popularity. An event
 *       has a start date, a decay (coverage is bursty: most stories in its first days), topic
 *       words, key people, places and organisations, and a section.
 *   <li><b>Structure</b>: headline of 6-12 words; three summary bullets in 60% of articles; a body
 *       of 300-900 words in 5-15 paragraphs opening with a dateline; captions with photo credits;
 *       bylines; wire credits; tags; urls.
 *   <li><b>Dates</b>: four years (2022-2025), bursty around events, 20% spread uniformly.
 *   <li><b>Sources</b>: 30 publishers with Zipf frequencies (exponent 1.1); 12 sections.
 *   <li><b>Entities</b>: generated pools of 4,000 people, 1,200 places and 1,200 organisations
 *       with Zipf popularity, mentioned in the text (full name, then "Mr Surname") and listed in
 *       {@code entities} with their aliases.
 * </ul>
 *
 * <p>Run (writes {@code data/c100k/corpus/part-*.jsonl}):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.CorpusGenerator \
 *     --articles 100000 --seed 42 --out benchmarks/data/c100k --seed-text ../shared/corpora/seed
 * </pre>
 */
public final class CorpusGenerator {
  static final Instant EPOCH = LocalDate.of(2022, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  static final int DAYS = 4 * 365;
  private static final int PSEUDO_WORDS = 40_000;
  private static final int ARTICLES_PER_FILE = 50_000;
  private static final String[] SECTIONS = {
    "World", "Politics", "Business", "Markets", "Technology", "Science", "Health", "Sport",
    "Culture", "Opinion", "Asia", "Europe"
  };
  private static final String[] SOURCE_KINDS = {"Times", "Post", "Herald", "News", "Daily", "Tribune"};
  private static final String[] ORG_KINDS = {
    "Group", "Bank", "Holdings", "Party", "Council", "Institute", "University", "Airlines", "Energy",
    "Motors", "Foundation", "Agency", "Union", "Commission", "Labs"
  };
  /** Words the name analyzer drops or folds; generated names must not contain them. */
  private static final Set<String> RESERVED =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "the",
          "and", "not", "or");
  /**
   * Used only when no seed text is given: the most frequent English function words, so that text
   * still has a realistic head of very common terms.
   */
  private static final String[] FALLBACK_HEAD = (
      "the of and to in a that for on is said with was as by at from it his be has have are an "
          + "he not but which they who this were had their been its after more also would will "
          + "over than one two new last year people government president officials minister "
          + "country week since about")
      .split(" ");

  private record Source(String name, String domain) {}

  private record Person(String first, String last) {
    String name() {
      return first + " " + last;
    }
  }

  private record Event(
      long startMillis, double decayDays, int[] topic, int[] people, int[] places, int[] orgs,
      String section) {}

  private final long seed;
  private final int articles;
  private final String[] vocabulary;
  private final Zipf words;
  private final List<Person> people;
  private final List<String> places;
  private final List<String> orgs;
  private final Zipf peopleRank;
  private final Zipf placeRank;
  private final Zipf orgRank;
  private final List<Source> sources;
  private final Zipf sourceRank;
  private final List<Person> reporters;
  private final List<String> agencies;
  private final List<Event> events;
  private final Zipf eventRank;

  /**
   * @param seed the seed; the same seed and count give the same articles
   * @param articles how many articles the corpus has (sets the number of events)
   * @param seedText a directory of real text files to fit the head of the vocabulary on, or null
   */
  public CorpusGenerator(long seed, int articles, Path seedText) throws IOException {
    this.seed = seed;
    this.articles = articles;
    SplittableRandom r = new SplittableRandom(seed);
    Set<String> used = new LinkedHashSet<>(RESERVED);
    this.vocabulary = vocabulary(headWords(seedText), r, used);
    this.words = new Zipf(vocabulary.length, 1.05);
    List<String> surnames = names(r, used, 3000, 2, 3);
    List<String> firstNames = names(r, used, 400, 2, 2);
    Set<String> full = new LinkedHashSet<>();
    List<Person> ps = new ArrayList<>();
    while (ps.size() < 4000) {
      Person p = new Person(pick(r, firstNames), pick(r, surnames));
      if (full.add(p.name())) {
        ps.add(p);
      }
    }
    this.people = ps;
    this.places = names(r, used, 1200, 2, 3);
    List<String> orgPrefixes = names(r, used, 1200, 2, 3);
    this.orgs = orgPrefixes.stream().map(p -> p + " " + ORG_KINDS[r.nextInt(ORG_KINDS.length)]).toList();
    this.peopleRank = new Zipf(people.size(), 1.0);
    this.placeRank = new Zipf(places.size(), 1.0);
    this.orgRank = new Zipf(orgs.size(), 1.0);
    List<Source> src = new ArrayList<>();
    for (String n : names(r, used, 30, 2, 3)) {
      String kind = SOURCE_KINDS[r.nextInt(SOURCE_KINDS.length)];
      src.add(new Source("The " + n + " " + kind, "www." + n.toLowerCase(Locale.ROOT) + kind.toLowerCase(Locale.ROOT) + ".com"));
    }
    this.sources = src;
    this.sourceRank = new Zipf(sources.size(), 1.1);
    List<String> repFirst = names(r, used, 100, 2, 2);
    List<String> repLast = names(r, used, 300, 2, 3);
    this.reporters = IntStream.range(0, 300).mapToObj(i -> new Person(pick(r, repFirst), repLast.get(i))).toList();
    this.agencies = names(r, used, 4, 2, 2).stream().map(n -> n.toUpperCase(Locale.ROOT)).toList();
    int eventCount = Math.max(20, articles / 150);
    List<Event> ev = new ArrayList<>(eventCount);
    for (int i = 0; i < eventCount; i++) {
      ev.add(new Event(
          EPOCH.toEpochMilli() + (long) (r.nextDouble() * DAYS * 86_400_000L),
          0.5 + -Math.log(1 - r.nextDouble()) * 4,
          r.ints(6, 300, Math.min(8000, vocabulary.length)).toArray(),
          IntStream.range(0, 3).map(k -> peopleRank.sample(r)).toArray(),
          IntStream.range(0, 2).map(k -> placeRank.sample(r)).toArray(),
          IntStream.range(0, 2).map(k -> orgRank.sample(r)).toArray(),
          SECTIONS[r.nextInt(SECTIONS.length)]));
    }
    this.events = ev;
    this.eventRank = new Zipf(eventCount, 0.9);
  }

  public int size() {
    return articles;
  }

  /** All articles, in index order. */
  public Stream<Article> articles() {
    return IntStream.range(0, articles).mapToObj(this::article);
  }

  /** Article number {@code i}; depends only on the seed and {@code i}. */
  public Article article(int i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L);
    Event e;
    long published;
    if (r.nextDouble() < 0.8) {
      e = events.get(eventRank.sample(r));
      double days = -Math.log(1 - r.nextDouble()) * e.decayDays();
      published = e.startMillis() + (long) (days * 86_400_000L);
    } else {
      e = new Event(0, 1, r.ints(6, 300, Math.min(8000, vocabulary.length)).toArray(),
          new int[] {peopleRank.sample(r)}, new int[] {placeRank.sample(r)},
          new int[] {orgRank.sample(r)}, SECTIONS[r.nextInt(SECTIONS.length)]);
      published = EPOCH.toEpochMilli() + (long) (r.nextDouble() * DAYS * 86_400_000L);
    }
    published = Math.min(published, EPOCH.toEpochMilli() + DAYS * 86_400_000L - 1);
    Text t = new Text(r, e);
    String place = places.get(e.places()[0]);
    // Entities the story is about: the event's, plus some mentioned in passing.
    t.people.add(e.people()[0]);
    for (int k = 1; k < e.people().length; k++) {
      if (r.nextDouble() < 0.6) {
        t.people.add(e.people()[k]);
      }
    }
    if (r.nextDouble() < 0.5) {
      t.people.add(peopleRank.sample(r));
    }
    t.places.add(e.places()[0]);
    if (r.nextDouble() < 0.4) {
      t.places.add(e.places().length > 1 ? e.places()[1] : placeRank.sample(r));
    }
    t.orgs.add(e.orgs()[0]);
    if (r.nextDouble() < 0.3) {
      t.orgs.add(orgRank.sample(r));
    }

    String headline = t.sentence(6 + r.nextInt(7), 0.3, 0.2, false);
    List<String> bullets = new ArrayList<>();
    if (r.nextDouble() < 0.6) {
      int n = r.nextDouble() < 0.8 ? 3 : 2 + 2 * r.nextInt(2);
      for (int k = 0; k < n; k++) {
        bullets.add(t.sentence(14 + r.nextInt(11), 0.12, 0.08, true));
      }
    }
    int paragraphs = 5 + r.nextInt(11);
    int target = 300 + r.nextInt(601);
    List<String> body = new ArrayList<>(paragraphs);
    for (int p = 0; p < paragraphs; p++) {
      int budget = target / paragraphs;
      StringBuilder para = new StringBuilder();
      if (p == 0) {
        para.append(place.toUpperCase(Locale.ROOT)).append(" - ");
      }
      while (budget > 0) {
        int len = Math.min(budget, 10 + r.nextInt(19));
        if (len < 5) {
          break;
        }
        if (!para.isEmpty() && para.charAt(para.length() - 1) != ' ') {
          para.append(' ');
        }
        para.append(t.sentence(len, 0.08, 0.05, true));
        budget -= len;
      }
      body.add(para.toString());
    }
    Source src = sources.get(sourceRank.sample(r));
    String source = src.name();
    String section = r.nextDouble() < 0.7 ? e.section() : SECTIONS[r.nextInt(SECTIONS.length)];
    List<String> credits = new ArrayList<>();
    String agency = agencies.get(r.nextInt(agencies.size()));
    if (r.nextDouble() < 0.4) {
      credits.add(agency);
    }
    List<String> captions = new ArrayList<>();
    int captionCount = r.nextDouble() < 0.5 ? 1 + r.nextInt(2) : 0;
    for (int k = 0; k < captionCount; k++) {
      captions.add(t.sentence(8 + r.nextInt(10), 0.1, 0.2, true) + " PHOTO: " + agency);
    }
    Person reporter = reporters.get(r.nextInt(reporters.size()));
    List<String> tags = new ArrayList<>();
    for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
      tags.add(vocabulary[e.topic()[k]]);
    }
    String id = String.format(Locale.ROOT, "n%08d", i);
    Instant when = Instant.ofEpochMilli(published);
    String slug = String.join("-", headline.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").split(" +", 7)).replaceAll("-[^-]*$", "");
    return Article.builder()
        .id(id)
        .url("https://" + src.domain() + "/" + section.toLowerCase(Locale.ROOT) + "/"
            + when.toString().substring(0, 10) + "/" + slug + "-" + id)
        .source(source)
        .headline(headline)
        .bullets(bullets)
        .body(body)
        .byline("By " + reporter.name())
        .authors(List.of(reporter.name()))
        .dateline(place.toUpperCase(Locale.ROOT))
        .published(when)
        .section(section)
        .tags(tags)
        .captions(captions)
        .credits(credits)
        .entities(t.entities())
        .build();
  }

  /** Sentence writer for one article: tracks which entities it mentioned and how often. */
  private final class Text {
    private final SplittableRandom r;
    private final Event event;
    final List<Integer> people = new ArrayList<>();
    final List<Integer> places = new ArrayList<>();
    final List<Integer> orgs = new ArrayList<>();
    private final Map<String, Integer> mentions = new HashMap<>();
    private final Map<String, EntityType> types = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    Text(SplittableRandom r, Event event) {
      this.r = r;
      this.event = event;
    }

    String sentence(int length, double topicRate, double entityRate, boolean period) {
      StringBuilder sb = new StringBuilder(length * 8);
      for (int w = 0; w < length; w++) {
        double u = r.nextDouble();
        String word;
        if (u < entityRate) {
          word = mention();
        } else if (u < entityRate + topicRate) {
          word = vocabulary[event.topic()[r.nextInt(event.topic().length)]];
        } else {
          word = vocabulary[words.sample(r)];
        }
        if (w > 0) {
          sb.append(w % 9 == 0 && r.nextDouble() < 0.3 ? ", " : " ");
        }
        sb.append(w == 0 ? capitalize(word) : word);
      }
      if (period) {
        if (r.nextDouble() < 0.15 && !people.isEmpty()) {
          sb.append(", said ").append(personMention(people.get(r.nextInt(people.size()))));
        }
        sb.append('.');
      }
      return sb.toString();
    }

    private String mention() {
      double u = r.nextDouble();
      if (u < 0.5 && !people.isEmpty()) {
        return personMention(people.get(r.nextInt(people.size())));
      } else if (u < 0.8 && !places.isEmpty()) {
        return count(EntityType.PLACE, CorpusGenerator.this.places.get(places.get(r.nextInt(places.size()))));
      } else if (!orgs.isEmpty()) {
        return count(EntityType.ORG, CorpusGenerator.this.orgs.get(orgs.get(r.nextInt(orgs.size()))));
      }
      return vocabulary[words.sample(r)];
    }

    private String personMention(int index) {
      Person p = CorpusGenerator.this.people.get(index);
      boolean first = !mentions.containsKey(p.name());
      count(EntityType.PERSON, p.name());
      aliases.put(p.name(), p.last());
      return first ? p.name() : "Mr " + p.last();
    }

    private String count(EntityType type, String name) {
      mentions.merge(name, 1, Integer::sum);
      types.putIfAbsent(name, type);
      return name;
    }

    List<Entity> entities() {
      List<Entity> out = new ArrayList<>();
      for (Map.Entry<String, EntityType> e : types.entrySet()) {
        String alias = aliases.get(e.getKey());
        out.add(new Entity(e.getValue(), e.getKey(), alias == null ? List.of() : List.of(alias),
            mentions.get(e.getKey())));
      }
      return out;
    }
  }

  // ------------------------------------------------------------------ vocabulary and names

  /** Words of the seed text, most frequent first; empty when there is none. */
  private static List<String> headWords(Path seedText) throws IOException {
    if (seedText == null) {
      return List.of(FALLBACK_HEAD);
    }
    Map<String, Integer> counts = new HashMap<>();
    Pattern word = Pattern.compile("[A-Za-z]+");
    List<Path> files;
    try (Stream<Path> s = Files.isDirectory(seedText) ? Files.walk(seedText) : Stream.of(seedText)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      Matcher m = word.matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) {
        counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      return List.of(FALLBACK_HEAD);
    }
    return counts.entrySet().stream()
        .filter(e -> e.getKey().length() > 1 || e.getKey().equals("a"))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The ranked vocabulary: the 50 most frequent real words first, then real and generated words
   * alternating while real ones last, then generated ones.
   */
  private static String[] vocabulary(List<String> head, SplittableRandom r, Set<String> used) {
    used.addAll(head);
    List<String> pseudo = new ArrayList<>();
    while (pseudo.size() < PSEUDO_WORDS) {
      String w = word(r, 1 + r.nextInt(3));
      if (used.add(w)) {
        pseudo.add(w);
      }
    }
    List<String> out = new ArrayList<>(head.size() + pseudo.size());
    int h = Math.min(50, head.size());
    out.addAll(head.subList(0, h));
    int p = 0;
    for (; h < head.size(); h++) {
      out.add(head.get(h));
      out.add(pseudo.get(p++));
    }
    out.addAll(pseudo.subList(p, pseudo.size()));
    return out.toArray(String[]::new);
  }

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
    "st", "tr", "gr", "kl", "sh", "ch", "pr"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou"};
  private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "k", "m", "t"};

  /** A pronounceable lower-case word of {@code syllables} syllables (no "y": no name folding). */
  private static String word(SplittableRandom r, int syllables) {
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      sb.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
      if (s == syllables - 1 || r.nextDouble() < 0.3) {
        sb.append(CODAS[r.nextInt(CODAS.length)]);
      }
    }
    return sb.toString();
  }

  /** {@code n} distinct capitalised names not used before. */
  private static List<String> names(SplittableRandom r, Set<String> used, int n, int minSyl, int maxSyl) {
    List<String> out = new ArrayList<>(n);
    while (out.size() < n) {
      String w = word(r, minSyl + r.nextInt(maxSyl - minSyl + 1));
      if (w.length() >= 4 && used.add(w)) {
        out.add(capitalize(w));
      }
    }
    return out;
  }

  private static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static String capitalize(String w) {
    return w.isEmpty() || Character.isUpperCase(w.charAt(0)) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  // ------------------------------------------------------------------ command line

  /** Writes the corpus as {@code part-NNNNN.jsonl} files of 50,000 articles under {@code out/corpus}. */
  public void write(Path out) throws IOException {
    Path dir = Corpus.dir(out);
    Files.createDirectories(dir);
    int files = (articles + ARTICLES_PER_FILE - 1) / ARTICLES_PER_FILE;
    IntStream.range(0, files).parallel().forEach(f -> {
      Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.jsonl", f));
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          Corpus.JsonlWriter json = new Corpus.JsonlWriter(w)) {
        int end = Math.min(articles, (f + 1) * ARTICLES_PER_FILE);
        for (int i = f * ARTICLES_PER_FILE; i < end; i++) {
          json.write(article(i));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    });
  }

  public static void main(String[] args) throws IOException {
    int articles = 10_000;
    long seed = 42;
    Path out = null;
    Path seedText = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i].replace("_", ""));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--seed-text" -> seedText = Path.of(args[++i]);
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (out == null) {
      usage("--out is required");
    }
    if (seedText != null && !Files.exists(seedText)) {
      System.err.println("seed text " + seedText + " not found; using the built-in word list");
      seedText = null;
    }
    long start = System.nanoTime();
    new CorpusGenerator(seed, articles, seedText).write(out);
    System.out.printf(Locale.ROOT, "wrote %,d articles (seed %d) to %s in %.1f s%n", articles, seed,
        Corpus.dir(out), (System.nanoTime() - start) / 1e9);
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: CorpusGenerator --articles N [--seed S] --out DIR [--seed-text DIR]");
    System.exit(2);
  }
}
