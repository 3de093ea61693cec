package dev.dateline.internal.raw;

import dev.dateline.Article;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the text of a scraped news page into an {@link Article.Builder}. Internal: the public entry
 * point is {@link dev.dateline.RawArticleParser}.
 *
 * <p>The page is read as lines (blank lines and {@link Boilerplate} dropped):
 *
 * <ol>
 *   <li>the first line is the headline; later copies of it are dropped;
 *   <li>a {@link PhotoCredit} line makes the line before it a caption, together with earlier
 *       near-duplicates of that caption ({@link TextSimilarity}); captions are kept once, with
 *       their credit;
 *   <li>before the body: bullet items go to {@code bullets}, a {@link Byline} to byline, authors
 *       and credits;
 *   <li>the first other line starts the body; a {@link Dateline} opening it fills dateline and
 *       credits;
 *   <li>{@link ReportingCredits} lines leave the body and add authors; body lines are assembled
 *       into paragraphs and subheads by {@link ParagraphAssembler};
 *   <li>{@link TrailingCredits} at the end of the last paragraph are moved to credits.
 * </ol>
 */
public final class RawPageParser {
  private static final Pattern BULLET = Pattern.compile("^[•\\-*·▪‣◦–]\\s+(?<item>\\S.*)$");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private final List<String> lines;
  private final boolean[] consumed;
  private final Article.Builder builder = Article.builder();
  private final Set<String> authors = new LinkedHashSet<>();
  private final Set<String> credits = new LinkedHashSet<>();
  private final List<String> captions = new ArrayList<>();

  private RawPageParser(List<String> lines) {
    this.lines = lines;
    this.consumed = new boolean[lines.size()];
  }

  /** Parses {@code text}; never null, possibly a builder with nothing set for an empty page. */
  public static Article.Builder parse(String text) {
    return new RawPageParser(contentLines(text == null ? "" : text)).run();
  }

  /** The non-blank, non-boilerplate lines of the page, trimmed, white space collapsed. */
  static List<String> contentLines(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = SPACES.matcher(raw).replaceAll(" ").strip();
      if (!line.isEmpty() && !Boilerplate.isBoilerplate(line)) {
        out.add(line);
      }
    }
    return out;
  }

  private Article.Builder run() {
    if (lines.isEmpty()) {
      return builder;
    }
    String headline = lines.get(0);
    builder.headline(headline);
    consumed[0] = true;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).equalsIgnoreCase(headline)) {
        consumed[i] = true;
      }
    }
    findCaptions();
    List<String> bodyLines = readPreambleAndBody();
    assembleBody(bodyLines);
    builder.captions(captions).authors(List.copyOf(authors)).credits(List.copyOf(credits));
    return builder;
  }

  private void findCaptions() {
    for (int i = 1; i < lines.size(); i++) {
      if (consumed[i]) {
        continue;
      }
      String line = lines.get(i);
      Optional<String> inline = PhotoCredit.captionWithCredit(line);
      if (inline.isPresent()) {
        consumed[i] = true;
        addCaption(inline.get());
      } else if (PhotoCredit.isCreditLine(line)) {
        consumed[i] = true;
        captionBefore(i, line);
      }
    }
  }

  /**
   * Takes the line before the credit at {@code creditIndex}, and its near-duplicates above it. Pages
   * that print the credit first (the line before it is the headline or already used) get the line
   * after it instead.
   */
  private void captionBefore(int creditIndex, String credit) {
    int j = creditIndex - 1;
    if (!canBeCaption(j)) {
      if (canBeCaption(creditIndex + 1)) {
        consumed[creditIndex + 1] = true;
        addCaption(lines.get(creditIndex + 1) + " " + credit);
      }
      return;
    }
    String caption = lines.get(j);
    consumed[j] = true;
    for (int k = j - 1; k >= 1 && !consumed[k]; k--) {
      if (!TextSimilarity.nearDuplicates(caption, lines.get(k))) {
        break;
      }
      consumed[k] = true;
      caption = lines.get(k); // the first printing wins
    }
    addCaption(caption + " " + credit);
  }

  private boolean canBeCaption(int index) {
    return index >= 1
        && index < lines.size()
        && !consumed[index]
        && !BULLET.matcher(lines.get(index)).matches()
        && !PhotoCredit.isCreditLine(lines.get(index));
  }

  private void addCaption(String caption) {
    for (String known : captions) {
      if (TextSimilarity.nearDuplicates(known, caption)) {
        return;
      }
    }
    captions.add(caption);
  }

  private List<String> readPreambleAndBody() {
    List<String> body = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (consumed[i]) {
        continue;
      }
      String line = lines.get(i);
      var bullet = BULLET.matcher(line);
      Optional<Byline> byline = body.isEmpty() ? Byline.parse(line) : Optional.empty();
      Optional<ReportingCredits> reporting = ReportingCredits.find(line);
      if (byline.isPresent()) {
        addByline(byline.get());
      } else if (reporting.isPresent()) {
        authors.addAll(reporting.get().reporters());
        if (!reporting.get().remainder().isEmpty()) {
          body.add(reporting.get().remainder());
        }
      } else if (body.isEmpty() && bullet.matches()) {
        builder.addBullet(bullet.group("item"));
      } else if (body.isEmpty()) {
        body.add(openingParagraph(line));
      } else {
        body.add(line);
      }
    }
    return body;
  }

  private void addByline(Byline byline) {
    builder.byline(byline.text());
    authors.addAll(byline.authors());
    credits.addAll(byline.agencies());
  }

  /** The first body line, with its dateline (if any) moved to dateline and credits. */
  private String openingParagraph(String line) {
    Optional<Dateline> dateline = Dateline.parse(line);
    if (dateline.isEmpty()) {
      return line;
    }
    builder.dateline(dateline.get().place());
    if (dateline.get().agency() != null) {
      credits.add(dateline.get().agency());
    }
    return dateline.get().rest();
  }

  private void assembleBody(List<String> bodyLines) {
    List<String> work = new ArrayList<>(bodyLines);
    stripTrailingCredits(work);
    ParagraphAssembler.Assembled assembled = ParagraphAssembler.assemble(work);
    List<String> paragraphs = new ArrayList<>(assembled.paragraphs());
    stripTrailingCredits(paragraphs);
    builder.body(paragraphs).subheads(assembled.subheads());
  }

  private void stripTrailingCredits(List<String> paragraphs) {
    if (paragraphs.isEmpty()) {
      return;
    }
    int last = paragraphs.size() - 1;
    Optional<TrailingCredits> trailing = TrailingCredits.find(paragraphs.get(last));
    if (trailing.isEmpty()) {
      return;
    }
    credits.addAll(trailing.get().agencies());
    if (trailing.get().remainder().isEmpty()) {
      paragraphs.remove(last);
    } else {
      paragraphs.set(last, trailing.get().remainder());
    }
  }
}
