package dev.dateline.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** {@link IdKeys}: keys that order ids across segments, and columns that go with their segment. */
class IdKeysTest {

  @Test
  void keysThatDifferOrderIdsAsTheirBytesDo() {
    Random random = new Random(Long.getLong("dateline.seed", 20261202L));
    String[] alphabet = {"a", "b", "z", "0", "9", "/", "-", "é", "ü", "中"};
    int decided = 0;
    for (int round = 0; round < 20_000; round++) {
      String shared = random.nextBoolean() ? "https://n.example/" : "";
      BytesRef a = new BytesRef(shared + word(random, alphabet));
      BytesRef b = new BytesRef(shared + word(random, alphabet));
      int prefix = random.nextInt(shared.getBytes(StandardCharsets.UTF_8).length + 1);
      int byKeys = Long.compareUnsigned(IdKeys.key(a, prefix), IdKeys.key(b, prefix));
      if (byKeys != 0) {
        decided++;
        assertThat(Integer.signum(byKeys)).as("%s vs %s after %d bytes", a.utf8ToString(),
            b.utf8ToString(), prefix).isEqualTo(Integer.signum(a.compareTo(b)));
      }
    }
    assertThat(decided).as("most pairs are told apart by their keys").isGreaterThan(10_000);
  }

  private static String word(Random random, String[] alphabet) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      s.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return s.toString();
  }

  @Test
  void theSharedPrefixAndAColumnThatGoesWhenItsSegmentCloses() throws IOException {
    IdKeys.Mode before = IdKeys.mode;
    IdKeys.mode = IdKeys.Mode.INLINE;
    long used = IdKeys.usedBytes();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        for (String id : new String[] {"n00017", "n00203", "n00150"}) {
          Document doc = new Document();
          doc.add(new StringField(Schema.ID, id, Field.Store.NO));
          doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(id)));
          w.addDocument(doc);
        }
        w.addDocument(new Document()); // an article without an id
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(IdKeys.sharedPrefix(reader, Schema.ID)).isEqualTo(3); // "n00"
        LeafReaderContext leaf = reader.leaves().get(0);
        IdKeys.Column column = IdKeys.get(leaf.reader(), Schema.ID, 3);
        assertThat(column).isNotNull();
        assertThat(column.ords()).containsExactly(0, 2, 1, -1);
        assertThat(column.keys()[0]).isEqualTo(IdKeys.key(new BytesRef("n00017"), 3));
        assertThat(IdKeys.get(leaf.reader(), Schema.ID, 3)).isSameAs(column);
        assertThat(IdKeys.usedBytes()).isEqualTo(used + 12L * 4);
        // Another shared prefix (an id unlike the others arrived): built again for it.
        assertThat(IdKeys.get(leaf.reader(), Schema.ID, 1).keys()[0])
            .isEqualTo(IdKeys.key(new BytesRef("n00017"), 1));
        assertThat(IdKeys.usedBytes()).isEqualTo(used + 12L * 4);
      }
      assertThat(IdKeys.usedBytes()).as("released with the segment").isEqualTo(used);
    } finally {
      IdKeys.mode = before;
    }
  }
}
