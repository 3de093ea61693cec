package dev.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command-line tool is a client of the library's public API (the package {@code dev.dateline}
 * that the module exports) like any other application: no compiled CLI class may refer to {@code
 * dev.dateline.internal}. Checked on the class files, whose constant pool names every class,
 * method and field a class uses (and its string constants), so no use can hide from it.
 */
class CliUsesPublicApiTest {
  /** Built at run time, so that this test's own class file does not hold the string. */
  private static final List<byte[]> FORBIDDEN =
      Stream.of(String.join("/", "dev", "dateline", "internal", ""), String.join(".", "dev", "dateline", "internal", ""))
          .map(s -> s.getBytes(StandardCharsets.UTF_8))
          .toList();

  @Test
  void noCliClassMentionsTheInternalPackages() throws IOException, URISyntaxException {
    List<Path> classes = cliClassFiles();
    assertThat(classes).extracting(p -> p.getFileName().toString()).contains("Main.class", "SearchCommand.class");
    List<String> offenders = new ArrayList<>();
    for (Path c : classes) {
      byte[] bytes = Files.readAllBytes(c);
      if (FORBIDDEN.stream().anyMatch(needle -> indexOf(bytes, needle) >= 0)) {
        offenders.add(c.toString());
      }
    }
    assertThat(offenders).as("CLI classes that use dev.dateline.internal").isEmpty();
  }

  @Test
  void theCheckFindsAnInternalReference() {
    byte[] classFile = ("\u0001\u0000\u001adev/dateline/internal/Dates" + "xyz").getBytes(StandardCharsets.UTF_8);
    assertThat(FORBIDDEN.stream().anyMatch(n -> indexOf(classFile, n) >= 0)).isTrue();
  }

  /**
   * The class files compiled from src/cli/java: in the class path directory holding {@link Main}
   * (tests compile the CLI sources alongside their own, so only the classes named after a CLI
   * source file count), and in the CLI's own output directory {@code cli-classes} beside it, when
   * the build has made it.
   */
  private static List<Path> cliClassFiles() throws IOException, URISyntaxException {
    Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path sources = Path.of("src", "cli", "java", "dev", "dateline", "cli");
    Set<String> cliTypes;
    try (Stream<Path> s = Files.list(sources)) {
      cliTypes =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".java"))
              .map(n -> n.substring(0, n.length() - ".java".length()))
              .collect(Collectors.toSet());
    }
    assertThat(cliTypes).contains("Main");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(root.resolve("dev/dateline/cli"))) {
      s.filter(p -> cliTypes.contains(topLevelName(p))).forEach(files::add);
    }
    assertThat(files.stream().map(CliUsesPublicApiTest::topLevelName).collect(Collectors.toSet()))
        .as("a class file for every CLI source file")
        .containsAll(cliTypes);
    Path cliClasses = root.resolveSibling("cli-classes").resolve("dev/dateline/cli");
    if (Files.isDirectory(cliClasses)) {
      try (Stream<Path> s = Files.list(cliClasses)) {
        s.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
      }
    }
    return files;
  }

  /** {@code Main} for {@code Main.class} and {@code Main$Failure.class}; "" for other files. */
  private static String topLevelName(Path classFile) {
    String name = classFile.getFileName().toString();
    if (!name.endsWith(".class")) {
      return "";
    }
    name = name.substring(0, name.length() - ".class".length());
    int dollar = name.indexOf('$');
    return dollar < 0 ? name : name.substring(0, dollar);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
