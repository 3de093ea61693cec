package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index built by an earlier version is refused in one line, with what to do, and left alone. */
class CliIndexFormatTest {
  @TempDir Path tmp;

  @Test
  void anIndexOfAnEarlierFormatIsRefusedWithAdviceAndKept() throws IOException {
    Path index = tmp.resolve("old");
    try (FSDirectory d = FSDirectory.open(index); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "old-1", Field.Store.YES));
      w.addDocument(doc);
    }
    long files = fileCount(index);
    Cli.Result search = Cli.run("search", "--index", index.toString(), "ceasefire");
    assertThat(search.exit()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(search.err().strip().lines()).hasSize(1);
    assertThat(search.err()).contains("earlier version of Dateline").contains("rebuild");
    Path input = tmp.resolve("news.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"headline\":\"Ceasefire holds\"}\n", StandardCharsets.UTF_8);
    Cli.Result add = Cli.run("index", "--index", index.toString(), "--no-extract", input.toString());
    assertThat(add.exit()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(add.err()).contains("rebuild");
    assertThat(fileCount(index)).as("the old index is not touched").isEqualTo(files);
  }

  private static long fileCount(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }
}
