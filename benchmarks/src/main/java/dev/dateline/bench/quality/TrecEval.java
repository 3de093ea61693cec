package dev.dateline.bench.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Relevance measures with the semantics of NIST's {@code trec_eval} (version 9.x), computed from
 * TREC run-file lines, so the figures are those {@code trec_eval -c -m map -m ndcg_cut.10 -m P.10
 * -m recall.100 qrels run} prints for the same run file:
 *
 * <ul>
 *   <li>Each topic's retrieved documents are ordered by score descending, ties broken by document
 *       id descending (byte-wise string comparison, as {@code strcmp}); the rank column of the run
 *       is ignored, as {@code trec_eval} ignores it.
 *   <li>A document is relevant when its qrels value is at least 1; documents not in the qrels are
 *       not relevant.
 *   <li>AP: the sum of the precision at the rank of each relevant retrieved document, divided by
 *       the number of relevant documents in the qrels.
 *   <li>nDCG@10 ({@code ndcg_cut_10}): gain = the qrels value, discount {@code log2(rank + 1)};
 *       the ideal DCG is that of the qrels' relevant documents sorted by value, cut at 10.
 *   <li>P@10: relevant in the top 10 divided by 10 (also when fewer were retrieved). R@100
 *       ({@code recall_100}): relevant in the top 100 divided by the number relevant.
 *   <li>Means are over every topic of the qrels that has a relevant document ({@code -c}): a topic
 *       with no line in the run scores 0 on every measure. Run topics not in the qrels are
 *       ignored.
 * </ul>
 */
final class TrecEval {
  private TrecEval() {}

  /** One line of a run file. */
  record RunLine(String qid, String docid, int rank, double score, String tag) {}

  /**
   * The measures of one topic, or their means; {@code retrieved} is the number of documents the
   * topic retrieved, or for the means the total over all topics.
   */
  record Measures(double ap, double ndcg10, double p10, double r100, int retrieved) {
    static final Measures ZERO = new Measures(0, 0, 0, 0, 0);
  }

  /** Per-topic measures over the qrels topics (in qrels order) and their means. */
  record Evaluation(Map<String, Measures> topics, Measures mean) {}

  /**
   * Reads TREC qrels ({@code qid iteration docid rel}, white space separated): qid to docid to
   * relevance value, topics in file order.
   */
  static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      if (f.length != 4) {
        throw new IOException(file + ":" + lineNo + ": expected 'qid iteration docid rel', got: " + line);
      }
      Integer old = qrels.computeIfAbsent(f[0], q -> new HashMap<>()).put(f[2], Integer.parseInt(f[3]));
      if (old != null) {
        throw new IOException(file + ":" + lineNo + ": document " + f[2] + " judged twice for topic " + f[0]);
      }
    }
    return qrels;
  }

  /** Formats one run-file line: {@code qid Q0 docid rank score tag}. */
  static String format(String qid, String docid, int rank, String score, String tag) {
    return qid + " Q0 " + docid + " " + rank + " " + score + " " + tag;
  }

  /** Parses run-file lines ({@code qid Q0 docid rank score tag}); blank lines are skipped. */
  static List<RunLine> parseRun(List<String> lines, String name) throws IOException {
    List<RunLine> out = new ArrayList<>(lines.size());
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      if (f.length != 6) {
        throw new IOException(name + ":" + lineNo + ": expected 'qid Q0 docid rank score tag', got: " + line);
      }
      try {
        out.add(new RunLine(f[0], f[2], Integer.parseInt(f[3]), Double.parseDouble(f[4]), f[5]));
      } catch (NumberFormatException e) {
        throw new IOException(name + ":" + lineNo + ": bad rank or score: " + line, e);
      }
    }
    return out;
  }

  /** The order {@code trec_eval} ranks a topic's documents in: score descending, then docid descending. */
  static final Comparator<RunLine> TREC_ORDER =
      Comparator.comparingDouble(RunLine::score).reversed().thenComparing(RunLine::docid, Comparator.reverseOrder());

  /** Evaluates a run against qrels (see the class documentation for the semantics). */
  static Evaluation evaluate(Map<String, Map<String, Integer>> qrels, List<RunLine> run) {
    Map<String, List<RunLine>> byTopic = new TreeMap<>();
    for (RunLine l : run) {
      byTopic.computeIfAbsent(l.qid(), q -> new ArrayList<>()).add(l);
    }
    Map<String, Measures> topics = new LinkedHashMap<>();
    double ap = 0;
    double ndcg = 0;
    double p10 = 0;
    double r100 = 0;
    int retrieved = 0;
    for (Map.Entry<String, Map<String, Integer>> t : qrels.entrySet()) {
      Measures m = topic(t.getKey(), t.getValue(), byTopic.getOrDefault(t.getKey(), List.of()));
      topics.put(t.getKey(), m);
      ap += m.ap();
      ndcg += m.ndcg10();
      p10 += m.p10();
      r100 += m.r100();
      retrieved += m.retrieved();
    }
    int n = Math.max(1, topics.size());
    return new Evaluation(topics, new Measures(ap / n, ndcg / n, p10 / n, r100 / n, retrieved));
  }

  private static Measures topic(String qid, Map<String, Integer> judged, List<RunLine> lines) {
    List<RunLine> ranked = new ArrayList<>(lines);
    ranked.sort(TREC_ORDER);
    Set<String> seen = new HashSet<>();
    for (RunLine l : ranked) {
      if (!seen.add(l.docid())) {
        throw new IllegalArgumentException("topic " + qid + ": document " + l.docid() + " retrieved twice");
      }
    }
    int numRel = (int) judged.values().stream().filter(rel -> rel >= 1).count();
    double sumPrec = 0;
    double dcg = 0;
    int relSoFar = 0;
    int relAt10 = 0;
    int relAt100 = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int rank = i + 1;
      int rel = judged.getOrDefault(ranked.get(i).docid(), 0);
      if (rel >= 1) {
        relSoFar++;
        sumPrec += relSoFar / (double) rank;
        if (rank <= 10) {
          relAt10++;
        }
        if (rank <= 100) {
          relAt100++;
        }
      }
      if (rel > 0 && rank <= 10) {
        dcg += rel / log2(rank + 1);
      }
    }
    List<Integer> ideal = judged.values().stream().filter(rel -> rel > 0).sorted(Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    if (numRel == 0) {
      return new Measures(0, 0, relAt10 / 10.0, 0, ranked.size());
    }
    return new Measures(sumPrec / numRel, idcg > 0 ? dcg / idcg : 0, relAt10 / 10.0, relAt100 / (double) numRel,
        ranked.size());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** The evaluation in {@code trec_eval -q}'s layout: per-topic lines, then {@code all}. */
  static String trecEvalText(Evaluation e, String runid) {
    StringBuilder b = new StringBuilder();
    e.topics().forEach((qid, m) -> lines(b, qid, m));
    b.append(String.format(Locale.ROOT, "%-22s\t%s\t%s%n", "runid", "all", runid));
    lines(b, "all", e.mean());
    return b.toString();
  }

  private static void lines(StringBuilder b, String qid, Measures m) {
    b.append(String.format(Locale.ROOT, "%-22s\t%s\t%.4f%n", "map", qid, m.ap()));
    b.append(String.format(Locale.ROOT, "%-22s\t%s\t%.4f%n", "P_10", qid, m.p10()));
    b.append(String.format(Locale.ROOT, "%-22s\t%s\t%.4f%n", "recall_100", qid, m.r100()));
    b.append(String.format(Locale.ROOT, "%-22s\t%s\t%.4f%n", "ndcg_cut_10", qid, m.ndcg10()));
  }
}
