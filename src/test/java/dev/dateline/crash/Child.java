package dev.dateline.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM on the test class path, with its stdout and stderr read line by line. Tracks the
 * last {@code committed N} line either stream printed.
 */
final class Child implements AutoCloseable {
  final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> readers = new ArrayList<>();
  private volatile long lastCommitted = -1;

  private Child(Process process) {
    this.process = process;
    readers.add(reader(process.getInputStream(), "out"));
    readers.add(reader(process.getErrorStream(), "err"));
  }

  /** Starts {@code mainClass} with Lucene's JVM flags and the test JVM's class path. */
  static Child start(Class<?> mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(List.of(args));
    return new Child(new ProcessBuilder(cmd).start());
  }

  private Thread reader(InputStream in, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.startsWith("committed ")) {
                    lastCommitted = Long.parseLong(line.substring("committed ".length()).strip());
                  }
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process died; what was read is what counts
              }
            },
            "child-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits for a line matching {@code p}; returns it, or null on timeout or exit. */
  String await(Predicate<String> p, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (p.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        boolean readersDone = readers.stream().noneMatch(Thread::isAlive);
        if (left <= 0 || (readersDone && !process.isAlive())) {
          return null;
        }
        lines.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }
  }

  /** SIGKILL (on Linux {@code destroyForcibly} is SIGKILL), then waits for the output to drain. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    drain();
  }

  /** Waits for a normal exit and returns the exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not exit within " + timeout + "; output: " + output());
    }
    drain();
    return process.exitValue();
  }

  private void drain() throws InterruptedException {
    for (Thread t : readers) {
      t.join(10_000);
    }
  }

  /** The last {@code committed N} printed (complete once the process has ended), or -1. */
  long lastCommitted() {
    return lastCommitted;
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Kills the child if it is still running; an interrupt is passed on to the calling thread. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
