package dev.dateline.bench.quality;

import dev.dateline.Article;
import dev.dateline.NewsIndex;
import dev.dateline.NewsQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.search.similarities.LMDirichletSimilarity;

/**
 * A small judged test collection on Reuters-21578 ({@code ../shared/corpora/reuters21578}, 21,577
 * stories of 1987 with real headlines), and the tools to pool, judge and evaluate it. The set lives
 * in {@code benchmarks/results/relevance/reuters/}: topics, narratives, the pool and the qrels
 * (story ids and judgments only; the Reuters text is research-use only and never committed).
 *
 * <p>Method (see {@code RESULTS.md} there for the whole account):
 *
 * <ol>
 *   <li>30 topics, each with a title (what a user types), a description (a pasted question) and a
 *       narrative (what makes a story relevant), were written and committed before any system was
 *       run on the collection.
 *   <li>{@code pool}: every pooling system ({@link #POOL_SYSTEMS}) retrieves for the title and the
 *       description of each topic; the pool of a topic is the union of their top {@value
 *       #POOL_DEPTH} ({@code pool.tsv} says which system, query form and rank found each story).
 *       One judging packet per topic is written outside the repository: the topic, then every
 *       pooled story (id, date, headline, full body) in story-id order, without saying which
 *       system found it.
 *   <li>Each pooled story is judged against the narrative (binary; {@code qrels.txt}, TREC format).
 *   <li>{@code eval}: the systems retrieve {@value RelevanceEval#DEPTH} stories per topic and are
 *       scored with {@link TrecEval} (MAP, nDCG@10, P@10, R@100; unjudged stories count as not
 *       relevant) over the judged topics, with "judged@10": the share of each system's top 10
 *       (of the stories it retrieved, at most 10) that has a judgment, averaged over the judged
 *       topics with a result. A ranking that changes after the pool was built shows up there.
 *   <li>{@code pool-add}: for rankings that came later, the top {@value #POOL_DEPTH} stories of the
 *       systems that have no judgment yet, listed on standard output and written as packets, so
 *       that the qrels can grow incrementally.
 * </ol>
 *
 * <p>Systems: {@code dateline-defaults} ({@code NewsQuery.of(text)}), {@code dateline-or}
 * ({@code defaultOperator(OR)}) and {@code dateline-best-field} (the defaults on an index with
 * {@code combinedFieldScoring(false)}: each word scored by its best field, as before BM25F became
 * the default) through the public API, indexed as {@link RelevanceEval} does
 * ({@link NewsIndex#inMemory}, {@code EntityExtractor.none()}); {@code bm25-headline-body} ({@link
 * Bm25Peer}: one field, headline and body); {@code bm25f-headline-body} ({@link Bm25fPeer}: headline
 * weight 2, body 1, Lucene's {@code CombinedFieldQuery}); {@code lm-dirichlet} ({@link Bm25Peer}'s
 * index and queries scored by Lucene's {@link LMDirichletSimilarity}, mu 2000, for pool diversity).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.quality.ReutersEval pool|eval|pool-add \
 *   [--data ../shared/corpora/reuters21578] [--set benchmarks/results/relevance/reuters] \
 *   [--systems a,b,...] [--packets DIR] [--run-dir DIR]
 * </pre>
 *
 * Tables (Markdown) and lists go to standard output, progress to standard error.
 */
public final class ReutersEval {
  static final int POOL_DEPTH = 20;
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String DEFAULTS = RelevanceEval.DEFAULTS;
  static final String OR = RelevanceEval.OR;
  static final String DATELINE_BEST_FIELD = "dateline-best-field";
  static final String BM25 = "bm25-headline-body";
  static final String BM25F = "bm25f-headline-body";
  static final String LM_DIRICHLET = "lm-dirichlet";
  /** The systems whose top {@value #POOL_DEPTH} made the pool. */
  static final List<String> POOL_SYSTEMS = List.of(DEFAULTS, OR, BM25, BM25F, LM_DIRICHLET);
  static final List<String> EVAL_SYSTEMS = List.of(DEFAULTS, DATELINE_BEST_FIELD, OR, BM25, BM25F, LM_DIRICHLET);

  /** A topic: its number, the two query forms and the narrative the judge reads stories against. */
  record Topic(String qid, String title, String description, String narrative) {
    String query(String form) {
      return form.equals(TITLE) ? title : description;
    }
  }

  /** One system's result on one topic set: the run-file lines and the topics that found nothing. */
  record Run(List<String> lines, int noResult, int errors, int synthetic) {}

  private ReutersEval() {}

  // ------------------------------------------------------------------ systems

  /** The systems over one corpus; each index is built on first use and closed with this. */
  static final class Systems implements AutoCloseable {
    private final List<Article> articles;
    private NewsIndex dateline;
    private NewsIndex datelineBestField;
    private Bm25Peer bm25;
    private Bm25fPeer bm25f;
    private Bm25Peer lmDirichlet;

    Systems(List<Article> articles) {
      this.articles = articles;
    }

    RelevanceEval.Ranker ranker(String name) throws IOException {
      long start = System.nanoTime();
      RelevanceEval.Ranker ranker = switch (name) {
        case DEFAULTS -> RelevanceEval.dateline(dateline(), null);
        case OR -> RelevanceEval.dateline(dateline(), NewsQuery.Operator.OR);
        case DATELINE_BEST_FIELD -> {
          if (datelineBestField == null) {
            datelineBestField = RelevanceEval.index(articles, false, Map.of(), true, null);
          }
          yield RelevanceEval.dateline(datelineBestField, null);
        }
        case BM25 -> {
          if (bm25 == null) {
            bm25 = new Bm25Peer(articles);
          }
          Bm25Peer peer = bm25;
          yield text -> peer.search(text, RelevanceEval.DEPTH);
        }
        case BM25F -> {
          if (bm25f == null) {
            bm25f = new Bm25fPeer(articles);
          }
          Bm25fPeer peer = bm25f;
          yield text -> peer.search(text, RelevanceEval.DEPTH);
        }
        case LM_DIRICHLET -> {
          if (lmDirichlet == null) {
            lmDirichlet = new Bm25Peer(articles, new LMDirichletSimilarity());
          }
          Bm25Peer peer = lmDirichlet;
          yield text -> peer.search(text, RelevanceEval.DEPTH);
        }
        default -> throw new IllegalArgumentException("unknown system " + name);
      };
      double seconds = (System.nanoTime() - start) / 1e9;
      if (seconds > 0.5) {
        progress(String.format(Locale.ROOT, "indexed %d stories for %s in %.1f s", articles.size(), name, seconds));
      }
      return ranker;
    }

    private NewsIndex dateline() {
      if (dateline == null) {
        dateline = RelevanceEval.index(articles, false, Map.of(), false, null);
      }
      return dateline;
    }

    @Override
    public void close() throws IOException {
      try (Bm25Peer a = bm25; Bm25fPeer b = bm25f; Bm25Peer c = lmDirichlet; NewsIndex d = dateline;
          NewsIndex e = datelineBestField) {
        // closed in reverse order; the ones never built are null and skipped
      }
    }
  }

  /** Every topic of the set through {@code system} with the query form {@code form}. */
  static Run run(RelevanceEval.Ranker system, String name, List<Topic> topics, String form) throws IOException {
    List<String> lines = new ArrayList<>();
    int noResult = 0;
    int errors = 0;
    int synthetic = 0;
    for (Topic t : topics) {
      RelevanceEval.Retrieval r = RelevanceEval.retrieve(system, t.qid(), t.query(form), name);
      lines.addAll(r.runLines());
      noResult += r.runLines().isEmpty() ? 1 : 0;
      errors += r.error() ? 1 : 0;
      synthetic += r.synthetic() ? 1 : 0;
    }
    return new Run(lines, noResult, errors, synthetic);
  }

  /** Per topic, the first {@code n} story ids of a run in {@code trec_eval}'s order (what it scores). */
  static Map<String, List<String>> top(List<String> runLines, int n) throws IOException {
    Map<String, List<TrecEval.RunLine>> byTopic = new LinkedHashMap<>();
    for (TrecEval.RunLine l : TrecEval.parseRun(runLines, "run")) {
      byTopic.computeIfAbsent(l.qid(), q -> new ArrayList<>()).add(l);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    byTopic.forEach((qid, lines) -> out.put(qid,
        lines.stream().sorted(TrecEval.TREC_ORDER).limit(n).map(TrecEval.RunLine::docid).toList()));
    return out;
  }

  // ------------------------------------------------------------------ pool and packets

  /**
   * Per topic, every story in the top {@code depth} of one of {@code systems} for either query form,
   * with where it was found ({@code system/form@rank}), in story order; with {@code judged} given,
   * only stories that have no judgment for the topic.
   */
  static Map<String, Map<String, List<String>>> pool(Systems systems, List<String> names, List<Topic> topics,
      int depth, Map<String, Map<String, Integer>> judged) throws IOException {
    Map<String, Map<String, List<String>>> pool = new LinkedHashMap<>();
    topics.forEach(t -> pool.put(t.qid(), new TreeMap<>(STORY_ORDER)));
    for (String name : names) {
      RelevanceEval.Ranker system = systems.ranker(name);
      for (String form : List.of(TITLE, DESCRIPTION)) {
        long start = System.nanoTime();
        Map<String, List<String>> top = top(run(system, name, topics, form).lines(), depth);
        top.forEach((qid, ids) -> {
          for (int i = 0; i < ids.size(); i++) {
            if (!judged.getOrDefault(qid, Map.of()).containsKey(ids.get(i))) {
              pool.get(qid).computeIfAbsent(ids.get(i), id -> new ArrayList<>()).add(name + "/" + form + "@" + (i + 1));
            }
          }
        });
        progress(String.format(Locale.ROOT, "%s / %s: %d topics in %.2f s", name, form, topics.size(),
            (System.nanoTime() - start) / 1e9));
      }
    }
    return pool;
  }

  /** Story ids in collection order: {@code reuters21578-9} before {@code reuters21578-10}. */
  static final Comparator<String> STORY_ORDER = Comparator.comparingLong(ReutersEval::storyNumber)
      .thenComparing(Comparator.naturalOrder());

  private static long storyNumber(String id) {
    try {
      return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Writes {@code qid<TAB>docid<TAB>found by} lines, topics in topic order, stories in story order. */
  static List<String> poolLines(Map<String, Map<String, List<String>>> pool) {
    List<String> lines = new ArrayList<>();
    pool.forEach((qid, stories) -> stories.forEach((id, foundBy) -> lines.add(qid + "\t" + id + "\t"
        + String.join(" ", foundBy))));
    return lines;
  }

  /**
   * One judging packet per topic with stories in {@code dir}: the topic's three fields, then each
   * story (id, date, headline, full body) in story order, blind to the systems that found it.
   */
  static void writePackets(Path dir, List<Topic> topics, Map<String, Map<String, List<String>>> pool,
      Map<String, Article> byId) throws IOException {
    Files.createDirectories(dir);
    for (Topic t : topics) {
      Set<String> ids = pool.get(t.qid()).keySet();
      if (ids.isEmpty()) {
        continue;
      }
      StringBuilder b = new StringBuilder();
      b.append("TOPIC ").append(t.qid()).append(": ").append(t.title()).append('\n');
      b.append("Description: ").append(t.description()).append('\n');
      b.append("Narrative: ").append(t.narrative()).append('\n');
      b.append(ids.size()).append(" stories, in story-id order. Judge each: 1 relevant, 0 not relevant.\n");
      for (String id : ids) {
        Article a = byId.get(id);
        b.append("\n==== ").append(id).append(" | ").append(a.published()).append('\n');
        b.append(a.headline() == null ? "(no headline)" : a.headline()).append('\n');
        a.body().forEach(p -> b.append("  ").append(p).append('\n'));
      }
      Files.writeString(dir.resolve(t.qid() + ".txt"), b, StandardCharsets.UTF_8);
    }
  }

  // ------------------------------------------------------------------ evaluation

  /** One row of a table. */
  record Row(String system, TrecEval.Measures mean, double judgedAt10, Run run) {}

  /**
   * The mean over the judged topics with a result of the share of the top 10 retrieved (at most
   * 10) that has a judgment.
   */
  static double judgedAt10(List<String> runLines, Map<String, Map<String, Integer>> qrels) throws IOException {
    double sum = 0;
    int topics = 0;
    for (Map.Entry<String, List<String>> t : top(runLines, 10).entrySet()) {
      Map<String, Integer> judged = qrels.get(t.getKey());
      if (judged == null || t.getValue().isEmpty()) {
        continue;
      }
      sum += t.getValue().stream().filter(judged::containsKey).count() / (double) t.getValue().size();
      topics++;
    }
    return topics == 0 ? 0 : sum / topics;
  }

  static String table(String form, List<Topic> topics, Map<String, Map<String, Integer>> qrels, List<Row> rows) {
    long judgments = qrels.values().stream().mapToLong(Map::size).sum();
    long relevant = qrels.values().stream().flatMap(m -> m.values().stream()).filter(r -> r >= 1).count();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "### %s queries (%d judged topics, %d judgments, %d relevant)%n%n",
        form.equals(TITLE) ? "Title" : "Description", topics.size(), judgments, relevant));
    b.append("| system | MAP | nDCG@10 | P@10 | R@100 | no result | judged@10 |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s%s | %.4f | %.4f | %.4f | %.4f | %d | %.3f |%n", r.system(),
          r.run().synthetic() > 0 ? " (" + r.run().synthetic() + " synthetic)" : "", r.mean().ap(), r.mean().ndcg10(),
          r.mean().p10(), r.mean().r100(), r.run().noResult(), r.judgedAt10()));
    }
    if (rows.stream().anyMatch(r -> r.run().synthetic() > 0)) {
      b.append("\n\"synthetic\": topics whose run has scores 1000 - rank (non-positive or out-of-order scores).\n");
    }
    return b.append('\n').toString();
  }

  // ------------------------------------------------------------------ inputs

  /** The topics of the set: titles, descriptions and the narratives ({@code narratives.tsv}). */
  static List<Topic> readTopics(Path set) throws IOException {
    Map<String, String> titles = RelevanceEval.readTopics(set.resolve("topics.tsv"));
    Map<String, String> descriptions = RelevanceEval.readTopics(set.resolve("topics-description.tsv"));
    Map<String, String> narratives = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(set.resolve("narratives.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length != 4) {
        throw new IOException(set.resolve("narratives.tsv") + ": expected qid, title, description, narrative: " + line);
      }
      narratives.put(f[0], f[3]);
    }
    List<Topic> topics = new ArrayList<>();
    for (String qid : titles.keySet()) {
      if (!descriptions.containsKey(qid) || !narratives.containsKey(qid)) {
        throw new IOException("topic " + qid + " has no description or narrative in " + set);
      }
      topics.add(new Topic(qid, titles.get(qid), descriptions.get(qid), narratives.get(qid)));
    }
    return topics;
  }

  // ------------------------------------------------------------------ main

  private record Args(String command, Path data, Path set, List<String> systems, Path packets, Path runDir) {}

  private static Args parse(String[] argv) {
    if (argv.length == 0 || !Set.of("pool", "eval", "pool-add").contains(argv[0])) {
      usage(argv.length == 0 ? "no command" : "unknown command " + argv[0]);
    }
    String command = argv[0];
    Path data = Path.of("../shared/corpora/reuters21578");
    Path set = Path.of("benchmarks/results/relevance/reuters");
    List<String> systems = command.equals("pool") ? POOL_SYSTEMS : EVAL_SYSTEMS;
    Path packets = Path.of(command.equals("pool") ? "/tmp/reuters-judge" : "/tmp/reuters-judge-add");
    Path runDir = null;
    for (int i = 1; i < argv.length; i++) {
      if (i + 1 >= argv.length) {
        usage(argv[i] + " needs a value (or is unknown)");
      }
      String v = argv[++i];
      switch (argv[i - 1]) {
        case "--data" -> data = Path.of(v);
        case "--set" -> set = Path.of(v);
        case "--packets" -> packets = Path.of(v);
        case "--run-dir" -> runDir = Path.of(v);
        case "--systems" -> {
          systems = List.of(v.split(","));
          for (String s : systems) {
            if (!EVAL_SYSTEMS.contains(s)) {
              usage("unknown system " + s + " (known: " + String.join(", ", EVAL_SYSTEMS) + ")");
            }
          }
        }
        default -> usage("unknown argument " + argv[i - 1]);
      }
    }
    return new Args(command, data, set, systems, packets, runDir);
  }

  private static void usage(String problem) {
    System.err.println("ReutersEval: " + problem);
    System.err.println("""
        usage: ReutersEval pool|eval|pool-add [--data DIR] [--set DIR] [--systems a,b,...] [--packets DIR] [--run-dir DIR]
          pool        pool the top %d of each system for the title and description of every topic:
                      SET/pool.tsv, and judging packets (full story text) in --packets (default /tmp/reuters-judge)
          eval        score each system on the judged topics (SET/qrels.txt), one Markdown table per query form
          pool-add    list each judged topic's unjudged stories in the systems' top %d, with packets in --packets
                      (default /tmp/reuters-judge-add)
          --data DIR     the collection (default ../shared/corpora/reuters21578; reads reuters21578.jsonl.gz)
          --set DIR      the judged set (default benchmarks/results/relevance/reuters)
          --systems LIST of %s (default: pool %s, else all)
          --run-dir DIR  eval: write the TREC run files there (<form>.<system>.run)"""
        .formatted(POOL_DEPTH, POOL_DEPTH, EVAL_SYSTEMS, POOL_SYSTEMS));
    System.exit(2);
  }

  static void progress(String message) {
    System.err.println("reuters: " + message);
  }

  public static void main(String[] argv) throws IOException {
    Args args = parse(argv);
    Path corpus = args.data().resolve("reuters21578.jsonl.gz");
    if (!Files.isRegularFile(corpus)) {
      progress("no file " + corpus + " (give --data DIR)");
      System.exit(2);
    }
    List<Topic> topics = readTopics(args.set());
    Map<String, Map<String, Integer>> qrels = Map.of();
    Path qrelsFile = args.set().resolve("qrels.txt");
    if (!args.command().equals("pool")) {
      qrels = TrecEval.readQrels(qrelsFile);
      Set<String> judged = qrels.keySet();
      topics = topics.stream().filter(t -> judged.contains(t.qid())).toList();
      progress(topics.size() + " judged topics in " + qrelsFile);
    }
    long start = System.nanoTime();
    int[] rejected = {0};
    List<Article> articles = RelevanceEval.readArticles(corpus, rejected);
    progress(String.format(Locale.ROOT, "read %d stories from %s (%d rejected) in %.1f s", articles.size(), corpus,
        rejected[0], (System.nanoTime() - start) / 1e9));
    try (Systems systems = new Systems(articles)) {
      switch (args.command()) {
        case "pool" -> {
          Map<String, Map<String, List<String>>> pool = pool(systems, args.systems(), topics, POOL_DEPTH, qrels);
          List<String> lines = new ArrayList<>();
          lines.add("qid\tdocid\tfound_by (system/query form@rank, top " + POOL_DEPTH + ")");
          lines.addAll(poolLines(pool));
          Files.write(args.set().resolve("pool.tsv"), lines, StandardCharsets.UTF_8);
          writePackets(args.packets(), topics, pool, byId(articles));
          pool.forEach((qid, stories) -> progress("topic " + qid + ": " + stories.size() + " pooled stories"));
          progress((lines.size() - 1) + " pooled stories in " + args.set().resolve("pool.tsv") + ", packets in "
              + args.packets());
        }
        case "pool-add" -> {
          Map<String, Map<String, List<String>>> added = pool(systems, args.systems(), topics, POOL_DEPTH, qrels);
          poolLines(added).forEach(System.out::println);
          writePackets(args.packets(), topics, added, byId(articles));
          progress(added.values().stream().mapToInt(Map::size).sum() + " unjudged stories in the top " + POOL_DEPTH
              + "; packets in " + args.packets());
        }
        default -> evaluate(args, systems, topics, qrels);
      }
    }
  }

  private static Map<String, Article> byId(List<Article> articles) {
    Map<String, Article> byId = new LinkedHashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    return byId;
  }

  private static void evaluate(Args args, Systems systems, List<Topic> topics, Map<String, Map<String, Integer>> qrels)
      throws IOException {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    for (String form : List.of(TITLE, DESCRIPTION)) {
      tables.put(form, new ArrayList<>());
    }
    if (args.runDir() != null) {
      Files.createDirectories(args.runDir());
    }
    for (String name : args.systems()) {
      RelevanceEval.Ranker system = systems.ranker(name);
      for (String form : tables.keySet()) {
        Run run = run(system, name, topics, form);
        if (args.runDir() != null) {
          Files.write(args.runDir().resolve(form + "." + name + ".run"), run.lines(), StandardCharsets.UTF_8);
        }
        TrecEval.Evaluation e = TrecEval.evaluate(qrels, TrecEval.parseRun(run.lines(), name));
        Row row = new Row(name, e.mean(), judgedAt10(run.lines(), qrels), run);
        progress(String.format(Locale.ROOT, "%s / %s: MAP %.4f, judged@10 %.3f", name, form, e.mean().ap(),
            row.judgedAt10()));
        tables.get(form).add(row);
      }
    }
    tables.forEach((form, rows) -> System.out.print(table(form, topics, qrels, rows)));
  }
}
