package dev.dateline.bench.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Scores {@link EntityExtractor#standard()} through the public API.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dateline.bench.ner.EntityEval [conll|reuters|speed|all] [--corpora DIR] [--split eng.testb]
 * </pre>
 *
 * <ul>
 *   <li>conll: CoNLL-2003 ({@code eng.testb.docs.jsonl}; each document one article, one body
 *       paragraph per sentence): mention-level exact-match precision/recall/F1 per type as conlleval
 *       counts them (a mention is right only with the same sentence, start, end and type; MISC
 *       gold left out), and document-level P/R/F1 over distinct (type, surface name) per document
 *       (names folded to lower case).
 *   <li>reuters: Reuters-21578 labelled places: for every PLACES label whose name (or a variant
 *       the extractor knows) occurs in the story text, whether a PLACE entity with that name or
 *       alias was extracted.
 *   <li>speed: extraction time per article on 800-character slices of Reuters stories (simple
 *       loop after warm-up; median and p99).
 * </ul>
 */
public final class EntityEval {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<EntityType> TYPES =
      List.of(EntityType.PERSON, EntityType.PLACE, EntityType.ORG);

  private EntityEval() {}

  public static void main(String[] args) throws IOException {
    String what = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
    Path corpora = Path.of("../shared/corpora");
    String split = "eng.testb";
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--corpora")) {
        corpora = Path.of(args[i + 1]);
      } else if (args[i].equals("--split")) {
        split = args[i + 1];
      }
    }
    EntityExtractor x = EntityExtractor.standard();
    if (what.equals("conll") || what.equals("all")) {
      conll(x, corpora.resolve("conll2003").resolve(split + ".docs.jsonl"), split);
    }
    if (what.equals("reuters") || what.equals("all")) {
      reuters(x, corpora.resolve("reuters21578"));
    }
    if (what.equals("speed") || what.equals("all")) {
      speed(x, corpora.resolve("reuters21578"));
    }
  }

  static EntityType typeOf(String conll) {
    return switch (conll) {
      case "PER" -> EntityType.PERSON;
      case "LOC" -> EntityType.PLACE;
      case "ORG" -> EntityType.ORG;
      default -> null;
    };
  }

  /** tp, fp, fn per type. */
  static final class Counts {
    final Map<EntityType, int[]> byType = new EnumMap<>(EntityType.class);

    int[] of(EntityType t) {
      return byType.computeIfAbsent(t, k -> new int[3]);
    }

    void score(Set<String> gold, Set<String> predicted, EntityType t) {
      int[] c = of(t);
      for (String p : predicted) {
        if (gold.contains(p)) {
          c[0]++;
        } else {
          c[1]++;
        }
      }
      for (String g : gold) {
        if (!predicted.contains(g)) {
          c[2]++;
        }
      }
    }

    void print(String title) {
      System.out.println(title);
      System.out.println("| type | P | R | F1 | tp | fp | fn |");
      System.out.println("|---|---|---|---|---|---|---|");
      int[] all = new int[3];
      for (EntityType t : TYPES) {
        int[] c = of(t);
        row(t.key(), c);
        for (int i = 0; i < 3; i++) {
          all[i] += c[i];
        }
      }
      row("all", all);
      System.out.println();
    }

    private static void row(String name, int[] c) {
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |%n", name, p, r, f,
          c[0], c[1], c[2]);
    }
  }

  static void conll(EntityExtractor x, Path docs, String split) throws IOException {
    Counts mention = new Counts();
    Counts document = new Counts();
    int n = 0;
    for (String line : Files.readAllLines(docs)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode doc = JSON.readTree(line);
      List<String> sentences = new ArrayList<>();
      doc.get("sentences").forEach(s -> sentences.add(s.asText()));
      Map<EntityType, Set<String>> goldM = new EnumMap<>(EntityType.class);
      Map<EntityType, Set<String>> goldD = new EnumMap<>(EntityType.class);
      Map<EntityType, Set<String>> predM = new EnumMap<>(EntityType.class);
      Map<EntityType, Set<String>> predD = new EnumMap<>(EntityType.class);
      for (EntityType t : TYPES) {
        goldM.put(t, new HashSet<>());
        goldD.put(t, new HashSet<>());
        predM.put(t, new HashSet<>());
        predD.put(t, new HashSet<>());
      }
      for (JsonNode g : doc.get("gold")) {
        EntityType t = typeOf(g.get("type").asText());
        if (t != null) {
          goldM.get(t).add(g.get("sent").asInt() + ":" + g.get("start").asInt() + ":" + g.get("end").asInt());
          goldD.get(t).add(g.get("text").asText().toLowerCase(Locale.ROOT));
        }
      }
      Article a = Article.builder().id("conll-" + doc.get("doc").asInt()).body(sentences).build();
      List<Entity> found = x.extract(a);
      for (Entity e : found == null ? List.<Entity>of() : found) {
        for (EntityMention m : e.occurrences()) {
          if (m.field().equals("body")) {
            predM.get(e.type()).add(m.index() + ":" + m.start() + ":" + m.end());
            predD.get(e.type()).add(m.text().toLowerCase(Locale.ROOT));
          }
        }
      }
      if (System.getProperty("misses") != null) {
        Map<String, EntityType> goldAt = new HashMap<>();
        Map<String, String> textAt = new HashMap<>();
        for (JsonNode g : doc.get("gold")) {
          String k = g.get("sent").asInt() + ":" + g.get("start").asInt() + ":" + g.get("end").asInt();
          textAt.put(k, g.get("text").asText() + "/" + g.get("type").asText());
        }
        for (EntityType t : TYPES) {
          for (String k : predM.get(t)) {
            if (!goldM.get(t).contains(k)) {
              String[] p = k.split(":");
              String txt = sentences.get(Integer.parseInt(p[0])).substring(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
              System.out.println("FP " + t.key() + " " + n + ":" + k + " " + txt + " gold=" + textAt.getOrDefault(k, "-") + " | " + sentences.get(Integer.parseInt(p[0])));
            }
          }
          for (String k : goldM.get(t)) {
            if (!predM.get(t).contains(k)) {
              String[] p = k.split(":");
              String txt = sentences.get(Integer.parseInt(p[0])).substring(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
              System.out.println("FN " + t.key() + " " + n + ":" + k + " " + txt + " | " + sentences.get(Integer.parseInt(p[0])));
            }
          }
        }
      }
      for (EntityType t : TYPES) {
        mention.score(goldM.get(t), predM.get(t), t);
        document.score(goldD.get(t), predD.get(t), t);
      }
      n++;
    }
    mention.print("CoNLL-2003 " + split + " (" + n + " documents), mention level, exact match (conlleval; MISC left out):");
    document.print("CoNLL-2003 " + split + ", document level, distinct (type, name) per document:");
  }

  static List<JsonNode> readGz(Path p) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  /** An article of a Dateline JSON Lines record: id, headline, dateline and body (what extraction reads). */
  public static Article article(JsonNode j) {
    Article.Builder b = Article.builder().id(j.get("id").asText());
    if (j.hasNonNull("headline")) {
      b.headline(j.get("headline").asText());
    }
    if (j.hasNonNull("dateline")) {
      b.dateline(j.get("dateline").asText());
    }
    List<String> body = new ArrayList<>();
    if (j.has("body")) {
      j.get("body").forEach(p -> body.add(p.asText()));
    }
    return b.body(body).build();
  }

  /** Names compared as words: case, full stops and hyphens ignored ("St. Louis", "Baden-Baden"). */
  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace(".", "").replace('-', ' ').strip();
  }

  static void reuters(EntityExtractor x, Path dir) throws IOException {
    Map<String, JsonNode> labels = new HashMap<>();
    for (JsonNode l : readGz(dir.resolve("labels.jsonl.gz"))) {
      labels.put(l.get("id").asText(), l);
    }
    int named = 0;
    int found = 0;
    int labelled = 0;
    int stories = 0;
    int orgs = 0;
    Map<String, Integer> capsOrgs = new HashMap<>();
    Map<String, Integer> missed = new HashMap<>();
    for (JsonNode j : readGz(dir.resolve("reuters21578.jsonl.gz"))) {
      JsonNode l = labels.get(j.get("id").asText());
      if (l == null || l.get("places").isEmpty()) {
        continue;
      }
      Article a;
      try {
        a = article(j);
      } catch (RuntimeException e) {
        continue;
      }
      stories++;
      for (Entity e : x.extract(a)) {
        if (e.type() == EntityType.ORG) {
          orgs++;
          String letters = e.name().replaceAll("[^\\p{L}]", "");
          if (!e.name().contains(" ") && letters.length() <= 5 && letters.equals(letters.toUpperCase(Locale.ROOT))
              && x.variants(EntityType.ORG, e.name()).size() == 1) {
            capsOrgs.merge(e.name(), 1, Integer::sum);
          }
        }
      }
      String text = String.join("\n", a.headline() == null ? "" : a.headline(),
          a.dateline() == null ? "" : a.dateline(), String.join("\n", a.body()));
      List<Entity> entities = null;
      for (JsonNode p : l.get("places")) {
        labelled++;
        String name = p.asText().replace('-', ' ');
        List<String> variants = x.variants(EntityType.PLACE, name);
        Set<String> keys = new HashSet<>();
        boolean inText = false;
        for (String v : variants) {
          keys.add(fold(v));
          if (occurs(text, v)) {
            inText = true;
          }
        }
        if (!inText) {
          continue;
        }
        named++;
        if (entities == null) {
          entities = x.extract(a);
        }
        boolean ok = false;
        for (Entity e : entities) {
          if (e.type() == EntityType.PLACE) {
            ok |= keys.contains(fold(e.name()));
            for (String al : e.aliases()) {
              ok |= keys.contains(fold(al));
            }
          }
        }
        if (ok) {
          found++;
        } else {
          missed.merge(name, 1, Integer::sum);
          if (System.getProperty("misses") != null) {
            String ctx = "";
            for (String v : variants) {
              java.util.regex.Matcher mm = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])").matcher(text);
              if (mm.find()) {
                ctx = text.substring(Math.max(0, mm.start() - 60), Math.min(text.length(), mm.end() + 60)).replace('\n', ' ');
                break;
              }
            }
            System.out.println("MISS " + name + " | " + ctx + " | " + entities.stream().map(e -> e.type().key() + ":" + e.name()).toList());
          }
        }
      }
    }
    System.out.printf(Locale.ROOT,
        "Reuters-21578 PLACES labels: %d assigned, %d named in the text, %d found as a place: recall %.3f%n",
        labelled, named, found, named == 0 ? 0 : (double) found / named);
    System.out.printf(Locale.ROOT,
        "organisations in the %d labelled stories: %d; of them one all-caps word of up to 5 letters the gazetteer does not know: %d (%d distinct), most frequent: %s%n",
        stories, orgs, capsOrgs.values().stream().mapToInt(Integer::intValue).sum(), capsOrgs.size(),
        capsOrgs.entrySet().stream().sorted((p, q) -> q.getValue() - p.getValue()).limit(20).toList());
    System.out.println("most missed: " + missed.entrySet().stream()
        .sorted((p, q) -> q.getValue() - p.getValue()).limit(15).toList());
    System.out.println();
  }

  /** Whole-word occurrence; case-insensitive, except that names of up to 3 letters must be in capitals. */
  static boolean occurs(String text, String name) {
    boolean shortName = name.replace(".", "").length() <= 3;
    Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
        shortName ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return p.matcher(text).find();
  }

  static void speed(EntityExtractor x, Path dir) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (JsonNode j : readGz(dir.resolve("reuters21578.jsonl.gz"))) {
      if (articles.size() >= 2000) {
        break;
      }
      Article a;
      try {
        a = article(j);
      } catch (RuntimeException e) {
        continue;
      }
      String body = String.join("\n", a.body());
      if (body.length() < 800) {
        continue;
      }
      int cut = body.lastIndexOf(' ', 800);
      articles.add(a.toBuilder().body(List.of(body.substring(0, cut > 0 ? cut : 800))).build());
    }
    for (int w = 0; w < 3; w++) {
      for (Article a : articles) {
        x.extract(a);
      }
    }
    long[] times = new long[articles.size() * 3];
    long[] best = new long[articles.size()];
    Arrays.fill(best, Long.MAX_VALUE);
    int k = 0;
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < articles.size(); i++) {
        long t0 = System.nanoTime();
        x.extract(articles.get(i));
        long d = System.nanoTime() - t0;
        times[k++] = d;
        best[i] = Math.min(best[i], d);
      }
    }
    Arrays.sort(times);
    long[] sortedBest = best.clone();
    Arrays.sort(sortedBest);
    int slowest = 0;
    for (int i = 1; i < best.length; i++) {
      if (best[i] > best[slowest]) {
        slowest = i;
      }
    }
    System.out.printf(Locale.ROOT,
        "extraction speed: %d articles (headline + ~800 characters of body) x 3, simple loop after 3 warm-up passes, 1 thread: all calls median %.3f ms, p99 %.3f ms, mean %.3f ms; per-article best of 3: median %.3f ms, p99 %.3f ms (slowest %s, %.3f ms)%n",
        articles.size(), times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6,
        Arrays.stream(times).average().orElse(0) / 1e6,
        sortedBest[sortedBest.length / 2] / 1e6, sortedBest[(int) (sortedBest.length * 0.99)] / 1e6,
        articles.get(slowest).id(), best[slowest] / 1e6);
  }
}
