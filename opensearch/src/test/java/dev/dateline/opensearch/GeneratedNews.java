package dev.dateline.opensearch;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded corpus of small news articles, varied enough for every query kind to rank. */
final class GeneratedNews {
  private static final String[] WORDS = (
      "ceasefire talks election vote parliament budget inflation rates storm flood wildfire "
          + "minister president court ruling strike union market shares oil prices energy truce "
          + "delegation border summit sanctions trade tariffs climate drought harvest rescue "
          + "protest police investigation report growth recession hospital vaccine school teachers "
          + "the of and in on for with after before against over")
      .split(" ");
  private static final String[] PEOPLE = {
    "Volodymyr Zelensky", "Rustem Umerov", "Angela Merkel", "Jacinda Ardern", "Lee Hsien Loong"
  };
  private static final String[] PLACES = {"Kyiv", "Abu Dhabi", "Berlin", "Singapore", "Lagos", "Lima"};
  private static final String[] ORGS = {"Reuters", "United Nations", "World Bank", "Red Cross"};
  private static final String[] RARE = {"zanzibar", "timbuktu", "ushuaia"};
  private static final String[] AUTHORS = {"Jane Doe", "Ahmed Storm", "Mei Lin"};
  private static final String[] SOURCES = {"The Straits Times", "Daily Planet", "Wire Service"};
  private static final String[] SECTIONS = {"World", "Business", "Science"};

  private GeneratedNews() {}

  static List<Article> articles(int n, long seed) {
    Random r = new Random(seed);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Entity> entities = new ArrayList<>();
      entities.add(Entity.of(EntityType.PERSON, pick(r, PEOPLE)));
      entities.add(Entity.of(EntityType.PLACE, pick(r, PLACES)));
      if (r.nextBoolean()) {
        entities.add(Entity.of(EntityType.ORG, pick(r, ORGS)));
      }
      List<String> body = new ArrayList<>();
      for (int p = 0, paragraphs = 1 + r.nextInt(3); p < paragraphs; p++) {
        body.add(sentence(r, 8 + r.nextInt(30)) + " " + entities.get(r.nextInt(entities.size())).name() + ".");
      }
      // Rare words, each in one article only, so on one shard only: a shard that lacks a word
      // must not make up statistics for it (DFS would sum them).
      if (i % 50 == 7) {
        body.add("A visit to " + RARE[(i / 50) % RARE.length] + " was planned before the summit.");
      }
      Article.Builder b =
          Article.builder()
              .id(String.format(java.util.Locale.ROOT, "a%04d", i))
              .source(pick(r, SOURCES))
              .section(pick(r, SECTIONS))
              .headline(sentence(r, 4 + r.nextInt(6)))
              .body(body)
              .entities(entities);
      // Multi-valued fields, so positions across values (the gap) and all_text's weights count.
      if (r.nextInt(3) == 0) {
        b.bullets(List.of(sentence(r, 5), sentence(r, 6)));
      }
      if (r.nextInt(4) == 0) {
        b.captions(List.of(sentence(r, 7)));
        b.subheads(List.of(sentence(r, 3)));
      }
      if (r.nextBoolean()) {
        String author = pick(r, AUTHORS);
        b.byline("By " + author).authors(List.of(author));
      }
      if (r.nextInt(3) == 0) {
        b.tags(List.of(pick(r, WORDS), pick(r, WORDS)));
      }
      if (r.nextInt(4) == 0) {
        b.dateline(pick(r, PLACES).toUpperCase(java.util.Locale.ROOT)).credits(List.of(pick(r, ORGS)));
      }
      b.language(r.nextInt(5) == 0 ? "FR" : "en");
      // A few undated articles (they sort last) and some sharing an instant (ties broken by id).
      if (i % 37 != 0) {
        b.published(base.plusSeconds(3600L * r.nextInt(24 * 60)));
      }
      out.add(b.build());
    }
    return out;
  }

  private static String sentence(Random r, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      s.append(w == 0 ? "" : " ").append(pick(r, WORDS));
    }
    return s.toString();
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
