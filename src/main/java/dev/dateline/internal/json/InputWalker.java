package dev.dateline.internal.json;

import dev.dateline.ArticleFiles;
import dev.dateline.ArticleFiles.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the input files under a path: the path itself if it is a file, else the files with an
 * input extension ({@code .jsonl}, {@code .ndjson}, {@code .json}, {@code .txt}, each optionally
 * followed by {@code .gz}) below it, depth first in name order. Hidden entries and symbolic links
 * to directories are skipped (the latter also rules out cycles). Only paths are collected; no file
 * is opened. Also picks the source that reads an input by its name.
 */
public final class InputWalker {
  /** The accepted extensions, for messages. */
  public static final String EXTENSIONS = ".jsonl, .ndjson, .json or .txt, optionally .gz";

  private final ArticleFiles.Options options;
  private final ArticleJsonReader reader;

  InputWalker(ArticleFiles.Options options) {
    this.options = options;
    this.reader = new ArticleJsonReader(options.defaultPublished());
  }

  /** The formats of input, chosen by extension. */
  private enum Format {
    JSON_LINES,
    JSON,
    RAW_TEXT
  }

  /** The format and compression an input name implies; null format for other names. */
  private record Kind(Format format, boolean gzip, String baseName) {
    static Kind of(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean gzip = lower.endsWith(".gz");
      String base = gzip ? name.substring(0, name.length() - 3) : name;
      String lowerBase = base.toLowerCase(Locale.ROOT);
      Format format = null;
      String stem = base;
      for (var ext : List.of(".jsonl", ".ndjson", ".json", ".txt")) {
        if (lowerBase.endsWith(ext)) {
          format =
              switch (ext) {
                case ".json" -> Format.JSON;
                case ".txt" -> Format.RAW_TEXT;
                default -> Format.JSON_LINES;
              };
          if (base.length() > ext.length()) {
            stem = base.substring(0, base.length() - ext.length());
          }
          break;
        }
      }
      return new Kind(format, gzip, stem);
    }
  }

  /** Whether a file with this name is read as input when a directory is walked. */
  static boolean isInputName(String name) {
    return Kind.of(name).format() != null;
  }

  /**
   * The input files under {@code root} in reading order: the files with an input extension below a
   * directory, or {@code root} itself if it is a file with one.
   *
   * @throws IOException if {@code root} or a directory below it cannot be read
   */
  public static List<Path> inputFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class);
    if (!attributes.isDirectory()) {
      Path name = root.getFileName();
      if (name != null && isInputName(name.toString())) {
        files.add(root);
      }
      return files;
    }
    walk(
        root,
        new Visitor() {
          @Override
          public void file(Path file) {
            files.add(file);
          }

          @Override
          public void unreadable(Path dir, IOException e) throws IOException {
            throw e;
          }
        });
    return files;
  }

  /** One source per input file, plus single-record sources for paths that cannot be read. */
  List<RecordSource> sources(Path root) {
    List<RecordSource> out = new ArrayList<>();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(root, BasicFileAttributes.class);
    } catch (IOException e) {
      out.add(RecordSource.of(new Rejected(root.toString(), JsonErrors.describe(e))));
      return out;
    }
    if (attributes.isDirectory()) {
      try {
        walk(
            root,
            new Visitor() {
              @Override
              public void file(Path file) {
                out.add(fileSource(file));
              }

              @Override
              public void unreadable(Path dir, IOException e) {
                out.add(RecordSource.of(new Rejected(dir.toString(), JsonErrors.describe(e))));
              }
            });
      } catch (IOException e) {
        throw new AssertionError("this visitor throws nothing", e);
      }
    } else {
      RecordSource source = fileSource(root);
      out.add(
          source != null
              ? source
              : RecordSource.of(
                  new Rejected(root.toString(), "unsupported file type (expected " + EXTENSIONS + ")")));
    }
    return out;
  }

  /**
   * The source for a stream: its format follows the extension of {@code name} as for files, and
   * is JSON Lines for other names (such as {@code -}); a {@code .gz} name must be gzip data, other
   * streams are decompressed when they start with the gzip magic bytes.
   */
  RecordSource streamSource(InputStream in, String name) {
    Kind kind = Kind.of(name);
    Input input = kind.gzip() ? () -> Gzip.decompress(in) : () -> Gzip.decompressIfGzip(in);
    Format format = kind.format() == null ? Format.JSON_LINES : kind.format();
    int slash = Math.max(kind.baseName().lastIndexOf('/'), kind.baseName().lastIndexOf('\\'));
    String id = slash >= 0 ? kind.baseName().substring(slash + 1) : kind.baseName();
    return source(format, input, name, id);
  }

  /** Callbacks of a directory walk. */
  private interface Visitor {
    void file(Path file) throws IOException;

    void unreadable(Path dir, IOException e) throws IOException;
  }

  private static void walk(Path dir, Visitor visitor) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path entry : listing) {
        entries.add(entry);
      }
    } catch (IOException e) {
      visitor.unreadable(dir, e);
      return;
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        walk(entry, visitor);
      } else if (Files.isRegularFile(entry) && isInputName(name)) {
        visitor.file(entry);
      }
    }
  }

  /** The source for a file by its extension, or null for other files. */
  private RecordSource fileSource(Path file) {
    Path name = file.getFileName();
    Kind kind = Kind.of(name == null ? "" : name.toString());
    if (kind.format() == null) {
      return null;
    }
    Input input =
        kind.gzip()
            ? () -> Gzip.decompress(Files.newInputStream(file))
            : () -> Files.newInputStream(file);
    return source(kind.format(), input, file.toString(), kind.baseName());
  }

  private RecordSource source(Format format, Input input, String display, String fileNameId) {
    return switch (format) {
      case JSON_LINES -> new JsonLinesSource(input, display, reader);
      case JSON -> new JsonDocumentSource(input, display, reader);
      case RAW_TEXT -> new RawTextSource(input, display, fileNameId, options);
    };
  }
}
