package dev.dateline.internal.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String[] WORDS =
      ("bank rates inflation minister markets shares government economy talks officials plan report"
          + " analysts central growth trade exports prices oil energy election party court police"
          + " budget deficit bonds investors company profit workers union strike agreement harvest")
          .split(" ");

  private static String text(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  @Test
  void respellingsCaseAndAccentsFoldToTheSameFingerprint() {
    Fingerprint us = Fingerprint.of(List.of(
        "Prices rose 5 percent at the center as the organization recognized the color of labor."));
    Fingerprint uk = Fingerprint.of(List.of(
        "PRICES rose 5 per cent at the centre as the organisation recognised the colour of labour."));
    assertThat(uk).isEqualTo(us);
    assertThat(Fingerprint.of(List.of("Café déjà vu here today"))).isEqualTo(Fingerprint.of(List.of("cafe deja vu here today")));
    assertThat(Fingerprint.of(List.of("colours and centres"))).isEqualTo(Fingerprint.of(List.of("colors and centers")));
  }

  @Test
  void overlapEstimatesTheSharedShareOfTheShorterText() {
    Random r = new Random(42);
    for (int trial = 0; trial < 50; trial++) {
      String a = text(r, 200);
      String unrelated = text(r, 200);
      String[] words = a.split(" ");
      String trimmed = String.join(" ", java.util.Arrays.copyOf(words, 120)); // 60% of it
      Fingerprint fa = Fingerprint.of(List.of(a));
      assertThat(fa.overlap(Fingerprint.of(List.of(trimmed)))).isGreaterThan(0.75);
      assertThat(fa.overlap(Fingerprint.of(List.of(unrelated)))).isLessThan(0.3);
    }
  }

  @Test
  void encodingRoundTripsAndIsSmall() {
    Random r = new Random(7);
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      paragraphs.add(text(r, 40));
    }
    Fingerprint f = Fingerprint.of(paragraphs);
    assertThat(f.shingles()).isGreaterThan(150);
    assertThat(Fingerprint.decode(f.encode())).isEqualTo(f);
    assertThat(f.encode().length).isLessThanOrEqualTo(Fingerprint.BYTES);
    Fingerprint empty = Fingerprint.of(List.of("two words"));
    assertThat(empty.shingles()).isZero();
    assertThat(Fingerprint.decode(empty.encode())).isEqualTo(empty);
  }

  @Test
  void asciiTextGivesTheSameFingerprintAsTheGeneralPath() {
    // Plain ASCII text takes a fast path; a non-ASCII separator (an em dash) sends the same words
    // through the general one. Both must agree, respellings and "per cent" included.
    String[] extra = {"Colour", "ORGANISATIONS", "per", "cent", "centres", "harbours", "realised",
        "1987", "U.S.", "x", "analysing", "theatre"};
    Random r = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      StringBuilder sb = new StringBuilder();
      int words = 5 + r.nextInt(60);
      for (int i = 0; i < words; i++) {
        sb.append(i == 0 ? "" : r.nextInt(8) == 0 ? ", " : " ");
        sb.append(r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] : extra[r.nextInt(extra.length)]);
      }
      String ascii = sb.toString();
      int space = ascii.indexOf(' ');
      String general = ascii.substring(0, space) + "\u2014" + ascii.substring(space + 1);
      assertThat(Fingerprint.of(List.of(ascii))).isEqualTo(Fingerprint.of(List.of(general)));
    }
  }

  @Test
  void shingleCountIsTheNumberOfDistinctThreeWordRuns() {
    Random r = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      String[] words = new String[r.nextInt(80)];
      for (int i = 0; i < words.length; i++) {
        words[i] = WORDS[r.nextInt(1 + r.nextInt(6))]; // few distinct words: repeated runs
      }
      java.util.Set<String> runs = new java.util.HashSet<>();
      for (int i = 0; i + 2 < words.length; i++) {
        runs.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
      }
      assertThat(Fingerprint.of(List.of(String.join(" ", words))).shingles()).isEqualTo(runs.size());
    }
  }
}
