package dev.dateline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Test data: fixtures on the test classpath and the team's shared corpora. */
public final class Fixtures {
  /** The shared corpora folder, found by walking up from the working directory. */
  public static final String SHARED_CORPORA = "shared/corpora";

  /** The seed page: a Straits Times page carrying a Reuters story. */
  public static final String SEED_ARTICLE = "seed/abu-dhabi-talks.txt";

  private Fixtures() {}

  /** A text resource under {@code /fixtures/}, e.g. {@code raw/ap-senate-shutdown.txt}. */
  public static String resource(String path) {
    String name = "/fixtures/" + path;
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the shared corpora, e.g. {@link #SEED_ARTICLE}. */
  public static String sharedCorpus(String relative) {
    Path file = sharedCorporaDir().resolve(relative);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shared corpus " + file, e);
    }
  }

  /** The seed article's raw text. */
  public static String seed() {
    return sharedCorpus(SEED_ARTICLE);
  }

  /**
   * The {@value #SHARED_CORPORA} directory in the working directory or one of its ancestors (the
   * repository sits next to {@code shared/} in CI and in developer worktrees).
   */
  public static Path sharedCorporaDir() {
    return findSharedCorporaDir()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no "
                        + SHARED_CORPORA
                        + " directory in "
                        + Path.of("").toAbsolutePath()
                        + " or its parents; check out the shared corpora next to the repository"));
  }

  /** The {@value #SHARED_CORPORA} directory, if the working directory or an ancestor has one. */
  public static Optional<Path> findSharedCorporaDir() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve(SHARED_CORPORA);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
