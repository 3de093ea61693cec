package dev.dateline.internal.json;

import dev.dateline.ArticleFiles;
import dev.dateline.ArticleFiles.Rejected;
import java.io.IOException;
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
 * Finds the input files under a path: the path itself if it is a file, else the {@code .jsonl},
 * {@code .json} and {@code .txt} files below it, depth first in name order. Hidden entries and
 * symbolic links to directories are skipped (the latter also rules out cycles). Only paths are
 * collected; no file is opened.
 */
final class InputWalker {
  private final ArticleFiles.Options options;
  private final ArticleJsonReader reader;

  InputWalker(ArticleFiles.Options options) {
    this.options = options;
    this.reader = new ArticleJsonReader(options.defaultPublished());
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
      walk(root, out);
    } else {
      RecordSource source = sourceFor(root);
      out.add(
          source != null
              ? source
              : RecordSource.of(
                  new Rejected(
                      root.toString(),
                      "unsupported file type (expected .jsonl, .json or .txt)")));
    }
    return out;
  }

  private void walk(Path dir, List<RecordSource> out) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path entry : listing) {
        entries.add(entry);
      }
    } catch (IOException e) {
      out.add(RecordSource.of(new Rejected(dir.toString(), JsonErrors.describe(e))));
      return;
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path entry : entries) {
      if (entry.getFileName().toString().startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        walk(entry, out);
      } else if (Files.isRegularFile(entry)) {
        RecordSource source = sourceFor(entry);
        if (source != null) {
          out.add(source);
        }
      }
    }
  }

  /** The source for a file by its extension, or null for other files. */
  private RecordSource sourceFor(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    String display = file.toString();
    if (lower.endsWith(".jsonl")) {
      return new JsonLinesSource(file, display, reader);
    }
    if (lower.endsWith(".json")) {
      return new JsonDocumentSource(file, display, reader);
    }
    if (lower.endsWith(".txt")) {
      return new RawTextSource(file, display, options);
    }
    return null;
  }
}
