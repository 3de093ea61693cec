package dev.dateline.cli;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.RawArticleParser;
import dev.dateline.internal.Dates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Parse a scraped article page (raw text) and print the article and its entities.")
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--published", paramLabel = "ISO", description = "Publication time to set.")
  String published;

  @Option(names = "--json", description = "Print JSON with the index input's field names.")
  boolean json;

  @Parameters(paramLabel = "FILE", description = "A text file holding one scraped page.")
  Path file;

  @Override
  public Integer call() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Main.UsageException("cannot read " + file + ": " + e.getMessage());
    }
    Article.Builder builder = RawArticleParser.parse(text);
    if (published != null) {
      builder.published(Dates.parseArticleDate("--published", published));
    }
    Article parsed = builder.build();
    List<Entity> entities = EntityExtractor.standard().extract(parsed);
    Article article = parsed.toBuilder().entities(entities).build();
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? ArticleFiles.toPrettyJson(article) : describe(article));
    out.flush();
    return Main.EXIT_OK;
  }

  private static String describe(Article a) {
    StringBuilder sb = new StringBuilder();
    line(sb, "headline", a.headline());
    line(sb, "dateline", a.dateline());
    line(sb, "byline", a.byline());
    list(sb, "authors", a.authors());
    list(sb, "credits", a.credits());
    list(sb, "bullets", a.bullets());
    list(sb, "captions", a.captions());
    list(sb, "subheads", a.subheads());
    sb.append("body: ").append(a.body().size()).append(" paragraphs\n");
    for (String p : a.body()) {
      sb.append("  | ").append(p).append('\n');
    }
    sb.append("entities:\n");
    for (Entity e : a.entities()) {
      sb.append(String.format("  %-6s %s (%d)%s%n", e.type().key(), e.name(), e.mentions(),
          e.aliases().isEmpty() ? "" : " aka " + String.join(", ", e.aliases())));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append(name).append(": ").append(value).append('\n');
    }
  }

  private static void list(StringBuilder sb, String name, List<String> values) {
    if (!values.isEmpty()) {
      sb.append(name).append(":\n");
      values.forEach(v -> sb.append("  - ").append(v).append('\n'));
    }
  }
}
