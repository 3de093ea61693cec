package dev.dateline.bench;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.SearchField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Query sets fixed by a seed, drawn from a sample of the corpus so they work on generated and real
 * articles alike: word frequencies are measured on the sample, and every query that names a word,
 * date or entity takes them from one sampled article, so that it has at least that hit.
 */
public final class QuerySets {
  /** Queries per kind; a benchmark cycles through them. */
  public static final int PER_KIND = 16;

  private static final Pattern WORD = Pattern.compile("[a-z]{4,}");
  private static final Pattern SPLIT = Pattern.compile("[\\s,.;:!?\"“”()]+");

  private final Map<BenchQuery.Kind, List<BenchQuery>> byKind = new EnumMap<>(BenchQuery.Kind.class);

  private QuerySets(Map<BenchQuery.Kind, List<BenchQuery>> byKind) {
    this.byKind.putAll(byKind);
  }

  public List<BenchQuery> of(BenchQuery.Kind kind) {
    return byKind.get(kind);
  }

  /** Derives {@link #PER_KIND} queries of each kind from {@code sample} with {@code seed}. */
  public static QuerySets derive(List<Article> sample, long seed) {
    if (sample.size() < 100) {
      throw new IllegalArgumentException("need a sample of at least 100 articles, got " + sample.size());
    }
    Map<String, Integer> df = new HashMap<>();
    for (Article a : sample) {
      Set<String> seen = new HashSet<>();
      for (String s : texts(a)) {
        for (String w : words(s)) {
          seen.add(w);
        }
      }
      seen.forEach(w -> df.merge(w, 1, Integer::sum));
    }
    int n = sample.size();
    List<String> rare = band(df, Math.max(2, n * 0.0005), Math.max(3, n * 0.002));
    List<String> medium = band(df, n * 0.01, n * 0.05);
    List<String> common = band(df, n * 0.2, n * 0.6);
    // Page 50 of 10 needs at least 500 hits, also in a 2,000-article smoke corpus.
    List<String> deep = band(df, n * 0.3, n * 0.6);
    SplittableRandom r = new SplittableRandom(seed);
    Map<BenchQuery.Kind, List<BenchQuery>> out = new EnumMap<>(BenchQuery.Kind.class);
    for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
      if (kind == BenchQuery.Kind.TERMS_2_3_RANKED) {
        continue; // the TERMS_2_3 queries, below; drawing nothing keeps the other kinds' queries
      }
      List<BenchQuery> qs = new ArrayList<>(PER_KIND);
      int attempts = 0;
      while (qs.size() < PER_KIND) {
        if (++attempts > 100_000) {
          throw new IllegalStateException("cannot derive " + kind + " queries from this sample");
        }
        Article a = sample.get(r.nextInt(n));
        BenchQuery q = switch (kind) {
          case TERM_RARE -> q(kind, List.of(pick(r, rare)));
          case TERM_MEDIUM -> q(kind, List.of(pick(r, medium)));
          case TERM_COMMON -> q(kind, List.of(pick(r, common)));
          case TERMS_2_3 -> {
            List<String> hw = new ArrayList<>(new java.util.LinkedHashSet<>(words(a.headline(), df, n * 0.001, n * 0.3)));
            if (hw.size() < 2) {
              yield null;
            }
            int k = Math.min(hw.size(), 2 + r.nextInt(2));
            shuffle(hw, r);
            yield q(kind, hw.subList(0, k));
          }
          case TERMS_2_3_RANKED -> throw new AssertionError(kind);
          case PHRASE -> phrase(a, df, n, r);
          case HEADLINE -> {
            List<String> hw = words(a.headline(), df, n * 0.005, n * 0.3);
            yield hw.isEmpty() ? null : new BenchQuery(kind, List.of(pick(r, hw)), false, SearchField.HEADLINE,
                null, null, List.of(), false, 10, 1, false);
          }
          case KEYWORD_WEEK, KEYWORD_MONTH, KEYWORD_YEAR -> dated(kind, a, df, n, r);
          case KEYWORD_ENTITY, KEYWORD_2_ENTITIES -> {
            int count = kind == BenchQuery.Kind.KEYWORD_ENTITY ? 1 : 2;
            List<String> hw = words(a.headline(), df, n * 0.005, n * 0.5);
            if (hw.isEmpty() || a.entities().size() < count) {
              yield null;
            }
            List<Entity> es = new ArrayList<>(a.entities());
            shuffle(es, r);
            yield new BenchQuery(kind, List.of(pick(r, hw)), false, null, null, null,
                es.subList(0, count).stream().map(e -> new BenchQuery.EntityFilter(e.type(), e.name())).toList(),
                false, 10, 1, false);
          }
          case ENTITY_NEWEST -> {
            if (a.entities().isEmpty()) {
              yield null;
            }
            Entity e = a.entities().get(r.nextInt(a.entities().size()));
            yield new BenchQuery(kind, List.of(), false, null, null, null,
                List.of(new BenchQuery.EntityFilter(e.type(), e.name())), true, 10, 1, false);
          }
          case LATEST_ABOUT -> new BenchQuery(kind, List.of(pick(r, medium)), false, null, null, null,
              List.of(), true, 20, 1, false);
          case DEEP_PAGE -> new BenchQuery(kind, List.of(pick(r, deep)), false, null, null, null,
              List.of(), false, 10, 50, false);
          case HIGHLIGHT -> new BenchQuery(kind, List.of(pick(r, medium)), false, null, null, null,
              List.of(), false, 10, 1, true);
        };
        if (q != null && !qs.contains(q)) {
          qs.add(q);
        }
      }
      out.put(kind, List.copyOf(qs));
    }
    out.put(BenchQuery.Kind.TERMS_2_3_RANKED, out.get(BenchQuery.Kind.TERMS_2_3).stream()
        .map(q -> q.withKind(BenchQuery.Kind.TERMS_2_3_RANKED)).toList());
    return new QuerySets(out);
  }

  private static BenchQuery q(BenchQuery.Kind kind, List<String> words) {
    return new BenchQuery(kind, words, false, null, null, null, List.of(), false, 10, 1, false);
  }

  private static BenchQuery phrase(Article a, Map<String, Integer> df, int n, SplittableRandom r) {
    if (a.body().isEmpty()) {
      return null;
    }
    String[] tokens = SPLIT.split(a.body().get(r.nextInt(a.body().size())).toLowerCase(Locale.ROOT));
    if (tokens.length < 4) {
      return null;
    }
    int len = 2 + r.nextInt(2);
    int start = r.nextInt(tokens.length - len);
    List<String> ws = new ArrayList<>();
    boolean informative = false;
    for (int i = start; i < start + len; i++) {
      if (!tokens[i].matches("[a-z]+")) {
        return null;
      }
      ws.add(tokens[i]);
      informative |= df.getOrDefault(tokens[i], n) < n * 0.1;
    }
    // Phrases of only the most common words ("of the") are not what people search for.
    return informative
        ? new BenchQuery(BenchQuery.Kind.PHRASE, ws, true, null, null, null, List.of(), false, 10, 1, false)
        : null;
  }

  private static BenchQuery dated(BenchQuery.Kind kind, Article a, Map<String, Integer> df, int n, SplittableRandom r) {
    if (a.published() == null) {
      return null;
    }
    List<String> hw = words(a.headline(), df, n * 0.005, n * 0.5);
    if (hw.isEmpty()) {
      return null;
    }
    LocalDate day = a.published().atZone(ZoneOffset.UTC).toLocalDate();
    Instant from;
    Instant to;
    switch (kind) {
      case KEYWORD_WEEK -> {
        from = day.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        to = from.plus(7, ChronoUnit.DAYS).minusMillis(1);
      }
      case KEYWORD_MONTH -> {
        YearMonth m = YearMonth.from(day);
        from = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        to = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      }
      default -> {
        from = LocalDate.of(day.getYear(), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        to = LocalDate.of(day.getYear() + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      }
    }
    return new BenchQuery(kind, List.of(pick(r, hw)), false, null, from, to, List.of(), false, 10, 1, false);
  }

  /** Text of the searched fields. */
  private static List<String> texts(Article a) {
    List<String> t = new ArrayList<>();
    if (a.headline() != null) {
      t.add(a.headline());
    }
    t.addAll(a.bullets());
    t.addAll(a.body());
    return t;
  }

  /** The plain lower-case words (4+ letters) of a text, in order, with repeats. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String t : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
      if (WORD.matcher(t).matches()) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<String> words(String text, Map<String, Integer> df, double minDf, double maxDf) {
    return words(text).stream().filter(w -> {
      int d = df.getOrDefault(w, 0);
      return d >= minDf && d <= maxDf;
    }).distinct().toList();
  }

  /** Words whose document frequency is within [lo, hi], sorted, so the seed alone decides picks. */
  private static List<String> band(Map<String, Integer> df, double lo, double hi) {
    List<String> out = df.entrySet().stream()
        .filter(e -> e.getValue() >= lo && e.getValue() <= hi)
        .map(Map.Entry::getKey)
        .sorted(Comparator.naturalOrder())
        .toList();
    if (out.isEmpty()) {
      throw new IllegalStateException("no words with document frequency in [" + lo + ", " + hi + "]");
    }
    return out;
  }

  private static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      java.util.Collections.swap(list, i, r.nextInt(i + 1));
    }
  }
}
