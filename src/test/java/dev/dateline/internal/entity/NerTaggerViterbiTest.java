package dev.dateline.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder finds the best tag sequence the model allows: checked against every sequence of
 * short sentences, scored feature by feature from the public feature lists.
 */
class NerTaggerViterbiTest {

  @Test
  void viterbiReturnsTheBestAllowedSequence() {
    Random random = new Random(20261201);
    float[] w = new float[(NerTagger.MASK + 1) * NerTagger.T];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian();
    }
    String[] words = {"Kyiv", "talks", "the", "Zelensky", "said", "of", "U.S.", "Ltd", "NEW", "-"};
    for (int n = 0; n < 200; n++) {
      String text = NerTaggerPackingTest.randomText(random, words, 5);
      NerTagger.Sentence s = NerTagger.sentence(text);
      int[] tags = NerTagger.viterbi(s, w);

      assertThat(allowed(tags)).as("allowed: %s", text).isTrue();
      double best = Double.NEGATIVE_INFINITY;
      int[] sequence = new int[s.size()];
      for (int code = 0; code < Math.pow(NerTagger.T, s.size()); code++) {
        for (int i = 0, c = code; i < s.size(); i++, c /= NerTagger.T) {
          sequence[i] = c % NerTagger.T;
        }
        if (allowed(sequence)) {
          best = Math.max(best, score(s, w, sequence));
        }
      }
      assertThat(score(s, w, tags)).as(text).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-3));
    }
  }

  /** The start behaves as O: a name cannot open with an I- tag. */
  private static boolean allowed(int[] tags) {
    for (int i = 0; i < tags.length; i++) {
      if (!NerTagger.allowed(i == 0 ? 0 : tags[i - 1], tags[i])) {
        return false;
      }
    }
    return true;
  }

  private static double score(NerTagger.Sentence s, float[] w, int[] tags) {
    double sum = 0;
    for (int i = 0; i < tags.length; i++) {
      for (int f : s.features(i)) {
        sum += w[f * NerTagger.T + tags[i]];
      }
      for (int f : s.transition(i, i == 0 ? NerTagger.T : tags[i - 1])) {
        sum += w[f * NerTagger.T + tags[i]];
      }
    }
    return sum;
  }
}
