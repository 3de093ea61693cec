package dev.dateline.bench.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@link TrecEval} against values computed by hand on a tiny run and qrels (the benchmarks
 * project has no test set-up; {@code smoke.sh} runs this). With arguments, evaluates run files
 * instead, printing {@code trec_eval -q -c}'s layout, to compare with {@code trec_eval} where it
 * is installed:
 *
 * <pre>
 * java -cp benchmarks.jar dev.dateline.bench.quality.TrecEvalCheck              # self-check
 * java -cp benchmarks.jar dev.dateline.bench.quality.TrecEvalCheck QRELS RUN...  # evaluate runs
 * trec_eval -q -c -m map -m P.10 -m recall.100 -m ndcg_cut.10 QRELS RUN         # the same figures
 * </pre>
 */
public final class TrecEvalCheck {
  private TrecEvalCheck() {}

  /*
   * Qrels: topic 1 has A, C, F relevant and B judged not relevant; topic 2 has "10"; topic 3 has
   * "a" and no line in the run; topic 5 has d050 and d120. Topic 4 is in the run only (ignored).
   */
  private static final String QRELS = """
      1 0 A 1
      1 0 C 1
      1 0 F 1
      1 0 B 0
      2 0 10 1
      3 0 a 1
      5 0 d050 1
      5 0 d120 1
      """;

  /*
   * Topic 1, listed out of order with a misleading rank column: by score B 5, A 4, then X and C
   * tied at 3, D 2. Ties go to the greater docid first (X > C), so the order is B A X C D: A at
   * rank 2, C at rank 4, F not retrieved. (C before X would give AP (1/2 + 2/3)/3 = 0.3889.)
   * Topic 2: "9" and "10" tie at 1 (written 1e0 and 1.0); as strings "9" > "10", so "9" comes
   * first and the relevant "10" is at rank 2 (a numeric tie-break would put it first: AP 1).
   * Topic 5 (generated below): d001..d150 with scores 150..1, so dNNN is at rank NNN.
   */
  private static final String RUN = """
      1 Q0 D 1 2.0 hand
      1 Q0 C 2 3.0 hand
      1 Q0 X 3 3 hand
      1 Q0 A 4 4.0 hand
      1 Q0 B 5 5.0 hand
      2 Q0 9 1 1e0 hand
      2 Q0 10 2 1.0 hand
      4 Q0 A 1 9.0 hand
      """;

  /*
   * By hand (log2 3 = 1.5849625, log2 4 = 2, log2 5 = 2.3219281):
   *
   * topic 1: AP = (1/2 + 2/4) / 3 = 0.3333333
   *          nDCG@10 = (1/log2 3 + 1/log2 5) / (1 + 1/log2 3 + 1/log2 4)
   *                  = (0.6309298 + 0.4306766) / (1 + 0.6309298 + 0.5) = 1.0616064 / 2.1309298 = 0.4981893
   *          P@10 = 2/10 = 0.2; R@100 = 2/3 = 0.6666667
   * topic 2: AP = (1/2) / 1 = 0.5; nDCG@10 = (1/log2 3) / 1 = 0.6309298; P@10 = 0.1; R@100 = 1
   * topic 3: not retrieved: all 0
   * topic 5: AP = (1/50 + 2/120) / 2 = (0.02 + 0.0166667) / 2 = 0.0183333; nDCG@10 = 0; P@10 = 0;
   *          R@100 = 1/2 (d120 is past 100)
   * means over the 4 qrels topics (1, 2, 3, 5):
   *          MAP = (0.3333333 + 0.5 + 0 + 0.0183333) / 4 = 0.2129167
   *          nDCG@10 = (0.4981893 + 0.6309298 + 0 + 0) / 4 = 0.2822798
   *          P@10 = (0.2 + 0.1 + 0 + 0) / 4 = 0.075
   *          R@100 = (0.6666667 + 1 + 0 + 0.5) / 4 = 0.5416667
   */
  private static final Map<String, double[]> EXPECTED = expected();
  private static final Set<String> QRELS_TOPICS = Set.of("1", "2", "3", "5");

  private static Map<String, double[]> expected() {
    Map<String, double[]> m = new LinkedHashMap<>();
    // ap, ndcg10, p10, r100
    m.put("1", new double[] {1.0 / 3, 0.4981893, 0.2, 2.0 / 3});
    m.put("2", new double[] {0.5, 0.6309298, 0.1, 1});
    m.put("3", new double[] {0, 0, 0, 0});
    m.put("5", new double[] {0.0183333, 0, 0, 0.5});
    m.put("all", new double[] {0.2129167, 0.2822798, 0.075, 0.5416667});
    return m;
  }

  private static final double TOLERANCE = 5e-7; // the hand values are rounded to 7 decimals

  /** Runs the self-check; returns the failures (empty when all values agree). */
  static List<String> selfCheck() throws IOException {
    Path qrelsFile = Files.createTempFile("trec-check", ".qrels");
    Map<String, Map<String, Integer>> qrels;
    try {
      Files.writeString(qrelsFile, QRELS);
      qrels = TrecEval.readQrels(qrelsFile);
    } finally {
      Files.delete(qrelsFile);
    }
    List<String> lines = new ArrayList<>(RUN.lines().toList());
    for (int i = 1; i <= 150; i++) {
      lines.add(TrecEval.format("5", String.format(Locale.ROOT, "d%03d", i), i, Integer.toString(151 - i), "hand"));
    }
    TrecEval.Evaluation e = TrecEval.evaluate(qrels, TrecEval.parseRun(lines, "hand-made run"));
    Map<String, TrecEval.Measures> got = new HashMap<>(e.topics());
    got.put("all", e.mean());
    List<String> failures = new ArrayList<>();
    if (!e.topics().keySet().equals(QRELS_TOPICS)) {
      failures.add("evaluated topics " + e.topics().keySet() + ", expected " + QRELS_TOPICS);
    }
    String[] names = {"AP", "nDCG@10", "P@10", "R@100"};
    EXPECTED.forEach((topic, want) -> {
      TrecEval.Measures m = got.get(topic);
      double[] have = m == null ? new double[4] : new double[] {m.ap(), m.ndcg10(), m.p10(), m.r100()};
      for (int i = 0; i < 4; i++) {
        if (Math.abs(have[i] - want[i]) > TOLERANCE) {
          failures.add(String.format(Locale.ROOT, "topic %s %s: computed %.7f, by hand %.7f", topic, names[i],
              have[i], want[i]));
        }
      }
    });
    return failures;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      List<String> failures = selfCheck();
      if (!failures.isEmpty()) {
        failures.forEach(f -> System.err.println("TrecEvalCheck: " + f));
        System.exit(1);
      }
      System.out.println("TrecEvalCheck: measures agree with the hand-computed values (MAP, nDCG@10, P@10, R@100, "
          + "tie-breaking, topics missing from the run)");
      return;
    }
    if (args.length < 2) {
      System.err.println("usage: TrecEvalCheck [QRELS RUN...]");
      System.exit(2);
    }
    Map<String, Map<String, Integer>> qrels = TrecEval.readQrels(Path.of(args[0]));
    for (int i = 1; i < args.length; i++) {
      Path run = Path.of(args[i]);
      System.out.print(TrecEval.trecEvalText(
          TrecEval.evaluate(qrels, TrecEval.parseRun(Files.readAllLines(run, StandardCharsets.UTF_8), run.toString())),
          run.getFileName().toString()));
    }
  }
}
