package dev.dateline.cli;

import dev.dateline.DatelineException;
import dev.dateline.IndexException;
import dev.dateline.InvalidArticleException;
import dev.dateline.InvalidQueryException;
import dev.dateline.StoriesNotEnabledException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code dateline} command-line tool: index article files, search them, show or delete one
 * article, show statistics, parse raw pages, and run a demo. It uses only the public API of the
 * library (the package {@code dev.dateline}).
 *
 * <p>Every error is one line on standard error, {@code dateline: ...} (set the environment variable
 * {@code DATELINE_DEBUG} for stack traces), and the exit code says what happened:
 *
 * <ul>
 *   <li>{@value #EXIT_OK}: success.
 *   <li>{@value #EXIT_FAILURE}: failure: an I/O error, an unreadable or damaged index, an internal
 *       error.
 *   <li>{@value #EXIT_USAGE}: usage error: an unknown command or option, an invalid option value,
 *       query or date, a missing index directory; {@code search --collapse}, {@code story} or
 *       {@code related} on an index built without {@code index --stories}; {@code related}: no
 *       article with that id.
 *   <li>{@value #EXIT_REJECTED}: {@code index}: some records were rejected (reported as {@code
 *       file:line: reason}); the others were indexed.
 *   <li>{@value #EXIT_LOCKED}: the index is locked: another process is writing to it.
 *   <li>{@value #EXIT_NO_INPUT}: {@code index}: nothing to index: a directory without input files,
 *       or inputs without any record.
 *   <li>{@value #EXIT_NOT_FOUND}: {@code show}, {@code delete}, {@code story}: no article with that id.
 * </ul>
 *
 * Lucene's notices about its vectorised code paths (java.util.logging, INFO and WARNING) are
 * silenced unless {@code DATELINE_DEBUG} is set.
 */
@Command(
    name = "dateline",
    mixinStandardHelpOptions = true,
    version = "dateline 0.1.0",
    description = "Full-text search over news articles, on Apache Lucene.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure: I/O error, unreadable or damaged index, internal error",
      "2:usage error: unknown command or option, invalid option value, query or date, no index at DIR; stories asked of an index built without --stories; related: unknown id",
      "3:index: some records were rejected (reported as file:line: reason); the others were indexed",
      "4:index locked: another dateline process is writing to it; wait for it to finish",
      "5:index: nothing to index (a directory without input files, or inputs without records)",
      "6:show, delete: no article with that id"
    },
    footer = {"%nErrors are one line on stderr; set DATELINE_DEBUG=1 for details."},
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      StoryCommand.class,
      RelatedCommand.class,
      DeleteCommand.class,
      StatsCommand.class,
      TrendsCommand.class,
      ParseCommand.class,
      DemoCommand.class,
      HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_REJECTED = 3;
  public static final int EXIT_LOCKED = 4;
  public static final int EXIT_NO_INPUT = 5;
  public static final int EXIT_NOT_FOUND = 6;

  /**
   * Lucene logs through java.util.logging that its vectorised code paths are on (INFO) or cannot
   * be used (WARNING), on every start: noise for a command-line tool. Raised to SEVERE before any
   * Lucene class loads (this class initialises first). Kept in a static field because the logging
   * framework holds loggers weakly and would forget the level.
   */
  private static final Logger LUCENE_VECTORIZATION_LOG = quietLucene();

  /** Standard input, for commands that read {@code -}. */
  final InputStream in;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Main(InputStream in) {
    this.in = in;
  }

  private static Logger quietLucene() {
    Logger logger = Logger.getLogger("org.apache.lucene.internal.vectorization");
    if (System.getenv("DATELINE_DEBUG") == null) {
      logger.setLevel(Level.SEVERE);
    }
    return logger;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command (index, search, show, story, related, delete, stats, trends, parse, demo)");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the tool with the given output streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, out, err, args);
  }

  /** Runs the tool with the given streams ({@code in} for the input {@code -}); the exit code. */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main(in)).setOut(out).setErr(err);
    // @name is query text (a handle, an agency), not "read more arguments from the file name".
    cli.setExpandAtFiles(false);
    SearchCommand.configure(cli.getSubcommands().get("search"));
    cli.setParameterExceptionHandler(
        (ex, params) -> {
          PrintWriter w = ex.getCommandLine().getErr();
          w.println("dateline: " + ex.getMessage() + " (see --help)");
          w.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          w.println("dateline: " + oneLine(ex));
          if (System.getenv("DATELINE_DEBUG") != null) {
            ex.printStackTrace(w);
          }
          w.flush();
          return exitCode(ex);
        });
    return cli.execute(args);
  }

  static int exitCode(Exception ex) {
    if (ex instanceof Failure f) {
      return f.exitCode;
    }
    if (ex instanceof InvalidQueryException
        || ex instanceof InvalidArticleException
        || ex instanceof StoriesNotEnabledException) {
      return EXIT_USAGE;
    }
    return EXIT_FAILURE;
  }

  private static String oneLine(Exception ex) {
    String message = ex.getMessage();
    if (!(ex instanceof DatelineException) && !(ex instanceof Failure)) {
      message = "internal error: " + ex + " (set DATELINE_DEBUG=1 for details)";
    } else if (ex instanceof IndexException && message == null) {
      message = "index failure";
    }
    return message == null ? ex.toString() : message.replace('\n', ' ');
  }

  /** A failure a command reports with its own exit code and a one-line message. */
  static class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Failure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  /** A usage problem found while running a command (exit code 2). */
  static final class UsageException extends Failure {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(EXIT_USAGE, message);
    }
  }
}
