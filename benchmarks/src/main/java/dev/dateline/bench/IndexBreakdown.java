package dev.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104PostingsFormat;
import org.apache.lucene.codecs.lucene90.Lucene90DocValuesFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Where an index's bytes go, per field and per kind of data (issue 12): copies the index into one
 * segment ({@code IndexWriter.addIndexes}, which re-encodes every document, as a force-merge to 1
 * segment does) with a codec that gives every field its own postings and doc-values files (one
 * format instance per field, so Lucene's per-field formats write each field apart), then sums the
 * files by field and by extension. Stored fields are one set of files for all fields: the tool
 * adds each stored field's raw (uncompressed) bytes, and with {@code --best-compression} copies
 * the index a second time with Lucene's {@code BEST_COMPRESSION} stored-fields mode to size that
 * alternative.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.dateline.bench.IndexBreakdown benchmarks/data/c100k/index/dateline [--best-compression]
 * java ... dev.dateline.bench.IndexBreakdown INDEX --copy OUT BEST_SPEED|BEST_COMPRESSION|DATELINE|DATELINE:KB
 * java ... dev.dateline.bench.IndexBreakdown INDEX --deflate-block-kb 80   (or --lz4-block-kb 320)
 * </pre>
 *
 * <p>The copy goes to a temporary directory next to the index and is deleted at the end.
 */
public final class IndexBreakdown {
  private IndexBreakdown() {}

  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("doc", "postings: docs+freqs"),
      Map.entry("pos", "postings: positions"),
      Map.entry("pay", "postings: offsets+payloads"),
      Map.entry("tim", "terms dictionary"),
      Map.entry("tip", "terms dictionary"),
      Map.entry("tmd", "terms dictionary"),
      Map.entry("psm", "postings: metadata"),
      Map.entry("dvd", "doc values"),
      Map.entry("dvm", "doc values"),
      Map.entry("nvd", "norms"),
      Map.entry("nvm", "norms"),
      Map.entry("fdt", "stored fields"),
      Map.entry("fdx", "stored fields"),
      Map.entry("fdm", "stored fields"),
      Map.entry("kdd", "points"),
      Map.entry("kdi", "points"),
      Map.entry("kdm", "points"));

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: IndexBreakdown <index dir> [--best-compression]");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    if (args.length == 4 && args[1].equals("--copy")) {
      copy(index, Path.of(args[2]), args[3]);
      return;
    }
    boolean best = args.length > 1 && args[1].equals("--best-compression");
    if (args.length == 3 && args[1].matches("--(deflate|lz4)-block-kb")) {
      storedBlocks(index, args[1].startsWith("--lz4"), Integer.parseInt(args[2]));
      return;
    }
    try (Directory src = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(src)) {
      int docs = reader.numDocs();
      System.out.printf(Locale.ROOT, "%s: %,d documents, %d segments, %,d bytes on disk (%,.0f bytes/doc)%n",
          index, docs, reader.leaves().size(), Indexes.size(index), Indexes.size(index) / (double) docs);
      Path copy = Files.createTempDirectory(index.getParent(), "breakdown");
      try {
        report(reader, copy, Lucene104Codec.Mode.BEST_SPEED, docs, true);
        if (best) {
          Indexes.delete(copy);
          Files.createDirectories(copy);
          report(reader, copy, Lucene104Codec.Mode.BEST_COMPRESSION, docs, false);
        }
      } finally {
        Indexes.delete(copy);
      }
      storedRaw(reader, docs);
    }
  }

  /**
   * Writes the documents of {@code reader} into {@code dir} as one new segment ({@code
   * IndexWriter.addIndexes}, which re-encodes every document) with {@code config}'s codec, the
   * reader's index sort and no merges; the commit carries {@code userData} when it is not null.
   */
  private static void writeOneSegment(
      DirectoryReader reader, Directory dir, IndexWriterConfig config, Map<String, String> userData)
      throws IOException {
    config.setMergePolicy(NoMergePolicy.INSTANCE);
    Sort sort = reader.leaves().get(0).reader().getMetaData().sort();
    if (sort != null) {
      config.setIndexSort(sort);
    }
    List<CodecReader> leaves = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      leaves.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
    }
    try (IndexWriter w = new IndexWriter(dir, config)) {
      w.addIndexes(leaves.toArray(CodecReader[]::new));
      if (userData != null) {
        w.setLiveCommitData(userData.entrySet());
      }
      w.commit();
    }
  }

  /**
   * Writes a one-segment copy of the index to {@code out} with the codec {@code mode} names ({@link
   * #codec}), keeping the commit's user data (the engine's format marks), so that the
   * engine can search it ({@link CpuProbe}'s {@code ENGINE@dir}).
   */
  private static void copy(Path index, Path out, String mode) throws IOException {
    try (Directory src = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(src);
        Directory dir = FSDirectory.open(out)) {
      IndexWriterConfig config = new IndexWriterConfig().setCodec(codec(mode))
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      writeOneSegment(reader, dir, config, reader.getIndexCommit().getUserData());
    }
    System.out.printf(Locale.ROOT, "copied %s to %s (one segment, stored fields %s): %,d bytes%n",
        index, out, mode, Indexes.size(out));
  }

  /**
   * Sizes the stored fields of a one-segment copy written with Lucene's DEFLATE (BEST_COMPRESSION's
   * mode) or LZ4 (BEST_SPEED's) stored-fields compression in blocks of {@code kb} KB
   * (BEST_COMPRESSION uses 480, BEST_SPEED 80): a smaller block means less to inflate per document read. The copy is
   * sized, not read back (its codec is not registered), and deleted.
   */
  private static void storedBlocks(Path index, boolean lz4, int kb) throws IOException {
    org.apache.lucene.codecs.StoredFieldsFormat stored =
        new org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat(
            "BreakdownStoredFields", lz4 ? org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat.BEST_SPEED_MODE
                : org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat.BEST_COMPRESSION_MODE,
            kb * 1024, lz4 ? 1024 : 4096, 10);
    org.apache.lucene.codecs.Codec codec = new org.apache.lucene.codecs.FilterCodec("BreakdownCodec", new Lucene104Codec()) {
      @Override
      public org.apache.lucene.codecs.StoredFieldsFormat storedFieldsFormat() {
        return stored;
      }
    };
    try (Directory src = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(src)) {
      Path copy = Files.createTempDirectory(index.getParent(), "breakdown");
      try (Directory dir = FSDirectory.open(copy)) {
        writeOneSegment(reader, dir, new IndexWriterConfig().setCodec(codec).setUseCompoundFile(false), null);
        long storedBytes = 0;
        for (String f : dir.listAll()) {
          if (f.endsWith(".fdt") || f.endsWith(".fdx") || f.endsWith(".fdm")) {
            storedBytes += dir.fileLength(f);
          }
        }
        System.out.printf(Locale.ROOT, "stored fields, %s in %d KB blocks: %,d bytes (%,.0f bytes/doc); whole copy %,.0f bytes/doc%n",
            lz4 ? "LZ4 with preset dictionary (BEST_SPEED's mode)" : "DEFLATE with preset dictionary (BEST_COMPRESSION's mode)", kb, storedBytes, storedBytes / (double) reader.numDocs(), Indexes.size(copy) / (double) reader.numDocs());
      } finally {
        Indexes.delete(copy);
      }
    }
  }

  /**
   * {@code BEST_SPEED} or {@code BEST_COMPRESSION}: Lucene's default codec in that mode; {@code
   * DATELINE}: Dateline's codec; {@code DATELINE:KB}: Dateline's codec writing stored-field blocks
   * of KB kilobytes (readable by Dateline's codec, which reads any block length).
   */
  private static org.apache.lucene.codecs.Codec codec(String mode) {
    if (mode.equals("DATELINE")) {
      return dev.dateline.internal.index.Schema.codec(true);
    }
    if (mode.startsWith("DATELINE:")) {
      org.apache.lucene.codecs.StoredFieldsFormat stored =
          new org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat(
              "DatelineStoredFieldsDeflate", org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat.BEST_COMPRESSION_MODE,
              Integer.parseInt(mode.substring(9)) * 1024, 4096, 10);
      return new org.apache.lucene.codecs.FilterCodec(dev.dateline.internal.index.DatelineCodec.NAME, new Lucene104Codec()) {
        @Override
        public org.apache.lucene.codecs.StoredFieldsFormat storedFieldsFormat() {
          return stored;
        }
      };
    }
    return new Lucene104Codec(Lucene104Codec.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
  }

  /** Copies the index into one segment in {@code copy} and prints its files by field and kind. */
  private static void report(DirectoryReader reader, Path copy, Lucene104Codec.Mode mode, int docs, boolean perField)
      throws IOException {
    Map<String, PostingsFormat> postings = new HashMap<>();
    Map<String, DocValuesFormat> docValues = new HashMap<>();
    Lucene104Codec codec = new Lucene104Codec(mode) {
      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        return postings.computeIfAbsent(field, f -> new Lucene104PostingsFormat());
      }

      @Override
      public DocValuesFormat getDocValuesFormatForField(String field) {
        return docValues.computeIfAbsent(field, f -> new Lucene90DocValuesFormat());
      }
    };
    long start = System.nanoTime();
    try (Directory dir = FSDirectory.open(copy)) {
      writeOneSegment(reader, dir, new IndexWriterConfig().setCodec(codec).setUseCompoundFile(false), null);
    }
    System.out.printf(Locale.ROOT, "%none segment, stored fields %s (copied in %.0f s): %,d bytes (%,.0f bytes/doc)%n",
        mode, (System.nanoTime() - start) / 1e9, Indexes.size(copy), Indexes.size(copy) / (double) docs);
    // suffix of each field's postings / doc-values files
    Map<String, String> postingsSuffix = new HashMap<>();
    Map<String, String> dvSuffix = new HashMap<>();
    Map<String, String> options = new TreeMap<>();
    try (Directory dir = FSDirectory.open(copy); DirectoryReader r = DirectoryReader.open(dir)) {
      for (FieldInfo fi : r.leaves().get(0).reader().getFieldInfos()) {
        String ps = fi.getAttribute("PerFieldPostingsFormat.suffix");
        if (ps != null) {
          postingsSuffix.put(fi.getAttribute("PerFieldPostingsFormat.format") + "_" + ps, fi.name);
        }
        String ds = fi.getAttribute("PerFieldDocValuesFormat.suffix");
        if (ds != null) {
          dvSuffix.put(fi.getAttribute("PerFieldDocValuesFormat.format") + "_" + ds, fi.name);
        }
        List<String> o = new ArrayList<>();
        if (fi.getIndexOptions() != org.apache.lucene.index.IndexOptions.NONE) {
          o.add(fi.getIndexOptions().toString().toLowerCase(Locale.ROOT));
        }
        if (fi.hasNorms()) {
          o.add("norms");
        }
        if (fi.getDocValuesType() != org.apache.lucene.index.DocValuesType.NONE) {
          o.add(fi.getDocValuesType().toString().toLowerCase(Locale.ROOT) + " doc values");
        }
        if (fi.getPointDimensionCount() > 0) {
          o.add("points");
        }
        options.put(fi.name, String.join(", ", o));
      }
    }
    Map<String, Map<String, Long>> byField = new TreeMap<>();
    Map<String, Long> byKind = new TreeMap<>();
    try (var files = Files.list(copy)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (!name.startsWith("_") || dot < 0) {
          continue;
        }
        String ext = name.substring(dot + 1);
        String kind = KINDS.getOrDefault(ext, "other (" + ext + ")");
        long size = Files.size(p);
        byKind.merge(kind, size, Long::sum);
        String base = name.substring(0, dot);
        int u = base.indexOf('_', 1);
        String field = "(all fields)";
        if (u > 0) {
          String key = base.substring(u + 1);
          field = ext.startsWith("dv") ? dvSuffix.getOrDefault(key, key) : postingsSuffix.getOrDefault(key, key);
        } else if (ext.startsWith("fd")) {
          field = "(stored fields)";
        } else if (ext.startsWith("nv")) {
          field = "(norms)";
        } else if (ext.startsWith("kd")) {
          field = "(points)";
        }
        byField.computeIfAbsent(field, f -> new TreeMap<>()).merge(kind, size, Long::sum);
      }
    }
    System.out.println("| kind | bytes | bytes/doc |");
    System.out.println("|---|---:|---:|");
    byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f |%n", k, v, v / (double) docs));
    if (!perField) {
      return;
    }
    System.out.println();
    System.out.println("| field | indexed as | bytes/doc | of which |");
    System.out.println("|---|---|---:|---|");
    List<Map.Entry<String, Map<String, Long>>> rows = new ArrayList<>(byField.entrySet());
    rows.sort((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())));
    for (var e : rows) {
      StringBuilder parts = new StringBuilder();
      e.getValue().forEach((k, v) -> parts.append(parts.isEmpty() ? "" : "; ")
          .append(k).append(String.format(Locale.ROOT, " %,.0f", v / (double) docs)));
      System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %s |%n", e.getKey(),
          options.getOrDefault(e.getKey(), ""), total(e.getValue()) / (double) docs, parts);
    }
  }

  private static long total(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Each stored field's raw bytes (strings as UTF-8, numbers as 8 bytes), before compression. */
  private static void storedRaw(DirectoryReader reader, int docs) throws IOException {
    Map<String, long[]> raw = new TreeMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      var live = leaf.reader().getLiveDocs();
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        stored.document(d, new StoredFieldVisitor() {
          @Override
          public Status needsField(FieldInfo fieldInfo) {
            return Status.YES;
          }

          @Override
          public void stringField(FieldInfo fieldInfo, String value) {
            raw.computeIfAbsent(fieldInfo.name, f -> new long[1])[0] +=
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
          }

          @Override
          public void binaryField(FieldInfo fieldInfo, byte[] value) {
            raw.computeIfAbsent(fieldInfo.name, f -> new long[1])[0] += value.length;
          }

          @Override
          public void longField(FieldInfo fieldInfo, long value) {
            raw.computeIfAbsent(fieldInfo.name, f -> new long[1])[0] += 8;
          }

          @Override
          public void intField(FieldInfo fieldInfo, int value) {
            raw.computeIfAbsent(fieldInfo.name, f -> new long[1])[0] += 4;
          }
        });
      }
    }
    long all = raw.values().stream().mapToLong(v -> v[0]).sum();
    System.out.printf(Locale.ROOT, "%nstored fields before compression: %,.0f bytes/doc%n", all / (double) docs);
    System.out.println("| stored field | raw bytes/doc |");
    System.out.println("|---|---:|");
    raw.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %,.0f |%n", e.getKey(), e.getValue()[0] / (double) docs));
  }
}
