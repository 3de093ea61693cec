package dev.dateline.bench.quality;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.EntityExtractor;
import dev.dateline.NewsIndex;
import dev.dateline.SearchHit;
import dev.dateline.internal.story.Fingerprint;
import dev.dateline.internal.story.StoryRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How well story detection groups copies, on a labelled set built from real articles: the
 * Reuters-21578 stories of a sample of whole days ({@code ../shared/corpora/reuters21578}), a
 * generated syndicated copy or three of about a third of them, with known ground truth, and a
 * hand-written set of distinct stories on one subject on one day (twelve, six subjects, each with
 * a generated copy: {@code same-day-stories.jsonl}, written for this evaluation).
 *
 * <p><b>Copies.</b> Each is made from its original by a seeded random mix of what syndication
 * does: paragraphs trimmed from the end (keeping 60 to 100% of the words), a different headline,
 * source, byline and dateline, the dateline written into the first paragraph, boilerplate added
 * (and the original's removed), British respellings (per cent, -ise, -our, -tre) and a few words
 * changed or a middle sentence dropped; published 0 to 48 hours after the original. A copy
 * therefore shares at least 60% of its original's words.
 *
 * <p><b>Ground truth.</b> A copy is in its original's story. Two Reuters stories are in one story
 * when published at most 3 days apart and at least 60% of the word 3-shingles of the shorter one
 * are in the other, computed exactly (the wire's own repeats and corrections); the groups are
 * closed under that relation. A pair of Reuters stories sharing 30 to 60% is <em>gray</em>: left
 * out of precision and recall (counted and reported).
 *
 * <p><b>Measures.</b> Pair precision and recall over the pairs of articles in one story
 * (predicted vs true), recall again over the generated copies alone, cluster purity (each
 * predicted story counted by its most common true story), and the merges among the distinct
 * same-day stories.
 *
 * <p><b>Splits.</b> Days are split into dev and test by a seeded shuffle. {@code tune} reports, on
 * the dev split only, pair precision and recall of the estimated overlap ({@link
 * Fingerprint#overlap}) at a range of thresholds, to choose {@link StoryRegistry#THRESHOLD};
 * {@code eval --split test} runs the library (an index with stories on, through the public API)
 * and reports the measures once.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.quality.StoryEval tune
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.quality.StoryEval eval --split test
 * </pre>
 */
public final class StoryEval {
  private static final Duration WINDOW = Duration.ofDays(3);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private StoryEval() {}

  /** An article of the labelled set and its true story. */
  record Labelled(Article article, String truth, boolean generated, boolean sameDay) {}

  public static void main(String[] argv) throws IOException {
    String command = argv.length > 0 ? argv[0] : "eval";
    Path data = Path.of("../shared/corpora/reuters21578");
    String split = "dev";
    int days = 12;
    long seed = 20260301L;
    for (int i = 1; i < argv.length; i++) {
      switch (argv[i]) {
        case "--data" -> data = Path.of(argv[++i]);
        case "--split" -> split = argv[++i];
        case "--days" -> days = Integer.parseInt(argv[++i]);
        case "--seed" -> seed = Long.parseLong(argv[++i]);
        default -> usage("unknown argument " + argv[i]);
      }
    }
    if (!command.equals("eval") && !command.equals("tune")) {
      usage("unknown command " + command);
    }
    if (command.equals("tune") && !split.equals("dev")) {
      usage("tune runs on the dev split only");
    }
    Path corpus = data.resolve("reuters21578.jsonl.gz");
    if (!Files.isRegularFile(corpus)) {
      usage("no file " + corpus + " (give --data DIR)");
    }
    List<Article> reuters = read(corpus);
    List<Labelled> set = build(reuters, split, days, seed);
    Truth truth = truth(set);
    System.out.printf(Locale.ROOT, "# Story evaluation, %s split%n%n", split);
    System.out.printf(Locale.ROOT,
        "%d articles: %d Reuters stories from %d days, %d generated copies, %d same-day stories and their copies;"
            + " %d true pairs (%d of a copy and its story), %d gray pairs left out%n%n",
        set.size(), set.stream().filter(l -> !l.generated() && !l.sameDay()).count(), days,
        set.stream().filter(l -> l.generated() && !l.sameDay()).count(),
        set.stream().filter(Labelled::sameDay).count(), truth.truePairs.size(),
        truth.truePairs.stream().filter(p -> truth.generatedPair(p)).count(), truth.gray.size());
    if (command.equals("tune")) {
      tune(set, truth);
    } else {
      eval(set, truth);
    }
  }

  private static void usage(String message) {
    System.err.println("story-eval: " + message);
    System.err.println("usage: StoryEval tune|eval [--split dev|test] [--days N] [--seed N] [--data DIR]");
    System.exit(2);
  }

  static List<Article> read(Path corpus) {
    List<Article> out = new ArrayList<>();
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(corpus, ArticleFiles.Options.defaults())) {
      records.forEachOrdered(r -> {
        if (r instanceof ArticleFiles.Parsed p && p.article().published() != null) {
          out.add(p.article());
        }
      });
    }
    return out;
  }

  // ------------------------------------------------------------------ the labelled set

  static List<Labelled> build(List<Article> reuters, String split, int days, long seed) throws IOException {
    Map<LocalDate, List<Article>> byDay = new TreeMap<>();
    for (Article a : reuters) {
      byDay.computeIfAbsent(LocalDate.ofInstant(a.published(), ZoneOffset.UTC), d -> new ArrayList<>()).add(a);
    }
    List<LocalDate> busy = new ArrayList<>(byDay.keySet().stream().filter(d -> byDay.get(d).size() >= 50).toList());
    Collections.shuffle(busy, new Random(seed));
    int from = split.equals("dev") ? 0 : days;
    if (busy.size() < 2 * days) {
      throw new IllegalArgumentException("only " + busy.size() + " days with 50 stories or more");
    }
    List<Labelled> out = new ArrayList<>();
    Random random = new Random(seed ^ split.hashCode());
    for (LocalDate day : busy.subList(from, from + days)) {
      for (Article a : byDay.get(day)) {
        out.add(new Labelled(a, a.id(), false, false));
        if (words(a).size() >= 40 && random.nextDouble() < 0.35) {
          int copies = 1 + random.nextInt(3);
          for (int k = 1; k <= copies; k++) {
            out.add(new Labelled(copy(a, a.id() + "-copy" + k, random), a.id(), true, false));
          }
        }
      }
    }
    for (Article a : sameDay()) {
      out.add(new Labelled(a, a.id(), false, true));
      out.add(new Labelled(copy(a, a.id() + "-copy", random), a.id(), true, true));
    }
    return out;
  }

  static List<Article> sameDay() throws IOException {
    List<Article> out = new ArrayList<>();
    Path tmp = Files.createTempFile("same-day-stories", ".jsonl");
    try (InputStream in = StoryEval.class.getResourceAsStream("same-day-stories.jsonl")) {
      Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<ArticleFiles.Record> records = ArticleFiles.stream(tmp, ArticleFiles.Options.defaults())) {
      records.forEachOrdered(r -> out.add(((ArticleFiles.Parsed) r).article()));
    } finally {
      Files.deleteIfExists(tmp);
    }
    return out;
  }

  private static final String[] OUTLETS = {
    "Gulf Daily", "Business Times", "Harbour Post", "Valley Courier", "Metro Ledger", "Coast Herald"};
  private static final String[] BOILERPLATE = {
    "This article was first published by %s and is republished under a content agreement.",
    "Copyright %s. All rights reserved. Distributed by the wire service.",
    "Follow %s on social media for the latest business news.",
    "(Reporting by staff; editing for %s by the news desk)",
    "Sign up for the %s morning briefing, delivered to your inbox every weekday.",
  };
  private static final String[][] RESPELL = {
    {"percent", "per cent"}, {"center", "centre"}, {"labor", "labour"}, {"favor", "favour"},
    {"program", "programme"}, {"defense", "defence"}, {"organization", "organisation"},
    {"analyze", "analyse"}, {"recognize", "recognise"}, {"privatization", "privatisation"},
    {"authorized", "authorised"}, {"subsidized", "subsidised"}, {"neighbor", "neighbour"},
  };
  private static final String[][] EDITS = {
    {"said", "stated"}, {"rose", "climbed"}, {"fell", "dropped"}, {"company", "firm"},
    {"about", "around"}, {"billion", "bln"}, {"million", "mln"}, {"increase", "rise"},
  };

  /** A syndicated copy of {@code a} (see the class documentation). */
  static Article copy(Article a, String id, Random r) {
    List<String> body = new ArrayList<>(a.body());
    int total = body.stream().mapToInt(p -> WORD.split(p).length).sum();
    // Trim from the end, keeping at least 60% of the words.
    double keep = 0.6 + 0.4 * r.nextDouble();
    if (r.nextDouble() < 0.7) {
      int kept = 0;
      int n = 0;
      while (n < body.size() && kept < keep * total) {
        kept += WORD.split(body.get(n)).length;
        n++;
      }
      body = new ArrayList<>(body.subList(0, Math.max(1, n)));
    }
    String outlet = OUTLETS[r.nextInt(OUTLETS.length)];
    if (r.nextDouble() < 0.6) {
      // Light editing: a few words swapped, or (in a longer copy) one middle paragraph dropped.
      if (body.size() > 4 && r.nextBoolean()) {
        body.remove(1 + r.nextInt(body.size() - 2));
      } else {
        for (int i = 0; i < body.size(); i++) {
          String p = body.get(i);
          for (String[] e : EDITS) {
            if (r.nextDouble() < 0.3) {
              p = p.replaceFirst("\\b" + e[0] + "\\b", e[1]);
            }
          }
          body.set(i, p);
        }
      }
    }
    if (r.nextDouble() < 0.5) {
      for (int i = 0; i < body.size(); i++) {
        String p = body.get(i);
        for (String[] s : RESPELL) {
          p = p.replaceAll("\\b" + s[0] + "\\b", s[1]).replaceAll("\\b" + capital(s[0]) + "\\b", capital(s[1]));
        }
        body.set(i, p);
      }
    }
    String place = a.dateline() != null ? a.dateline() : "LONDON";
    if (r.nextDouble() < 0.5 && !body.isEmpty()) {
      body.set(0, place + " (" + outlet + ") - " + body.get(0));
    }
    if (r.nextDouble() < 0.6) {
      String line = String.format(Locale.ROOT, BOILERPLATE[r.nextInt(BOILERPLATE.length)], outlet);
      if (r.nextBoolean()) {
        body.add(line);
      } else {
        body.add(0, line);
      }
    }
    String headline = a.headline() == null ? null : switch (r.nextInt(4)) {
      case 0 -> "UPDATE 1-" + a.headline();
      case 1 -> a.headline().toLowerCase(Locale.ROOT);
      case 2 -> outlet + ": " + a.headline();
      default -> a.headline() + " - report";
    };
    return a.toBuilder()
        .id(id)
        .source(outlet)
        .headline(headline)
        .byline(r.nextBoolean() ? "By " + outlet + " staff" : null)
        .dateline(r.nextBoolean() ? place : null)
        .body(body)
        .published(a.published().plus(Duration.ofMinutes(r.nextInt(48 * 60))))
        .build();
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ ground truth

  /** Word 3-shingles of the body and bullets, lower case, as plain strings (no respelling). */
  static Set<String> shingles(Article a) {
    List<String> w = words(a);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= w.size(); i++) {
      out.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
    }
    return out;
  }

  static List<String> words(Article a) {
    List<String> out = new ArrayList<>();
    List<String> texts = new ArrayList<>(a.body());
    texts.addAll(a.bullets());
    for (String t : texts) {
      Matcher m = WORD.matcher(t.toLowerCase(Locale.ROOT));
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** Pairs as "i j" with i < j over the indices of the set. */
  static final class Truth {
    final String[] label;
    final Set<Long> truePairs = new HashSet<>();
    final Set<Long> gray = new HashSet<>();
    final boolean[] generated;

    Truth(int n) {
      label = new String[n];
      generated = new boolean[n];
    }

    boolean generatedPair(long p) {
      return generated[(int) (p >>> 32)] || generated[(int) p];
    }
  }

  static long pair(int i, int j) {
    return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
  }

  static Truth truth(List<Labelled> set) {
    int n = set.size();
    Truth t = new Truth(n);
    int[] parent = new int[n];
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      byId.put(set.get(i).article().id(), i);
      t.generated[i] = set.get(i).generated();
    }
    // Copies join their original.
    for (int i = 0; i < n; i++) {
      union(parent, i, byId.get(set.get(i).truth()));
    }
    // Reuters stories sharing at least 60% (exactly computed) within the window.
    List<Integer> originals = new ArrayList<>();
    List<Set<String>> sh = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sh.add(set.get(i).generated() || set.get(i).sameDay() ? Set.of() : shingles(set.get(i).article()));
      if (!set.get(i).generated() && !set.get(i).sameDay()) {
        originals.add(i);
      }
    }
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i : originals) {
      for (String s : sh.get(i)) {
        postings.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
      }
    }
    for (int i : originals) {
      Map<Integer, Integer> common = new HashMap<>();
      for (String s : sh.get(i)) {
        for (int j : postings.get(s)) {
          if (j > i) {
            common.merge(j, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : common.entrySet()) {
        int j = e.getKey();
        Article a = set.get(i).article();
        Article b = set.get(j).article();
        if (Duration.between(a.published(), b.published()).abs().compareTo(WINDOW) > 0) {
          continue;
        }
        int smaller = Math.min(sh.get(i).size(), sh.get(j).size());
        if (smaller < StoryRegistry.MIN_SHINGLES) {
          continue;
        }
        double share = e.getValue() / (double) smaller;
        if (share >= 0.6) {
          union(parent, i, j);
        } else if (share >= 0.3) {
          t.gray.add(pair(i, j));
        }
      }
    }
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : groups.values()) {
      for (int x : g) {
        t.label[x] = set.get(g.get(0)).article().id();
      }
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          t.truePairs.add(pair(g.get(x), g.get(y)));
        }
      }
    }
    // A gray pair inside one true story is a true pair.
    t.gray.removeIf(t.truePairs::contains);
    return t;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }

  // ------------------------------------------------------------------ tune (dev only)

  static void tune(List<Labelled> set, Truth truth) {
    int n = set.size();
    Fingerprint[] prints = new Fingerprint[n];
    for (int i = 0; i < n; i++) {
      Article a = set.get(i).article();
      List<String> texts = new ArrayList<>(a.body());
      texts.addAll(a.bullets());
      prints[i] = Fingerprint.of(texts);
    }
    double[] thresholds = {0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
    double[] minJaccards = {0, 0.05, 0.1, 0.15, 0.2};
    long[][] tp = new long[thresholds.length][minJaccards.length];
    long[][] predicted = new long[thresholds.length][minJaccards.length];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Article a = set.get(i).article();
        Article b = set.get(j).article();
        if (prints[i].shingles() < StoryRegistry.MIN_SHINGLES || prints[j].shingles() < StoryRegistry.MIN_SHINGLES
            || Duration.between(a.published(), b.published()).abs().compareTo(WINDOW) > 0) {
          continue;
        }
        long p = pair(i, j);
        if (truth.gray.contains(p)) {
          continue;
        }
        double o = prints[i].overlap(prints[j]);
        double jac = prints[i].jaccard(prints[j]);
        boolean same = truth.truePairs.contains(p);
        for (int k = 0; k < thresholds.length; k++) {
          for (int m = 0; m < minJaccards.length; m++) {
            if (o >= thresholds[k] && jac >= minJaccards[m]) {
              predicted[k][m]++;
              if (same) {
                tp[k][m]++;
              }
            }
          }
        }
      }
    }
    System.out.println("Pairs judged by the estimated overlap and Jaccard similarity alone (before grouping into"
        + " stories), precision / recall:");
    System.out.println();
    StringBuilder head = new StringBuilder("| overlap \\ least Jaccard |");
    StringBuilder rule = new StringBuilder("|---|");
    for (double m : minJaccards) {
      head.append(String.format(Locale.ROOT, " %.2f |", m));
      rule.append("---|");
    }
    System.out.println(head);
    System.out.println(rule);
    for (int k = 0; k < thresholds.length; k++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.2f |", thresholds[k]));
      for (int m = 0; m < minJaccards.length; m++) {
        row.append(String.format(Locale.ROOT, " %.4f / %.4f |",
            predicted[k][m] == 0 ? 1.0 : tp[k][m] / (double) predicted[k][m], tp[k][m] / (double) truth.truePairs.size()));
      }
      System.out.println(row);
    }
    System.out.printf(Locale.ROOT, "%nThe library uses overlap >= %.2f and Jaccard >= %.2f (StoryRegistry.THRESHOLD,"
        + " MIN_JACCARD).%n", StoryRegistry.THRESHOLD, StoryRegistry.MIN_JACCARD);

  }

  // ------------------------------------------------------------------ eval

  static void eval(List<Labelled> set, Truth truth) {
    int n = set.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(set.get(i).article().id(), i);
    }
    String[] story = new String[n];
    long start = System.nanoTime();
    NewsIndex.Options options =
        NewsIndex.Options.builder().entityExtractor(EntityExtractor.none()).stories(true).build();
    try (NewsIndex idx = NewsIndex.inMemory(options)) {
      List<Labelled> shuffled = new ArrayList<>(set);
      Collections.shuffle(shuffled, new Random(7)); // arrival order is not publication order
      for (Labelled l : shuffled) {
        idx.add(l.article());
      }
      idx.refresh();
      for (int i = 0; i < n; i++) {
        if (story[i] != null) {
          continue;
        }
        for (SearchHit h : idx.timeline(set.get(i).article().id())) {
          story[index.get(h.id())] = h.story().id();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, List<Integer>> clusters = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      clusters.computeIfAbsent(story[i], k -> new ArrayList<>()).add(i);
    }
    long predicted = 0;
    long tp = 0;
    long grayMerged = 0;
    Set<Long> found = new HashSet<>();
    for (List<Integer> c : clusters.values()) {
      for (int x = 0; x < c.size(); x++) {
        for (int y = x + 1; y < c.size(); y++) {
          long p = pair(c.get(x), c.get(y));
          if (truth.gray.contains(p)) {
            grayMerged++;
            continue;
          }
          predicted++;
          if (truth.truePairs.contains(p)) {
            tp++;
            found.add(p);
          }
        }
      }
    }
    long copyPairs = truth.truePairs.stream().filter(truth::generatedPair).count();
    long copyFound = found.stream().filter(truth::generatedPair).count();
    long pure = 0;
    for (List<Integer> c : clusters.values()) {
      Map<String, Integer> counts = new HashMap<>();
      for (int x : c) {
        counts.merge(truth.label[x], 1, Integer::sum);
      }
      pure += Collections.max(counts.values());
    }
    // Same-day distinct stories: merges between different ones, and copies that joined.
    int sameDayMerges = 0;
    int sameDayCopiesJoined = 0;
    int sameDayCopies = 0;
    for (int i = 0; i < n; i++) {
      if (!set.get(i).sameDay()) {
        continue;
      }
      if (set.get(i).generated()) {
        sameDayCopies++;
        if (story[i].equals(story[index.get(set.get(i).truth())])) {
          sameDayCopiesJoined++;
        }
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (set.get(j).sameDay() && !set.get(j).generated() && story[i].equals(story[j])) {
          sameDayMerges++;
        }
      }
    }
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(Locale.ROOT, "| pair precision | %.4f (%d of %d predicted pairs) |%n",
        predicted == 0 ? 1.0 : tp / (double) predicted, tp, predicted);
    System.out.printf(Locale.ROOT, "| pair recall | %.4f (%d of %d true pairs) |%n",
        tp / (double) truth.truePairs.size(), tp, truth.truePairs.size());
    System.out.printf(Locale.ROOT, "| pair recall, generated copies | %.4f (%d of %d) |%n",
        copyPairs == 0 ? 1.0 : copyFound / (double) copyPairs, copyFound, copyPairs);
    System.out.printf(Locale.ROOT, "| cluster purity | %.4f (%d stories predicted, %d true) |%n",
        pure / (double) n, clusters.size(), Arrays.stream(truth.label).distinct().count());
    System.out.printf(Locale.ROOT, "| gray pairs (30-60%% shared) put in one story | %d of %d |%n", grayMerged, truth.gray.size());
    System.out.printf(Locale.ROOT, "| merges among the %d distinct same-day stories | %d |%n",
        set.stream().filter(l -> l.sameDay() && !l.generated()).count(), sameDayMerges);
    System.out.printf(Locale.ROOT, "| same-day copies that joined their story | %d of %d |%n", sameDayCopiesJoined, sameDayCopies);
    System.out.printf(Locale.ROOT, "%nIndexed (shuffled arrival order) and read back in %.1f s.%n", seconds);
  }
}
