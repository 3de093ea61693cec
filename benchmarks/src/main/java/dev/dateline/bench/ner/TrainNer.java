package dev.dateline.bench.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.internal.entity.NerTagger;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Trains the library's {@link NerTagger} (averaged structured perceptron, Viterbi) offline from
 * CC-BY corpora only, writes the model resource, and prints the tagger's mention-level scores on
 * CoNLL-2003 eng.testa (the development split; never trained on).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.ner.TrainNer \
 *     [--corpora ../shared/corpora] [--out src/main/resources/dev/dateline/entity/ner-model.bin.gz] \
 *     [--epochs 6] [--caps 0.3] [--seed 1] [--sets gum,wikigold,btc]
 * </pre>
 *
 * Training data: {@code gum-ner/gum-ccby.conll} (GUM, CC-BY; the document GUM_court_carpet, from
 * the Santa Barbara corpus, is left out), {@code wikigold/wikigold.conll.txt} (CC-BY 4.0, MISC →
 * O), {@code btc/btc-clean.conll} (Broad Twitter Corpus, CC-BY 4.0), {@code wnut17/wnut17.conll}
 * (CC-BY 4.0; optional, not in the default --sets: it lowered the eng.testa scores). A share of sentences is added again in capitals, as headlines and wire tables are.
 */
public final class TrainNer {
  private TrainNer() {}

  /** One training sentence: the words and their IOB2 tags. */
  record Sent(List<String> words, List<String> tags, int doc) {}

  public static void main(String[] args) throws IOException {
    Path corpora = Path.of("../shared/corpora");
    Path out = Path.of("src/main/resources/dev/dateline/entity/ner-model.bin.gz");
    int epochs = 6;
    double caps = 0.3;
    long seed = 1;
    float minAbs = 0.0f;
    boolean docFeatures = true;
    Set<String> sets = Set.of("gum", "wikigold", "btc");
    for (int i = 0; i < args.length - 1; i += 2) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
        case "--caps" -> caps = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--prune" -> minAbs = Float.parseFloat(args[i + 1]);
        case "--sets" -> sets = Set.of(args[i + 1].split(","));
        case "--doc" -> docFeatures = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<Sent> sents = new ArrayList<>();
    if (sets.contains("gum")) {
      sents.addAll(read(corpora.resolve("gum-ner/gum-ccby.conll"), Set.of("GUM_court_carpet"), true));
    }
    if (sets.contains("wikigold")) {
      sents.addAll(read(corpora.resolve("wikigold/wikigold.conll.txt"), Set.of(), true));
    }
    if (sets.contains("btc")) {
      sents.addAll(read(corpora.resolve("btc/btc-clean.conll"), Set.of(), false));
    }
    if (sets.contains("wnut")) {
      sents.addAll(read(corpora.resolve("wnut17/wnut17.conll"), Set.of(), false));
    }
    Random rnd = new Random(seed);
    int base = sents.size();
    for (int i = 0; i < base; i++) {
      if (rnd.nextDouble() < caps) {
        Sent s = sents.get(i);
        sents.add(new Sent(
            s.words().stream().map(w -> w.toUpperCase(Locale.ROOT)).toList(), s.tags(), s.doc()));
      }
    }
    System.err.printf("training sentences: %d (%d in capitals)%n", sents.size(), sents.size() - base);
    // Document context: the words of the original sentences of each document (capitals copies
    // read their document as it is written).
    java.util.Map<Integer, NerTagger.Document> docs = new java.util.HashMap<>();
    if (docFeatures) {
      for (int i = 0; i < base; i++) {
        Sent s = sents.get(i);
        if (s.doc() >= 0) {
          docs.computeIfAbsent(s.doc(), d -> new NerTagger.Document()).add(joined(s));
        }
      }
    }
    List<NerTagger.Sentence> xs = new ArrayList<>();
    List<int[]> ys = new ArrayList<>();
    for (Sent s : sents) {
      Aligned a = align(s, docs.getOrDefault(s.doc(), new NerTagger.Document()));
      if (a.sentence.size() > 0) {
        xs.add(a.sentence);
        ys.add(a.tags);
      }
    }
    int rows = (NerTagger.MASK + 1) * NerTagger.T;
    float[] w = new float[rows];
    float[] acc = new float[rows]; // sum of c * update, for averaging
    int c = 1;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      order.add(i);
    }
    for (int epoch = 1; epoch <= epochs; epoch++) {
      Collections.shuffle(order, rnd);
      int errors = 0;
      for (int idx : order) {
        NerTagger.Sentence x = xs.get(idx);
        int[] gold = ys.get(idx);
        int[] pred = NerTagger.viterbi(x, w);
        if (!java.util.Arrays.equals(gold, pred)) {
          errors++;
          for (int i = 0; i < gold.length; i++) {
            int gp = i == 0 ? NerTagger.T : gold[i - 1];
            int pp = i == 0 ? NerTagger.T : pred[i - 1];
            if (gold[i] == pred[i] && gp == pp) {
              continue;
            }
            update(w, acc, c, x.features(i), gold[i], 1f);
            update(w, acc, c, x.transition(i, gp), gold[i], 1f);
            update(w, acc, c, x.features(i), pred[i], -1f);
            update(w, acc, c, x.transition(i, pp), pred[i], -1f);
          }
        }
        c++;
      }
      System.err.printf("epoch %d: %d of %d sentences wrong%n", epoch, errors, xs.size());
    }
    float[] avg = new float[rows];
    for (int i = 0; i < rows; i++) {
      avg[i] = w[i] - acc[i] / c;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      NerTagger.write(avg, minAbs, os);
    }
    System.err.printf("model written: %s (%d bytes)%n", out, Files.size(out));
    evalDev(new NerTagger(avg), corpora.resolve("conll2003/eng.testa.docs.jsonl"));
  }

  private static void update(float[] w, float[] acc, int c, int[] feats, int tag, float d) {
    for (int f : feats) {
      int k = f * NerTagger.T + tag;
      w[k] += d;
      acc[k] += c * d;
    }
  }

  record Aligned(NerTagger.Sentence sentence, int[] tags) {}

  static String joined(Sent s) {
    StringBuilder text = new StringBuilder();
    for (String w : s.words()) {
      boolean glue = w.equals("'s") || w.equals("’s") || w.equals("'S") || w.equals("n't");
      if (!text.isEmpty() && !glue) {
        text.append(' ');
      }
      text.append(w);
    }
    return text.toString();
  }

  /** Joins the words into text, tokenizes it as the library does, and carries tags over. */
  static Aligned align(Sent s, NerTagger.Document doc) {
    StringBuilder text = new StringBuilder();
    int[] wordStart = new int[s.words().size()];
    for (int i = 0; i < s.words().size(); i++) {
      String w = s.words().get(i);
      boolean glue = w.equals("'s") || w.equals("’s") || w.equals("'S") || w.equals("n't");
      if (!text.isEmpty() && !glue) {
        text.append(' ');
      }
      wordStart[i] = text.length();
      text.append(w);
    }
    NerTagger.Sentence x = NerTagger.sentence(text.toString(), doc);
    int[] tags = new int[x.size()];
    int lastWord = -1;
    for (int k = 0; k < x.size(); k++) {
      int start = x.start(k);
      int wi = 0;
      while (wi + 1 < wordStart.length && wordStart[wi + 1] <= start) {
        wi++;
      }
      String tag = s.tags().get(wi);
      int id = tag.equals("O") ? 0 : NerTagger.TAGS.indexOf(tag);
      if (id < 0) {
        id = 0;
      }
      if (id > 0 && id % 2 == 1 && wi == lastWord) {
        id++; // second token of a B- word: inside
      }
      if (id > 0 && id % 2 == 0 && (k == 0 || (tags[k - 1] != id && tags[k - 1] != id - 1))) {
        id--; // an I- the tokenizer left without its B- (dropped punctuation word)
      }
      tags[k] = id;
      lastWord = wi;
    }
    return new Aligned(x, tags);
  }

  /** Reads a CoNLL file (token ... tag per line), IOB1 or IOB2, into IOB2 PER/LOC/ORG sentences. */
  static List<Sent> read(Path file, Set<String> skipDocs, boolean docBase) throws IOException {
    List<Sent> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    boolean skip = false;
    int[] doc = {docBase ? nextDoc++ : -1};
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.startsWith("-DOCSTART-")) {
        flush(words, tags, out, skip, doc[0]);
        doc[0] = docBase ? nextDoc++ : -1;
        String[] p = l.split("\\s+");
        skip = p.length > 1 && skipDocs.contains(p[1]);
        continue;
      }
      if (l.isEmpty()) {
        flush(words, tags, out, skip, doc[0]);
        continue;
      }
      String[] p = l.split("\\s+");
      String tag = p[p.length - 1];
      String type = tag.length() > 2 ? tag.substring(2) : "";
      if (!type.equals("PER") && !type.equals("LOC") && !type.equals("ORG")) {
        tag = "O";
      } else if (tag.startsWith("I-")) {
        String prev = tags.isEmpty() ? "O" : tags.get(tags.size() - 1);
        if (!prev.endsWith(type)) {
          tag = "B-" + type;
        }
      }
      words.add(p[0]);
      tags.add(tag);
    }
    flush(words, tags, out, skip, doc[0]);
    System.err.printf("%s: %d sentences%n", file.getFileName(), out.size());
    return out;
  }

  private static int nextDoc;

  private static void flush(
      List<String> words, List<String> tags, List<Sent> out, boolean skip, int doc) {
    if (!words.isEmpty() && !skip) {
      out.add(new Sent(List.copyOf(words), List.copyOf(tags), doc));
    }
    words.clear();
    tags.clear();
  }

  /** Mention-level exact-match scores of the bare tagger on a CoNLL docs.jsonl split. */
  static void evalDev(NerTagger tagger, Path docs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String[] names = {"", "PER", "LOC", "ORG"};
    int[][] c = new int[4][3];
    for (String line : Files.readAllLines(docs)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode doc = json.readTree(line);
      Set<String> gold = new HashSet<>();
      for (JsonNode g : doc.get("gold")) {
        gold.add(g.get("sent").asInt() + ":" + g.get("start").asInt() + ":" + g.get("end").asInt()
            + ":" + g.get("type").asText());
      }
      gold.removeIf(g -> g.endsWith(":MISC"));
      Set<String> pred = new HashSet<>();
      int si = 0;
      NerTagger.Document context = new NerTagger.Document();
      for (JsonNode s : doc.get("sentences")) {
        context.add(s.asText());
      }
      for (JsonNode s : doc.get("sentences")) {
        NerTagger.Sentence x = NerTagger.sentence(s.asText(), context);
        for (int[] sp : NerTagger.spans(tagger.tag(x))) {
          pred.add(si + ":" + x.start(sp[0]) + ":" + x.end(sp[1] - 1) + ":" + names[sp[2]]);
        }
        si++;
      }
      for (String p : pred) {
        c[type(p, names)][gold.contains(p) ? 0 : 1]++;
      }
      for (String g : gold) {
        if (!pred.contains(g)) {
          c[type(g, names)][2]++;
        }
      }
    }
    int[] all = new int[3];
    for (int t = 1; t < 4; t++) {
      print(names[t], c[t]);
      for (int i = 0; i < 3; i++) {
        all[i] += c[t][i];
      }
    }
    print("all", all);
  }

  private static int type(String key, String[] names) {
    String t = key.substring(key.lastIndexOf(':') + 1);
    for (int i = 1; i < names.length; i++) {
      if (names[i].equals(t)) {
        return i;
      }
    }
    return 0;
  }

  private static void print(String name, int[] c) {
    double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    System.out.printf(Locale.ROOT, "eng.testa tagger %s: P %.3f R %.3f F1 %.3f%n", name, p, r, f);
  }
}
