package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped model is read into a packed table (present rows only, 16-bit values) and decoded
 * with per-word row sums kept in a per-thread cache; it must tag exactly as the dense table of the
 * same weights does, feature by feature.
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
    NerTagger packed = pack(dense);
    NerTagger reference = new NerTagger(dense);

    String[] words = {
      "Kyiv", "talks", "the", "Zelensky", "said", "in", "Reuters", "BANK", "of", "U.S.", "3.5",
      "Mr", "-", ",", "Ltd", "minister", "Paris", "ate", "Oblast", "(", ")", "NEW", "YORK"
    };
    int differing = 0;
    for (int n = 0; n < 300; n++) {
      String text = randomText(random, words, 25);
      NerTagger.Sentence s = NerTagger.sentence(text);
      int[] tags = packed.tag(s);
      assertThat(tags).as(text).containsExactly(reference.tag(s));
      for (int t : tags) {
        differing += t == 0 ? 0 : 1;
      }
    }
    assertThat(differing).as("random weights tag some words as names").isPositive();
  }

  /**
   * Far more distinct words than the word cache holds, so slots are reused by other words, and the
   * same words in sentences set in capitals and not (the cache fills each reading on first use).
   */
  @Test
  void cachedWordSumsTagAsTheDenseWeightsWhenTheCacheOverflows() throws Exception {
    Random random = new Random(7);
    float[] dense = new float[(NerTagger.MASK + 1) * NerTagger.T];
    for (int i = 0; i < dense.length; i++) {
      if (random.nextInt(4) == 0) {
        dense[i] = (random.nextInt(2 * 32767 + 1) - 32767) * 0.25f;
      }
    }
    dense[0] = 32767 * 0.25f;
    NerTagger packed = pack(dense);
    NerTagger reference = new NerTagger(dense);
    List<String> vocabulary = new ArrayList<>();
    for (int w = 0; w < 3 * NerTagger.WORDS; w++) {
      StringBuilder word = new StringBuilder();
      int length = 1 + random.nextInt(9);
      for (int c = 0; c < length; c++) {
        word.append((char) ((random.nextInt(3) == 0 ? 'A' : 'a') + random.nextInt(26)));
      }
      vocabulary.add(word.toString());
    }
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      boolean capitals = n % 3 == 0;
      for (int i = 0, length = 1 + random.nextInt(30); i < length; i++) {
        String word = vocabulary.get(random.nextInt(n < 1_000 ? vocabulary.size() : 300));
        text.append(i == 0 ? "" : random.nextInt(8) == 0 ? ", " : " ")
            .append(capitals ? word.toUpperCase(java.util.Locale.ROOT) : word);
      }
      NerTagger.Sentence s = NerTagger.sentence(text.toString());
      assertThat(packed.tag(s)).as(text.toString()).containsExactly(reference.tag(s));
    }
  }

  /** One to {@code maxWords} of {@code words}, drawn at random, joined by spaces. */
  static String randomText(Random random, String[] words, int maxWords) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(maxWords);
    for (int i = 0; i < length; i++) {
      text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
    }
    return text.toString();
  }

  private static NerTagger pack(float[] dense) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NerTagger.write(dense, 0f, bytes);
    return NerTagger.read(new ByteArrayInputStream(bytes.toByteArray()));
  }
}
