package dev.dateline.cli;

import dev.dateline.Article;
import dev.dateline.ArticleFiles;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.InvalidArticleException;
import dev.dateline.RawArticleParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse a scraped page and print the article and its entities.",
      "FILE is the raw text of one page; - reads it from standard input, and a",
      "FILE ending in .gz is decompressed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure",
      "2:usage error: unreadable FILE, invalid --published, a page without headline or body"
    })
final class ParseCommand implements Callable<Integer> {
  /** Longest page read (as for .txt input files). */
  private static final int MAX_BYTES = ArticleFiles.MAX_RECORD_LENGTH;

  @Spec CommandSpec spec;
  @ParentCommand Main main;

  @Option(names = "--published", paramLabel = "ISO", description = "Publication time to set.")
  String published;

  @Option(names = "--json", description = "Print JSON with the index input's field names.")
  boolean json;

  @Parameters(paramLabel = "FILE", description = "A text file holding one scraped page, or - for standard input.")
  String file;

  @Override
  public Integer call() {
    String text = read();
    Article.Builder builder = RawArticleParser.parse(text);
    if (published != null) {
      try {
        builder.published(published);
      } catch (InvalidArticleException e) {
        throw new Main.UsageException("--published: " + e.reason());
      }
    }
    Article parsed = builder.build();
    List<Entity> entities = EntityExtractor.standard().extract(parsed);
    Article article = parsed.toBuilder().entities(entities).build();
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Output.json(article, entities) : Output.describe(article, false).stripTrailing());
    out.flush();
    return Main.EXIT_OK;
  }

  private String read() {
    boolean stdin = file.equals("-");
    String name = stdin ? "standard input" : file;
    byte[] bytes;
    try (InputStream raw = stdin ? main.in : Files.newInputStream(Path.of(file));
        InputStream in = file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (e instanceof java.nio.file.NoSuchFileException) {
        why = "no such file";
      }
      throw new Main.UsageException("cannot read " + name + ": " + why);
    } catch (java.nio.file.InvalidPathException e) {
      throw new Main.UsageException("cannot read " + name + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new Main.UsageException(name + " is larger than " + MAX_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Main.UsageException("cannot read " + name + ": not valid UTF-8");
    }
  }
}
