package dev.dateline.opensearch;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded corpus of wire stories and their syndicated copies (trimmed, a word changed, "percent"
 * respelt, an outlet's boilerplate added, published up to two days later), for the story tests:
 * some copies share their story's headline, so relevance ties inside a story are broken by id.
 */
final class StoryNews {
  private static final String[] WORDS = (
      "ceasefire talks election vote parliament budget inflation rates storm flood wildfire "
          + "minister president court ruling strike union market shares oil prices energy truce "
          + "delegation border summit sanctions trade tariffs climate drought harvest rescue "
          + "protest police investigation report growth recession hospital vaccine school teachers "
          + "percent bank exports copper gold port shipping airline bridge housing currency")
      .split(" ");
  private static final String[] PEOPLE = {"Volodymyr Zelensky", "Angela Merkel", "Jacinda Ardern", "Lee Hsien Loong"};
  private static final String[] PLACES = {"Kyiv", "Berlin", "Singapore", "Lagos", "Lima"};
  private static final String[] OUTLETS = {"Daily Planet", "Gulf Daily", "Harbour Times", "Metro News"};

  private StoryNews() {}

  static List<Article> articles(int stories, long seed) {
    Random r = new Random(seed);
    Instant base = Instant.parse("2026-02-01T00:00:00Z");
    List<Article> out = new ArrayList<>();
    for (int s = 0; s < stories; s++) {
      List<String> body = new ArrayList<>();
      for (int p = 0, n = 3 + r.nextInt(4); p < n; p++) {
        body.add(sentence(r, 20 + r.nextInt(15)) + ".");
      }
      String headline = sentence(r, 5 + r.nextInt(4));
      List<Entity> entities = List.of(
          Entity.of(EntityType.PERSON, PEOPLE[r.nextInt(PEOPLE.length)]),
          Entity.of(EntityType.PLACE, PLACES[r.nextInt(PLACES.length)]));
      // Every 9th story undated (a story of its own), a few sharing an hour with others.
      Instant t = s % 9 == 4 ? null : base.plus(Duration.ofHours(r.nextInt(24 * 12)));
      String id = String.format(java.util.Locale.ROOT, "w%03d", s);
      out.add(article(id, "Wire Service", t, headline, body, entities));
      for (int c = 0, copies = r.nextInt(4); c < copies; c++) {
        Instant when = t == null ? null : t.plus(Duration.ofMinutes(r.nextInt(60 * 48)));
        String h = r.nextInt(3) == 0 ? headline : sentence(r, 6);
        out.add(article(id + "c" + c, OUTLETS[r.nextInt(OUTLETS.length)], when, h, variant(r, body), entities));
      }
    }
    return out;
  }

  private static List<String> variant(Random r, List<String> body) {
    int keep = Math.max(1, (int) Math.ceil(body.size() * (0.6 + 0.4 * r.nextDouble())));
    List<String> out = new ArrayList<>();
    for (String p : body.subList(0, keep)) {
      String[] w = p.split(" ");
      if (r.nextBoolean()) {
        w[r.nextInt(w.length)] = "reportedly";
      }
      out.add(String.join(" ", w).replace("percent", "per cent"));
    }
    out.add("Copyright reserved. Follow us for more news.");
    return out;
  }

  private static Article article(
      String id, String source, Instant published, String headline, List<String> body, List<Entity> entities) {
    Article.Builder b = Article.builder().id(id).source(source).headline(headline).body(body).entities(entities);
    if (published != null) {
      b.published(published);
    }
    return b.build();
  }

  private static String sentence(Random r, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      s.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
