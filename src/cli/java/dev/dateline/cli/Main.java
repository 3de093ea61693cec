package dev.dateline.cli;

import dev.dateline.DatelineException;
import dev.dateline.IndexException;
import dev.dateline.InvalidArticleException;
import dev.dateline.InvalidQueryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code dateline} command-line tool: index article files, search them, show statistics,
 * parse raw pages, and run a demo. Exit codes: 0 success, 2 usage error or invalid query/date, 3
 * some inputs were rejected (the rest were indexed), 1 any other failure.
 */
@Command(
    name = "dateline",
    mixinStandardHelpOptions = true,
    version = "dateline 0.1.0",
    description = "Full-text search over news articles, on Apache Lucene.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      StatsCommand.class,
      ParseCommand.class,
      DemoCommand.class,
      HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_REJECTED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (index, search, stats, parse, demo)");
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
    CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
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
    if (ex instanceof InvalidQueryException
        || ex instanceof InvalidArticleException
        || ex instanceof UsageException) {
      return EXIT_USAGE;
    }
    return EXIT_FAILURE;
  }

  private static String oneLine(Exception ex) {
    String message = ex.getMessage();
    if (!(ex instanceof DatelineException) && !(ex instanceof UsageException)) {
      message = "internal error: " + ex + " (set DATELINE_DEBUG=1 for details)";
    } else if (ex instanceof IndexException && message == null) {
      message = "index failure";
    }
    return message == null ? ex.toString() : message.replace('\n', ' ');
  }

  /** A usage problem found while running a command (exit code 2). */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
