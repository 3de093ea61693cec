package dev.dateline.bench.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.EntityExtractor;
import dev.dateline.InvalidQueryException;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import dev.dateline.SearchField;
import dev.dateline.SearchHit;
import dev.dateline.SearchResults;
import dev.dateline.SortOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;

/**
 * Relevance evaluation on the TIME test collection ({@code ../shared/corpora/time}, see its
 * README): indexes {@code time.jsonl} with Dateline's public API exactly as a user would ({@link
 * ArticleFiles#stream}, {@link NewsIndex#inMemory} with {@link EntityExtractor#none()} unless
 * {@code --extract}), runs every topic of each topic file through {@link NewsQuery}, writes TREC
 * run files and scores them with {@code trec_eval}'s semantics ({@link TrecEval}): MAP, nDCG@10,
 * P@10, R@100, and the topics that found nothing.
 *
 * <p>Systems (rows):
 *
 * <ul>
 *   <li>{@code dateline-defaults}: {@code NewsQuery.of(topic)}, the library's defaults (the ranked operator:
 *       any word, all-words first), the topic text exactly as given (upper case; the library folds case).
 *   <li>{@code dateline-or}: the same with {@code defaultOperator(OR)}.
 *   <li>{@code lucene-bm25-english}: the textbook peer ({@link Bm25Peer}).
 *   <li>{@code dateline-defaults-headline}, {@code dateline-or-headline}: the same two queries on an
 *       index where each article's first line (its first sentence, as TIME bodies have no line
 *       breaks) is a stand-in headline ({@link #withStandInHeadline}).
 * </ul>
 *
 * <p>Per topic, the top {@value #DEPTH} hits are kept (pages of at most {@link NewsQuery#MAX_LIMIT}
 * through the cursor; highlighting is turned off, which changes nothing in the order). A topic
 * whose query the library rejects ({@link InvalidQueryException}) retrieves nothing and is counted
 * as an error. The run file has the library's scores when it ranks by relevance with positive,
 * non-increasing scores; otherwise (a date order, scores of 0, or scores out of order) that topic
 * gets synthetic scores {@code 1000 - rank}, so that {@code trec_eval}'s re-sorting by score keeps
 * the library's order, and the topic is counted under "synthetic scores".
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.quality.RelevanceEval \
 *   [--data ../shared/corpora/time] [--corpus FILE] [--qrels FILE] [--topics NAME=FILE ...] \
 *   [--systems a,b,...] [--run-dir DIR] [--json] [--min-map-defaults X] [--extract] \
 *   [--qids all|odd|even] [--boost FIELD=X ...] [--best-field] [--bm25 K1,B]
 * </pre>
 *
 * Tables (Markdown) go to standard output, or one JSON object with {@code --json}; progress goes to
 * standard error. {@code --min-map-defaults X} exits with status 1 and a one-line message when
 * {@code dateline-defaults} scores a MAP below X on the natural-language topics.
 *
 * <p>{@code --qids odd} or {@code even} keeps only the topics (and qrels) with an odd or even
 * number, to choose settings on one half (odd: the development half) and report them on the other
 * or on all. {@code --boost FIELD=X} (repeatable; FIELD a {@link SearchField} key) sets {@link
 * NewsIndex.Options.Builder#boost} for both Dateline indexes; the other fields keep their default.
 */
public final class RelevanceEval {
  static final int DEPTH = 1000;
  static final String NATURAL = "natural";
  static final String SHORT = "short";
  static final String DEFAULTS = "dateline-defaults";
  static final String OR = "dateline-or";
  static final String BM25 = "lucene-bm25-english";
  static final String DEFAULTS_HEADLINE = "dateline-defaults-headline";
  static final String OR_HEADLINE = "dateline-or-headline";
  static final List<String> SYSTEMS = List.of(DEFAULTS, OR, BM25, DEFAULTS_HEADLINE, OR_HEADLINE);

  /** A retrieved document and the score the system gave it. */
  record Scored(String id, float score) {}

  /** What one system returned for one topic: run-file lines in the system's order. */
  record Retrieval(List<String> runLines, boolean error, boolean synthetic) {}

  /** One row of a table. */
  record Row(String system, TrecEval.Measures mean, int topics, int noResult, int errors, int synthetic,
      String runFile) {}

  /** A topic file: name, path, and qid to text in file order. */
  record TopicSet(String name, Path file, Map<String, String> topics) {
    String label() {
      return switch (name) {
        case NATURAL -> "Natural-language topics";
        case SHORT -> "Short keyword topics";
        default -> "Topics " + name;
      };
    }
  }

  private RelevanceEval() {}

  // ------------------------------------------------------------------ systems

  /** Searches one topic; throws {@link InvalidQueryException} when the library rejects it. */
  @FunctionalInterface
  interface Ranker {
    List<Scored> search(String text) throws IOException;

    /** Whether the list is in an order the scores can express (see the class documentation). */
    default boolean scoresKeepOrder(String text, List<Scored> hits) {
      return scoresDescending(hits);
    }
  }

  static boolean scoresDescending(List<Scored> hits) {
    float previous = Float.POSITIVE_INFINITY;
    for (Scored h : hits) {
      if (!(h.score() > 0) || !Float.isFinite(h.score()) || h.score() > previous) {
        return false;
      }
      previous = h.score();
    }
    return true;
  }

  /** Dateline through the public API; {@code operator} null keeps the library's default. */
  static Ranker dateline(NewsIndex index, NewsQuery.Operator operator) {
    return new Ranker() {
      @Override
      public List<Scored> search(String text) {
        NewsQuery q = query(text);
        List<Scored> out = new ArrayList<>();
        NewsQuery page = q;
        while (true) {
          SearchResults r = index.search(page);
          for (SearchHit h : r.hits()) {
            if (out.size() < DEPTH) {
              out.add(new Scored(h.id(), h.score()));
            }
          }
          if (r.next() == null || out.size() >= DEPTH) {
            return out;
          }
          page = q.after(r.next());
        }
      }

      @Override
      public boolean scoresKeepOrder(String text, List<Scored> hits) {
        return query(text).sort() == SortOrder.RELEVANCE && scoresDescending(hits);
      }

      private NewsQuery query(String text) {
        NewsQuery.Builder b = NewsQuery.of(text).toBuilder();
        if (operator != null) {
          b.defaultOperator(operator);
        }
        return b.limit(Math.min(NewsQuery.MAX_LIMIT, DEPTH)).highlight(false).build();
      }
    };
  }

  /** One topic through one system, as run-file lines. */
  static Retrieval retrieve(Ranker system, String qid, String text, String tag) throws IOException {
    List<Scored> hits;
    try {
      hits = system.search(text);
    } catch (InvalidQueryException | IndexSearcher.TooManyClauses e) {
      return new Retrieval(List.of(), true, false);
    }
    boolean synthetic = !hits.isEmpty() && !system.scoresKeepOrder(text, hits);
    List<String> lines = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      int rank = i + 1;
      String score = synthetic ? Integer.toString(DEPTH - rank) : Float.toString(hits.get(i).score());
      lines.add(TrecEval.format(qid, hits.get(i).id(), rank, score, tag));
    }
    return new Retrieval(lines, false, synthetic);
  }

  // ------------------------------------------------------------------ stand-in headline

  /** Words after which a period does not end a sentence (besides initials and "U.S"-like words). */
  static final Set<String> ABBREVIATIONS = Set.of("MR", "MRS", "MS", "DR", "ST", "GEN", "COL", "SEN", "GOV", "REP",
      "LT", "SGT", "JR", "SR", "MT", "FT", "CAPT", "CMDR", "ADM", "MAJ", "PROF", "REV", "NO", "VS", "INC", "CO",
      "CORP", "LTD", "JAN", "FEB", "AUG", "SEPT", "SEP", "OCT", "NOV", "DEC");
  private static final Pattern WORD = Pattern.compile("\\S+");

  /**
   * The article with its first line as headline and the rest as body, for collections without
   * headlines. The first line is the text before the body's first line break if it has one, else
   * its first sentence: the text before the first {@code .}, {@code ?} or {@code !} that ends a
   * word or stands alone (TIME writes {@code "WORD ."}), where a period after a single letter
   * (initials), after a word containing a period ({@code U.S .}) or after a common abbreviation
   * ({@link #ABBREVIATIONS}) does not count. The terminator is dropped. An article that already has
   * a headline, or whose text has no such break or nothing after it, is returned unchanged.
   */
  static Article withStandInHeadline(Article a) {
    if (a.headline() != null) {
      return a;
    }
    String text = a.bodyText();
    String head = null;
    String rest = null;
    int nl = text.indexOf('\n');
    if (nl >= 0) {
      head = text.substring(0, nl);
      rest = text.substring(nl + 1);
    } else {
      Matcher m = WORD.matcher(text);
      String previous = null;
      while (m.find()) {
        String w = m.group();
        char last = w.charAt(w.length() - 1);
        if (last == '.' || last == '?' || last == '!') {
          String before = w.length() == 1 ? previous : w.substring(0, w.length() - 1);
          boolean abbreviation = last == '.' && before != null && (before.length() == 1 || before.indexOf('.') >= 0
              || ABBREVIATIONS.contains(before.toUpperCase(Locale.ROOT)));
          if (before != null && !abbreviation) {
            head = text.substring(0, w.length() == 1 ? m.start() : m.end() - 1);
            rest = text.substring(m.end());
            break;
          }
        }
        previous = w;
      }
    }
    if (head == null || head.isBlank() || rest.isBlank()) {
      return a;
    }
    return a.toBuilder().headline(head.strip()).bodyText(rest.strip()).build();
  }

  // ------------------------------------------------------------------ inputs

  static Map<String, String> readTopics(Path file) throws IOException {
    Map<String, String> topics = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IOException(file + ":" + lineNo + ": expected 'qid<TAB>text'");
      }
      if (topics.put(line.substring(0, tab).strip(), line.substring(tab + 1)) != null) {
        throw new IOException(file + ":" + lineNo + ": topic " + line.substring(0, tab) + " given twice");
      }
    }
    return topics;
  }

  /** The articles of the corpus through the public reader; rejected records are counted in {@code rejected[0]}. */
  static List<Article> readArticles(Path corpus, int[] rejected) {
    List<Article> articles = new ArrayList<>();
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(corpus, ArticleFiles.Options.defaults())) {
      records.forEachOrdered(r -> {
        if (r instanceof ArticleFiles.Parsed p) {
          articles.add(p.article());
        } else {
          rejected[0]++;
          progress("rejected " + r);
        }
      });
    }
    return articles;
  }

  static NewsIndex index(
      List<Article> articles, boolean extract, Map<SearchField, Float> boosts, boolean bestField,
      float[] bm25) {
    NewsIndex.Options.Builder options = NewsIndex.Options.builder()
        .entityExtractor(extract ? EntityExtractor.standard() : EntityExtractor.none())
        .combinedFieldScoring(!bestField);
    if (bm25 != null) {
      options.bm25(bm25[0], bm25[1]);
    }
    boosts.forEach(options::boost);
    NewsIndex index = NewsIndex.inMemory(options.build());
    articles.forEach(index::add);
    index.refresh();
    return index;
  }

  // ------------------------------------------------------------------ main

  private static final class Args {
    Path data = Path.of("../shared/corpora/time");
    Path corpus;
    Path qrels;
    final Map<String, Path> topics = new LinkedHashMap<>();
    List<String> systems = SYSTEMS;
    Path runDir;
    boolean json;
    boolean extract;
    boolean bestField;
    float[] bm25;
    Double minMapDefaults;
    String qids = "all";
    final Map<SearchField, Float> boosts = new EnumMap<>(SearchField.class);
  }

  /** Whether topic {@code qid} is in the half {@code which} ("all", "odd" or "even") selects. */
  static boolean selected(String qid, String which) {
    if (which.equals("all")) {
      return true;
    }
    long n;
    try {
      n = Long.parseLong(qid);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--qids " + which + " needs numeric topic ids, got " + qid);
    }
    return (n % 2 != 0) == which.equals("odd");
  }

  private static final Set<String> VALUE_OPTIONS =
      Set.of("--data", "--corpus", "--qrels", "--topics", "--systems", "--run-dir", "--min-map-defaults", "--qids",
          "--boost", "--bm25");

  private static Args parse(String[] args) {
    Args a = new Args();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--json") || arg.equals("--extract") || arg.equals("--best-field")
          || arg.equals("-h") || arg.equals("--help")) {
        switch (arg) {
          case "--json" -> a.json = true;
          case "--extract" -> a.extract = true;
          case "--best-field" -> a.bestField = true;
          default -> usage(null);
        }
        continue;
      }
      if (!VALUE_OPTIONS.contains(arg)) {
        usage("unknown argument " + arg);
      }
      if (i + 1 >= args.length) {
        usage(arg + " needs a value");
      }
      String v = args[++i];
      switch (arg) {
        case "--data" -> a.data = Path.of(v);
        case "--corpus" -> a.corpus = Path.of(v);
        case "--qrels" -> a.qrels = Path.of(v);
        case "--topics" -> {
          int eq = v.indexOf('=');
          if (eq <= 0) {
            usage("--topics takes NAME=FILE");
          }
          a.topics.put(v.substring(0, eq), Path.of(v.substring(eq + 1)));
        }
        case "--systems" -> {
          a.systems = List.of(v.split(","));
          for (String s : a.systems) {
            if (!SYSTEMS.contains(s)) {
              usage("unknown system " + s + " (known: " + String.join(", ", SYSTEMS) + ")");
            }
          }
        }
        case "--run-dir" -> a.runDir = Path.of(v);
        case "--min-map-defaults" -> {
          try {
            a.minMapDefaults = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            usage("--min-map-defaults takes a number");
          }
        }
        case "--qids" -> {
          if (!Set.of("all", "odd", "even").contains(v)) {
            usage("--qids takes all, odd or even");
          }
          a.qids = v;
        }
        case "--boost" -> {
          int eq = v.indexOf('=');
          SearchField f = eq <= 0 ? null : SearchField.byKey(v.substring(0, eq));
          if (f == null) {
            usage("--boost takes FIELD=X with FIELD one of headline, bullets, subheads, body, captions, byline");
          }
          try {
            a.boosts.put(f, Float.parseFloat(v.substring(eq + 1)));
          } catch (NumberFormatException e) {
            usage("--boost takes FIELD=X with X a number");
          }
        }
        case "--bm25" -> {
          String[] kb = v.split(",", -1);
          try {
            a.bm25 = new float[] {Float.parseFloat(kb[0]), Float.parseFloat(kb[1])};
          } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            usage("--bm25 takes K1,B, two numbers");
          }
        }
        default -> usage("unknown argument " + arg);
      }
    }
    if (a.corpus == null) {
      a.corpus = a.data.resolve("time.jsonl");
    }
    if (a.qrels == null) {
      a.qrels = a.data.resolve("qrels.txt");
    }
    if (a.topics.isEmpty()) {
      a.topics.put(NATURAL, a.data.resolve("topics.tsv"));
      a.topics.put(SHORT, a.data.resolve("extra/short-titles.tsv"));
    }
    return a;
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("RelevanceEval: " + problem);
    }
    System.err.println("""
        usage: RelevanceEval [--data DIR] [--corpus FILE] [--qrels FILE] [--topics NAME=FILE ...]
                             [--systems a,b,...] [--run-dir DIR] [--json] [--min-map-defaults X] [--extract]
                             [--qids all|odd|even] [--boost FIELD=X ...] [--best-field] [--bm25 K1,B]
          --data DIR            the TIME collection (default ../shared/corpora/time, relative to the working directory)
          --corpus, --qrels     default DIR/time.jsonl, DIR/qrels.txt
          --topics NAME=FILE    topic file (qid<TAB>text), repeatable; default natural=DIR/topics.tsv
                                and short=DIR/extra/short-titles.tsv
          --systems LIST        of %s
          --run-dir DIR         write the TREC run files there (<topics>.<system>.run)
          --json                one JSON object on standard output instead of the tables
          --min-map-defaults X  exit 1 if dateline-defaults' MAP on the natural topics is below X
          --extract             index with EntityExtractor.standard() instead of none()
          --best-field          NewsIndex.Options combinedFieldScoring(false): score each word by its best field
          --bm25 K1,B           NewsIndex.Options bm25(K1, B) instead of the library's defaults
          --qids WHICH          all (default), or only the odd- or even-numbered topics and their qrels
          --boost FIELD=X       NewsIndex.Options boost of a text field (repeatable); others keep the default""".formatted(SYSTEMS));
    System.exit(2);
  }

  static void progress(String message) {
    System.err.println("relevance: " + message);
  }

  public static void main(String[] argv) throws IOException {
    Args args = parse(argv);
    for (Path p : List.of(args.corpus, args.qrels)) {
      if (!Files.isRegularFile(p)) {
        progress("no file " + p + " (the TIME collection; give --data DIR)");
        System.exit(2);
      }
    }
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>(TrecEval.readQrels(args.qrels));
    qrels.keySet().removeIf(q -> !selected(q, args.qids));
    List<TopicSet> sets = new ArrayList<>();
    for (Map.Entry<String, Path> t : args.topics.entrySet()) {
      if (!Files.isRegularFile(t.getValue())) {
        progress("no topic file " + t.getValue());
        System.exit(2);
      }
      Map<String, String> topics = readTopics(t.getValue());
      topics.keySet().removeIf(q -> !selected(q, args.qids));
      TopicSet set = new TopicSet(t.getKey(), t.getValue(), topics);
      long unjudged = set.topics().keySet().stream().filter(q -> !qrels.containsKey(q)).count();
      long missing = qrels.keySet().stream().filter(q -> !set.topics().containsKey(q)).count();
      if (unjudged > 0 || missing > 0) {
        progress(set.name() + ": " + unjudged + " topics not in the qrels (ignored), " + missing
            + " qrels topics not in the file (scored 0)");
      }
      sets.add(set);
    }

    long start = System.nanoTime();
    int[] rejected = {0};
    List<Article> articles = readArticles(args.corpus, rejected);
    if (articles.isEmpty()) {
      progress("no article read from " + args.corpus);
      System.exit(2);
    }
    Map<String, Object> headlineStats = new LinkedHashMap<>();
    List<Article> headlined = null;
    boolean needHeadlines = args.systems.contains(DEFAULTS_HEADLINE) || args.systems.contains(OR_HEADLINE);
    if (needHeadlines) {
      headlined = articles.stream().map(RelevanceEval::withStandInHeadline).toList();
      List<Integer> words = headlined.stream().filter(x -> x.headline() != null)
          .map(x -> x.headline().split("\\s+").length).sorted().toList();
      headlineStats.put("articles", words.size());
      headlineStats.put("medianWords", words.isEmpty() ? 0 : words.get(words.size() / 2));
      headlineStats.put("maxWords", words.isEmpty() ? 0 : words.get(words.size() - 1));
    }
    NewsIndex plain = null;
    NewsIndex withHeadlines = null;
    Bm25Peer bm25 = null;
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    try {
      plain = index(articles, args.extract, args.boosts, args.bestField, args.bm25);
      if (needHeadlines) {
        withHeadlines = index(headlined, args.extract, args.boosts, args.bestField, args.bm25);
      }
      if (args.systems.contains(BM25)) {
        bm25 = new Bm25Peer(articles);
      }
      progress(String.format(Locale.ROOT, "indexed %d articles from %s (%d rejected)%s in %.1f s", articles.size(),
          args.corpus, rejected[0], needHeadlines ? ", and again with " + headlineStats.get("articles")
              + " stand-in headlines (median " + headlineStats.get("medianWords") + " words)" : "",
          (System.nanoTime() - start) / 1e9));
      if (args.runDir != null) {
        Files.createDirectories(args.runDir);
      }
      for (TopicSet set : sets) {
        List<Row> rows = new ArrayList<>();
        for (String name : args.systems) {
          Bm25Peer peer = bm25;
          Ranker system = switch (name) {
            case DEFAULTS -> dateline(plain, null);
            case OR -> dateline(plain, NewsQuery.Operator.OR);
            case DEFAULTS_HEADLINE -> dateline(withHeadlines, null);
            case OR_HEADLINE -> dateline(withHeadlines, NewsQuery.Operator.OR);
            case BM25 -> text -> peer.search(text, DEPTH);
            default -> throw new IllegalStateException(name);
          };
          rows.add(evaluate(set, name, system, qrels, args.runDir));
        }
        tables.put(set.name(), rows);
      }
    } finally {
      if (plain != null) {
        plain.close();
      }
      if (withHeadlines != null) {
        withHeadlines.close();
      }
      if (bm25 != null) {
        bm25.close();
      }
    }

    Double defaultsMap = null;
    if (tables.containsKey(NATURAL)) {
      defaultsMap = tables.get(NATURAL).stream().filter(r -> r.system().equals(DEFAULTS))
          .map(r -> r.mean().ap()).findFirst().orElse(null);
    }
    if (args.json) {
      System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(json(args, articles.size(), rejected[0], headlineStats, sets, qrels, tables, defaultsMap)));
    } else {
      System.out.print(markdown(args, sets, qrels, tables));
    }
    if (args.minMapDefaults != null) {
      if (defaultsMap == null) {
        progress("--min-map-defaults needs system " + DEFAULTS + " and topic set " + NATURAL);
        System.exit(2);
      }
      if (defaultsMap < args.minMapDefaults) {
        System.err.printf(Locale.ROOT,
            "relevance: MAP of %s on the natural-language topics is %.4f, below --min-map-defaults %s%n", DEFAULTS,
            defaultsMap, args.minMapDefaults);
        System.exit(1);
      }
    }
  }

  /** Runs every topic of {@code set} through {@code system}, writes the run file, scores it. */
  static Row evaluate(TopicSet set, String name, Ranker system, Map<String, Map<String, Integer>> qrels, Path runDir)
      throws IOException {
    long start = System.nanoTime();
    List<String> run = new ArrayList<>();
    int noResult = 0;
    int errors = 0;
    int synthetic = 0;
    for (Map.Entry<String, String> topic : set.topics().entrySet()) {
      Retrieval r = retrieve(system, topic.getKey(), topic.getValue(), name);
      run.addAll(r.runLines());
      noResult += r.runLines().isEmpty() ? 1 : 0;
      errors += r.error() ? 1 : 0;
      synthetic += r.synthetic() ? 1 : 0;
    }
    String runFile = null;
    if (runDir != null) {
      Path file = runDir.resolve(set.name() + "." + name + ".run");
      Files.write(file, run, StandardCharsets.UTF_8);
      runFile = file.toString();
    }
    // Scored from the run-file text, exactly what trec_eval would read.
    TrecEval.Evaluation e = TrecEval.evaluate(qrels, TrecEval.parseRun(run, name));
    progress(String.format(Locale.ROOT, "%s / %s: %d topics in %.2f s, MAP %.4f", set.name(), name,
        set.topics().size(), (System.nanoTime() - start) / 1e9, e.mean().ap()));
    return new Row(name, e.mean(), set.topics().size(), noResult, errors, synthetic, runFile);
  }

  private static String markdown(Args args, List<TopicSet> sets, Map<String, Map<String, Integer>> qrels,
      Map<String, List<Row>> tables) {
    StringBuilder b = new StringBuilder();
    int judgments = qrels.values().stream().mapToInt(Map::size).sum();
    String settings = (args.qids.equals("all") ? "" : args.qids + " qids; ")
        + (args.boosts.isEmpty() ? "" : "boosts " + boosts(args) + "; ")
        + (args.bestField ? "best-field scoring; " : "")
        + (args.bm25 == null ? "" : "bm25 " + args.bm25[0] + "," + args.bm25[1] + "; ");
    for (TopicSet set : sets) {
      b.append(String.format(Locale.ROOT, "### %s (`%s`, %d topics; %smeasures over the %d judged topics, %d judgments)%n%n",
          set.label(), set.file().getFileName(), set.topics().size(), settings, qrels.size(), judgments));
      b.append("| system | MAP | nDCG@10 | P@10 | R@100 | topics with no result | topics with an error |\n");
      b.append("|---|---:|---:|---:|---:|---:|---:|\n");
      boolean anySynthetic = false;
      for (Row r : tables.get(set.name())) {
        anySynthetic |= r.synthetic() > 0;
        b.append(String.format(Locale.ROOT, "| %s%s | %.4f | %.4f | %.4f | %.4f | %d | %d |%n", r.system(),
            r.synthetic() > 0 ? " (" + r.synthetic() + " synthetic)" : "", r.mean().ap(), r.mean().ndcg10(),
            r.mean().p10(), r.mean().r100(), r.noResult(), r.errors()));
      }
      if (anySynthetic) {
        b.append("\n\"synthetic\": topics whose run has scores 1000 - rank (date order or non-positive scores).\n");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The boosts given on the command line, as {@code headline=2.0 body=1.0}. */
  private static String boosts(Args args) {
    StringBuilder b = new StringBuilder();
    args.boosts.forEach((f, x) -> b.append(b.isEmpty() ? "" : " ").append(f.key()).append('=').append(x));
    return b.toString();
  }

  private static Map<String, Object> json(Args args, int articles, int rejected, Map<String, Object> headlineStats,
      List<TopicSet> sets, Map<String, Map<String, Integer>> qrels, Map<String, List<Row>> tables, Double defaultsMap) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("corpus", args.corpus.toString());
    root.put("articles", articles);
    root.put("rejected", rejected);
    root.put("extract", args.extract);
    root.put("qids", args.qids);
    if (!args.boosts.isEmpty()) {
      root.put("boosts", boosts(args));
    }
    root.put("bestField", args.bestField);
    if (args.bm25 != null) {
      root.put("bm25", List.of(args.bm25[0], args.bm25[1]));
    }
    root.put("depth", DEPTH);
    root.put("qrels", args.qrels.toString());
    root.put("judgedTopics", qrels.size());
    if (!headlineStats.isEmpty()) {
      root.put("standInHeadlines", headlineStats);
    }
    List<Object> out = new ArrayList<>();
    for (TopicSet set : sets) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", set.name());
      s.put("file", set.file().toString());
      s.put("topics", set.topics().size());
      List<Object> rows = new ArrayList<>();
      for (Row r : tables.get(set.name())) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("system", r.system());
        row.put("map", r.mean().ap());
        row.put("ndcg10", r.mean().ndcg10());
        row.put("p10", r.mean().p10());
        row.put("r100", r.mean().r100());
        row.put("noResult", r.noResult());
        row.put("errors", r.errors());
        row.put("syntheticScores", r.synthetic());
        row.put("retrieved", r.mean().retrieved());
        if (r.runFile() != null) {
          row.put("runFile", r.runFile());
        }
        rows.add(row);
      }
      s.put("systems", rows);
      out.add(s);
    }
    root.put("topicSets", out);
    if (args.minMapDefaults != null) {
      Map<String, Object> guard = new LinkedHashMap<>();
      guard.put("threshold", args.minMapDefaults);
      guard.put("map", defaultsMap);
      guard.put("ok", defaultsMap != null && defaultsMap >= args.minMapDefaults);
      root.put("minMapDefaults", guard);
    }
    return root;
  }
}
