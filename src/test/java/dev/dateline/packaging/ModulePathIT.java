package dev.dateline.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jars as users get them (run by Failsafe after {@code package}): the library jar is
 * the module {@code dev.dateline}, exporting only the API package, and holds the library only; a
 * modular application that {@code requires dev.dateline} compiles and runs on the module path with
 * nothing but the library's runtime dependencies (no CLI-only jar); and the CLI jar holds the tool.
 */
class ModulePathIT {
  private static Path libraryJar;
  private static Path cliJar;
  private static List<Path> dependencies;

  @BeforeAll
  static void locateJars() {
    libraryJar = Path.of(property("dateline.jar"));
    cliJar = Path.of(property("dateline.cliJar"));
    dependencies = new ArrayList<>();
    for (String entry : property("dateline.dependencies").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        dependencies.add(Path.of(entry));
      }
    }
    assertThat(libraryJar).isRegularFile();
    assertThat(cliJar).isRegularFile();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (set by the pom for Failsafe)", name).isNotNull();
    return value;
  }

  @Test
  void libraryJarIsTheModuleDevDatelineExportingOnlyTheApi() {
    ModuleReference ref =
        ModuleFinder.of(libraryJar).findAll().stream().findFirst().orElseThrow();
    ModuleDescriptor module = ref.descriptor();
    assertThat(module.name()).isEqualTo("dev.dateline");
    assertThat(module.isAutomatic()).isFalse();
    assertThat(module.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("dev.dateline");
    assertThat(module.exports()).allMatch(e -> !e.isQualified());
    assertThat(module.opens()).isEmpty();
    assertThat(module.packages()).contains("dev.dateline.internal.index").doesNotContain("dev.dateline.cli");
  }

  @Test
  void libraryJarHoldsNoCliClassesNoDemoDataAndNoCliDependencies() throws IOException {
    try (JarFile jar = new JarFile(libraryJar.toFile())) {
      Set<String> names = jar.stream().map(e -> e.getName()).collect(Collectors.toSet());
      assertThat(names).contains("dev/dateline/NewsIndex.class", "module-info.class");
      assertThat(names).noneMatch(n -> n.startsWith("dev/dateline/cli/"));
      assertThat(names).noneMatch(n -> n.contains("demo-articles"));
      assertThat(names).noneMatch(n -> n.startsWith("picocli/") || n.startsWith("com/fasterxml/"));
      assertThat(names).noneMatch(n -> n.startsWith("org/jfree/"));
    }
    assertThat(dependencies)
        .extracting(p -> p.getFileName().toString())
        .noneMatch(n -> n.startsWith("picocli") || n.startsWith("jackson-databind") || n.contains("jfree"));
  }

  @Test
  void cliJarHoldsTheToolItsDemoDataAndItsDependencies() throws IOException {
    try (JarFile jar = new JarFile(cliJar.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.dateline.cli.Main");
      Set<String> names = jar.stream().map(e -> e.getName()).collect(Collectors.toSet());
      assertThat(names)
          .contains(
              "dev/dateline/cli/Main.class",
              "dev/dateline/cli/demo-articles.jsonl",
              "dev/dateline/NewsIndex.class",
              "picocli/CommandLine.class",
              "org/jfree/chart/JFreeChart.class",
              "org/jfree/svg/SVGGraphics2D.class",
              "META-INF/services/org.apache.lucene.codecs.Codec");
      assertThat(names).doesNotContain("module-info.class");
    }
  }

  @Test
  void modularApplicationRequiringDevDatelineCompilesAndRuns(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    write(
        src.resolve("module-info.java"),
        """
        module consumer {
          requires dev.dateline;
        }
        """);
    write(
        src.resolve("consumer/Main.java"),
        """
        package consumer;

        import dev.dateline.Article;
        import dev.dateline.IndexFields;
        import dev.dateline.NewsIndex;
        import dev.dateline.NewsQuery;
        import dev.dateline.SearchResults;

        public final class Main {
          public static void main(String[] args) {
            try (NewsIndex index = NewsIndex.inMemory()) {
              index.add(Article.builder()
                  .url("https://example.com/world/talks")
                  .source("Harbour Daily")
                  .headline("Peace talks resume in Geneva")
                  .bodyText("GENEVA - Envoys resumed talks on Tuesday. Volodymyr Zelensky spoke.")
                  .published("2026-02-10T09:15:00Z")
                  .build());
              index.commit();
              index.refresh();
              SearchResults r = index.search(NewsQuery.builder().text("peace talks").person("zelenskyy").build());
              System.out.println(r.total() + " " + r.hits().get(0).headline());
              // The advanced API hands out Lucene types, readable through requires transitive.
              org.apache.lucene.search.Query bySource = IndexFields.newSourceQuery("Harbour Daily");
              long filtered = index.count(NewsQuery.builder().text("talks").filter(bySource).build());
              long all = index.withSearcher(
                  s -> (long) s.count(org.apache.lucene.search.MatchAllDocsQuery.INSTANCE));
              System.out.println(filtered + " " + all + " " + bySource.getClass().getModule().getName());
            }
            // Compact storage writes segments with Dateline's codec, which Lucene finds by name
            // (the module provides it) when the index is opened again.
            java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
            try (NewsIndex index = NewsIndex.open(dir, NewsIndex.Options.builder().compactStorage(true).build())) {
              index.add(Article.builder().id("c1").headline("Compact storage").bodyText("Stored with DEFLATE.").build());
            }
            try (NewsIndex index = NewsIndex.openReadOnly(dir)) {
              System.out.println("compact " + index.get("c1").orElseThrow().body());
            }
          }
        }
        """);
    Path classes = dir.resolve("classes");
    String modulePath = modulePath(libraryJar);
    CompileResult compiled = compile(modulePath, classes, src);
    assertThat(compiled.ok()).as(compiled.output()).isTrue();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "--module-path",
                modulePath + File.pathSeparator + classes,
                "-m",
                "consumer/consumer.Main",
                dir.resolve("compact-index").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("1 Peace talks resume in Geneva").contains("1 1 org.apache.lucene.core")
        .contains("compact [Stored with DEFLATE.]");
    assertThat(out).doesNotContain("Exception", "NoClassDefFoundError");
  }

  @Test
  void modularApplicationCannotReachInternalPackages(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("module-info.java"), "module sneaky { requires dev.dateline; }\n");
    write(
        src.resolve("sneaky/Main.java"),
        """
        package sneaky;

        public final class Main {
          Object schema = dev.dateline.internal.index.Schema.class;
        }
        """);
    CompileResult compiled = compile(modulePath(libraryJar), dir.resolve("classes"), src);
    assertThat(compiled.ok()).isFalse();
    assertThat(compiled.output()).contains("dev.dateline.internal.index").contains("not visible");
  }

  private record CompileResult(boolean ok, String output) {}

  private static CompileResult compile(String modulePath, Path classes, Path src) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("the integration tests need a JDK (javac), not a JRE").isNotNull();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", modulePath));
    try (var files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = javac.run(null, err, err, args.toArray(String[]::new));
    return new CompileResult(status == 0, err.toString(StandardCharsets.UTF_8));
  }

  private static String modulePath(Path library) {
    List<String> entries = new ArrayList<>();
    entries.add(library.toString());
    dependencies.forEach(d -> entries.add(d.toString()));
    return String.join(File.pathSeparator, entries);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
