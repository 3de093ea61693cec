package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped model is read into a packed table (present rows only, 16-bit values); it must tag
 * exactly as the dense table of the same weights does.
 */
class NerTaggerPackingTest {

  @Test
  void packedModelTagsExactlyAsTheDenseWeights() throws Exception {
    Random random = new Random(20261201);
    float[] dense = new float[(NerTagger.MASK + 1) * NerTagger.T];
    for (int row = 0; row <= NerTagger.MASK; row++) {
      if (random.nextInt(3) != 0) {
        continue; // two rows in three absent, as in the shipped model
      }
      for (int y = 0; y < NerTagger.T; y++) {
        // Multiples of 0.5 up to 32767 * 0.5: quantised and read back exactly.
        dense[row * NerTagger.T + y] = (random.nextInt(2 * 32767 + 1) - 32767) * 0.5f;
      }
    }
    dense[0] = 32767 * 0.5f;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NerTagger.write(dense, 0f, bytes);
    NerTagger packed = NerTagger.read(new ByteArrayInputStream(bytes.toByteArray()));
    NerTagger reference = new NerTagger(dense);

    String[] words = {
      "Kyiv", "talks", "the", "Zelensky", "said", "in", "Reuters", "BANK", "of", "U.S.", "3.5",
      "Mr", "-", ",", "Ltd", "minister", "Paris", "ate", "Oblast", "(", ")", "NEW", "YORK"
    };
    int differing = 0;
    for (int n = 0; n < 300; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(25);
      for (int i = 0; i < length; i++) {
        text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      NerTagger.Sentence s = NerTagger.sentence(text.toString());
      int[] tags = packed.tag(s);
      assertThat(tags).as(text.toString()).containsExactly(reference.tag(s));
      for (int t : tags) {
        differing += t == 0 ? 0 : 1;
      }
    }
    assertThat(differing).as("random weights tag some words as names").isPositive();
  }
}
