package dev.dateline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of wire stories and their syndicated variants, for the story tests. */
final class StoryTexts {
  private static final String[] WORDS = (
      "the a bank rates inflation minister said would could markets shares fell rose percent "
          + "government economy talks officials plan report week year month analysts expected "
          + "central growth trade exports prices oil gas energy election vote party leader court "
          + "ruling police city council budget tax spending deficit bonds yields investors company "
          + "profit quarter sales workers union strike deal agreement border troops ceasefire aid "
          + "health hospital vaccine school students climate emissions storm flood drought harvest "
          + "farmers wheat coffee sugar copper gold mining port shipping airline airport railway "
          + "bridge housing mortgage lending credit currency dollar euro pound yen exchange reserve")
      .split(" ");

  private StoryTexts() {}

  /** A story body: {@code paragraphs} paragraphs of 25-40 random words. */
  static List<String> body(Random r, int paragraphs) {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < paragraphs; p++) {
      int n = 25 + r.nextInt(16);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
      }
      out.add(sb.append('.').toString());
    }
    return out;
  }

  /**
   * A syndicated copy: the last paragraphs dropped (keeping at least 60%), a few words changed,
   * "percent" spelt "per cent", and the outlet's boilerplate added.
   */
  static List<String> variant(Random r, List<String> body) {
    int keep = Math.max(1, (int) Math.ceil(body.size() * (0.6 + 0.4 * r.nextDouble())));
    List<String> out = new ArrayList<>();
    for (String p : body.subList(0, keep)) {
      String[] w = p.split(" ");
      if (r.nextBoolean()) {
        w[r.nextInt(w.length)] = "reportedly";
      }
      out.add(String.join(" ", w).replace("percent", "per cent"));
    }
    out.add("Copyright Gulf Daily. All rights reserved. Follow us for more news.");
    return out;
  }

  static Article article(String id, String source, Instant published, List<String> body) {
    return Article.builder()
        .id(id)
        .source(source)
        .headline("Headline of " + id)
        .published(published)
        .body(body)
        .build();
  }
}
