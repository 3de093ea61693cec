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
}
