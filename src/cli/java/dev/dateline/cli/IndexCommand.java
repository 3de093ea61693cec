package dev.dateline.cli;

import dev.dateline.ArticleFiles;
import dev.dateline.InvalidArticleException;
import dev.dateline.NewsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index article files.",
      "Formats: .jsonl or .ndjson (JSON Lines, one article per line), .json (an",
      "array of articles, or one article), .txt (one scraped page); each may be",
      "gzip-compressed (.gz). Directories are searched recursively for such files.",
      "PATH - reads JSON Lines (plain or gzip) from standard input.",
      "Bad records are reported on stderr as file:line: reason and skipped.",
      "Commits durably every --commit-every articles and at the end, printing",
      "'committed N' to stderr after each commit. A run that creates the index",
      "directory but indexes nothing removes the directory again."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all records indexed",
      "1:failure: I/O error, damaged index",
      "2:usage error: unknown option, invalid option value, missing PATH",
      "3:some records were rejected (reported as file:line: reason); the others were indexed",
      "4:index locked: another dateline process is writing to it; wait for it to finish",
      "5:nothing to index: a directory without input files, or inputs without records"
    })
final class IndexCommand implements Callable<Integer> {
  static final String STDIN = "-";
  /** How standard input is named in the locations of its records. */
  static final String STDIN_NAME = "<stdin>";
  /** What Lucene puts in a new index directory that gets no documents. */
  private static final Pattern NEW_INDEX_FILE = Pattern.compile("write\\.lock|(pending_)?segments_[0-9a-z]+");

  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin IndexOptions index;

  @Option(names = "--published", paramLabel = "ISO", description = "Publication time for articles that have none.")
  String published;

  @Option(names = "--no-extract", description = "Do not extract entities from articles that come without them.")
  boolean noExtract;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "10000", description = "Commit durably every N articles (default 10000).")
  int commitEvery;

  @Option(names = "--threads", paramLabel = "N", description = "Indexing threads (default: the number of cores, at most 4).")
  int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(
      names = "--stories",
      description = {
        "Detect stories in a new index: near-duplicate copies (syndicated, re-edited, trimmed)",
        "join one story, for search --collapse, story and related. Recorded in the index; an",
        "index that already has articles keeps the setting it was built with."
      })
  boolean stories;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to index; - for standard input.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    if (threads < 1 || threads > 64) {
      throw new Main.UsageException("--threads must be between 1 and 64");
    }
    if (commitEvery < 1) {
      throw new Main.UsageException("--commit-every must be at least 1");
    }
    ArticleFiles.Options read = ArticleFiles.Options.defaults();
    try {
      read = read.withDefaultPublished(published);
    } catch (InvalidArticleException e) {
      throw new Main.UsageException("--published: " + e.reason());
    }
    List<Supplier<Stream<ArticleFiles.Record>>> inputs = inputs(read);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Indexer.Summary s = indexCleaningUp(inputs, err);
    if (s.indexed() + s.updated() + s.rejected() == 0) {
      throw new Main.Failure(
          Main.EXIT_NO_INPUT,
          "nothing to index: no articles in "
              + paths.stream().map(p -> isStdin(p) ? STDIN_NAME : p.toString()).collect(Collectors.joining(" ")));
    }
    if (json) {
      out.println(
          Output.write(
              Output.JSON.createObjectNode()
                  .put("indexed", s.indexed())
                  .put("updated", s.updated())
                  .put("rejected", s.rejected())
                  .put("seconds", Math.round(s.seconds() * 1000) / 1000.0)));
    } else {
      out.printf(
          "indexed %d, updated %d, rejected %d in %.1f s%n", s.indexed(), s.updated(), s.rejected(), s.seconds());
    }
    out.flush();
    return s.rejected() > 0 ? Main.EXIT_REJECTED : Main.EXIT_OK;
  }

  /** Checks the paths before anything is created, and opens each when its turn comes. */
  private List<Supplier<Stream<ArticleFiles.Record>>> inputs(ArticleFiles.Options read) {
    List<Supplier<Stream<ArticleFiles.Record>>> inputs = new ArrayList<>();
    boolean stdin = false;
    for (Path p : paths) {
      if (isStdin(p)) {
        if (stdin) {
          throw new Main.UsageException("- (standard input) can be given only once");
        }
        stdin = true;
        inputs.add(() -> ArticleFiles.stream(main.in, STDIN_NAME, read));
        continue;
      }
      if (!Files.exists(p)) {
        throw new Main.UsageException("no such file or directory: " + p);
      }
      if (Files.isDirectory(p)) {
        boolean none;
        try {
          none = ArticleFiles.inputFiles(p).isEmpty();
        } catch (IOException e) {
          none = false; // unreadable: reported as a rejected record when it is read
        }
        if (none) {
          throw new Main.Failure(
              Main.EXIT_NO_INPUT, "no .jsonl/.ndjson/.json/.txt files (plain or .gz) under " + p);
        }
      }
      inputs.add(() -> ArticleFiles.stream(p, read));
    }
    return inputs;
  }

  private static boolean isStdin(Path p) {
    return p.toString().equals(STDIN);
  }

  /**
   * Indexes the inputs. If the run creates the index (in a new directory or an empty one) and the
   * index ends up empty (nothing indexed, or a failure before anything was), removes what the run
   * created: the files Lucene puts in a new, empty index, and the directories the run created.
   * A directory that existed before is kept, and so is anything not created by the run.
   */
  private Indexer.Summary indexCleaningUp(List<Supplier<Stream<ArticleFiles.Record>>> inputs, PrintWriter err) {
    Path dir = index.dir.toAbsolutePath();
    Path created = firstMissing(dir);
    boolean wasEmpty = created == null && isEmptyDirectory(dir);
    NewsIndex idx = null;
    boolean empty = false;
    RuntimeException failed = null;
    try {
      idx = index.openForWriting(!noExtract, stories);
      Indexer.Summary s = new Indexer(idx, commitEvery, threads, err).run(inputs);
      empty = s.indexed() == 0;
      return s;
    } catch (RuntimeException e) {
      failed = e;
      if (idx != null && (created != null || wasEmpty)) {
        try {
          idx.refresh();
          empty = idx.count() == 0;
        } catch (RuntimeException ignored) {
          empty = false; // unknown: keep what is there
        }
      }
      throw e;
    } finally {
      if (idx != null) {
        try {
          idx.close();
        } catch (RuntimeException e) {
          empty = false;
          if (failed != null) {
            failed.addSuppressed(e);
          } else {
            throw e;
          }
        }
      }
      if (idx != null && empty && (created != null || wasEmpty)) {
        removeNewEmptyIndex(dir);
      }
      if (created != null) {
        removeEmptyDirectories(dir, created);
      }
    }
  }

  /** The outermost of {@code dir} and its ancestors that does not exist yet, or null. */
  private static Path firstMissing(Path dir) {
    Path missing = null;
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  private static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      return !listing.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Removes the files of a new, empty index from {@code dir}, if it holds nothing else (else leaves
   * it all). Best effort: an empty index left behind is harmless.
   */
  private static void removeNewEmptyIndex(Path dir) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path f : listing) {
        if (!Files.isRegularFile(f) || !NEW_INDEX_FILE.matcher(f.getFileName().toString()).matches()) {
          return; // something else is there
        }
        files.add(f);
      }
      for (Path f : files) {
        Files.delete(f);
      }
    } catch (IOException e) {
      // leave what could not be removed
    }
  }

  /** Removes {@code dir} and its ancestors up to {@code created} while they are empty. */
  private static void removeEmptyDirectories(Path dir, Path created) {
    for (Path p = dir; p != null && p.startsWith(created); p = p.getParent()) {
      if (!isEmptyDirectory(p)) {
        return;
      }
      try {
        Files.delete(p);
      } catch (IOException e) {
        return;
      }
    }
  }
}
