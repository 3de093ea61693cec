package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dateline.Entity;
import dev.dateline.EntityType;
import dev.dateline.SearchHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The hit summary doc value: what is encoded comes back, entities decoded on first read. */
class HitSummaryTest {

  @Test
  void roundTripsThroughBytesAtAnyOffset() throws Exception {
    Random random = new Random(20261130L);
    EntityType[] types = EntityType.values();
    for (int round = 0; round < 200; round++) {
      List<Entity> entities = new ArrayList<>();
      for (int e = random.nextInt(6); e > 0; e--) {
        List<String> aliases = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
          aliases.add("Alias " + random.nextInt(1000) + "é");
        }
        entities.add(new Entity(types[random.nextInt(types.length)], "Name " + random.nextInt(1000),
            aliases, 1 + random.nextInt(5)));
      }
      HitSummary summary = new HitSummary("id-" + round, round % 3 == 0 ? null : "Headline " + round,
          round % 4 == 0 ? null : Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)),
          "Source", null, "https://example.org/" + round, round % 2 == 0 ? null : "World", entities);
      BytesRef encoded = summary.encode();
      // Doc values hand out slices of larger arrays: put the bytes at an offset, with junk around.
      int offset = random.nextInt(50);
      byte[] padded = new byte[offset + encoded.length + random.nextInt(50)];
      random.nextBytes(padded);
      System.arraycopy(encoded.bytes, encoded.offset, padded, offset, encoded.length);
      HitSummary decoded = HitSummary.decode(new BytesRef(padded, offset, encoded.length));
      assertThat(decoded).isEqualTo(summary);
      assertThat(decoded.entities()).containsExactlyElementsOf(entities);
    }
  }

  @Test
  void entitiesAreImmutableAndNotCopiedByTheHit() throws Exception {
    List<Entity> entities = List.of(
        new Entity(EntityType.PERSON, "Volodymyr Zelensky", List.of("Zelenskyy"), 2),
        new Entity(EntityType.PLACE, "Kyiv", List.of("Kiev"), 1));
    HitSummary decoded = HitSummary.decode(
        new HitSummary("a", "H", null, null, null, null, null, entities).encode());
    assertThatThrownBy(() -> decoded.entities().add(entities.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(HitSummary.immutableCopy(decoded.entities())).isSameAs(decoded.entities());
    SearchHit hit = new SearchHit("a", "H", null, null, null, null, null, 1f, null, decoded.entities());
    assertThat(hit.entities()).isSameAs(decoded.entities()).isEqualTo(entities);
    // Any other list is copied, as before.
    List<Entity> mutable = new ArrayList<>(entities);
    assertThat(HitSummary.immutableCopy(mutable)).isNotSameAs(mutable).isEqualTo(mutable);
  }
}
