package dev.dateline.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in this JVM ({@link Main#run}) or as a child process, capturing its output. */
final class Cli {
  record Result(int exit, String out, String err) {
    /** Standard error without the JVM's own notice about incubator modules (a launcher's job). */
    String errWithoutJvmNotices() {
      return err.lines()
          .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
          .reduce("", (a, b) -> a + b + "\n");
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  static Result run(InputStream in, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(in, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  static Result runWithInput(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  /** The java command for a child process running {@link Main}, with or without the vector module. */
  static List<String> javaCommand(boolean vectorModule) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (vectorModule) {
      cmd.add("--add-modules");
      cmd.add("jdk.incubator.vector");
    }
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    return cmd;
  }

  /** Runs {@link Main} in a child process with {@code stdin} as its input (null: empty). */
  static Result process(boolean vectorModule, Map<String, String> env, byte[] stdin, String... args)
      throws Exception {
    List<String> cmd = javaCommand(vectorModule);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("DATELINE_DEBUG");
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (var w = p.getOutputStream()) {
      if (stdin != null) {
        w.write(stdin);
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the CLI did not finish: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
