package dev.dateline.internal.raw;

import dev.dateline.Article;
import dev.dateline.internal.raw.ParagraphAssembler.Line;
import java.time.ZoneId;
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
 * <p>The page is read as lines (blank lines and {@link Boilerplate} dropped, each line remembering
 * whether it was indented and whether a blank line came before it; {@link PageDates} lines that
 * carry a label, or stand before the headline, are read and dropped):
 *
 * <ol>
 *   <li>the first line is the headline; later copies of it are dropped;
 *   <li>a {@link PhotoCredit} line makes the line before it a caption, together with earlier
 *       near-duplicates of that caption ({@link TextSimilarity}); captions are kept once, with
 *       their credit;
 *   <li>before the body: bullet items go to {@code bullets}, a {@link Byline} to byline, authors
 *       and credits, a line of dates ({@link PageDates}) to the publication and update times;
 *   <li>the first other line starts the body; a {@link Dateline} opening it, or standing alone on
 *       it, fills dateline and credits;
 *   <li>{@link ReportingCredits} lines leave the body and add authors; body lines are assembled
 *       into paragraphs and subheads by {@link ParagraphAssembler};
 *   <li>a {@link WireSignOff} ({@code Reuter}) and {@link TrailingCredits} at the end of the last
 *       paragraph are moved to credits.
 * </ol>
 */
public final class RawPageParser {
  private static final Pattern BULLET = Pattern.compile("^[•\\-*·▪‣◦–]\\s+(?<item>\\S.*)$");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private final List<Line> lines;
  private final boolean[] consumed;
  private final List<PageDates.PageDate> dates;
  private final ZoneId zone;
  private final Article.Builder builder = Article.builder();
  private final Set<String> authors = new LinkedHashSet<>();
  private final Set<String> credits = new LinkedHashSet<>();
  private final List<String> captions = new ArrayList<>();

  private RawPageParser(List<Line> lines, List<PageDates.PageDate> dates, ZoneId zone) {
    this.lines = lines;
    this.consumed = new boolean[lines.size()];
    this.dates = new ArrayList<>(dates);
    this.zone = zone;
  }

  /** Parses {@code text}; never null, possibly a builder with nothing set for an empty page. */
  public static Article.Builder parse(String text) {
    return parse(text, java.time.ZoneOffset.UTC);
  }

  /**
   * Parses {@code text}, reading times printed without a zone in {@code zone}; never null, possibly
   * a builder with nothing set for an empty page.
   */
  public static Article.Builder parse(String text, ZoneId zone) {
    List<PageDates.PageDate> dates = new ArrayList<>();
    List<Line> lines = contentLines(text == null ? "" : text, dates);
    return new RawPageParser(lines, dates, zone).run();
  }

  /**
   * The non-blank, non-boilerplate lines of the page, trimmed, white space collapsed. Lines of
   * dates with a label ("Published ...") anywhere, and of unlabelled dates above the first line of
   * content, are added to {@code dates} instead.
   */
  static List<Line> contentLines(String text, List<PageDates.PageDate> dates) {
    List<Line> out = new ArrayList<>();
    boolean gap = false;
    for (String raw : text.split("\\R")) {
      String line = SPACES.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty()) {
        gap = true;
        continue;
      }
      // a lower-case line running on from an unfinished one ("... dividend of 25 cts per" / "share
      // on its common ...") is wrapped text, whatever it looks like alone
      boolean runsOn =
          !gap
              && !out.isEmpty()
              && Character.isLowerCase(line.charAt(0))
              && !TextShape.endsSentence(out.get(out.size() - 1).text());
      List<PageDates.PageDate> onLine = runsOn ? List.of() : PageDates.parseLine(line);
      boolean labelled = onLine.stream().anyMatch(d -> d.kind() != PageDates.Kind.UNLABELLED);
      if (!onLine.isEmpty() && (labelled || out.isEmpty())) {
        dates.addAll(onLine);
        gap = true;
      } else if (!runsOn && Boilerplate.isBoilerplate(line)) {
        gap = true;
      } else {
        boolean indented = !raw.isEmpty() && SPACES.matcher(raw.substring(0, 1)).matches();
        out.add(new Line(line, indented, gap));
        gap = false;
      }
    }
    return out;
  }

  private String text(int i) {
    return lines.get(i).text();
  }

  private Article.Builder run() {
    if (lines.isEmpty()) {
      return builder;
    }
    String headline = text(0);
    builder.headline(headline);
    consumed[0] = true;
    for (int i = 1; i < lines.size(); i++) {
      if (text(i).equalsIgnoreCase(headline)) {
        consumed[i] = true;
      }
    }
    findCaptions();
    List<Line> bodyLines = readPreambleAndBody();
    assembleBody(bodyLines);
    builder.captions(captions).authors(List.copyOf(authors)).credits(List.copyOf(credits));
    PageDates.Resolved when = PageDates.resolve(dates, zone);
    builder.published(when.published()).updated(when.updated());
    return builder;
  }

  private void findCaptions() {
    for (int i = 1; i < lines.size(); i++) {
      if (consumed[i]) {
        continue;
      }
      String line = text(i);
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
        addCaption(text(creditIndex + 1) + " " + credit);
      }
      return;
    }
    String caption = text(j);
    consumed[j] = true;
    for (int k = j - 1; k >= 1 && !consumed[k]; k--) {
      if (!TextSimilarity.nearDuplicates(caption, text(k))) {
        break;
      }
      consumed[k] = true;
      caption = text(k); // the first printing wins
    }
    addCaption(caption + " " + credit);
  }

  private boolean canBeCaption(int index) {
    return index >= 1
        && index < lines.size()
        && !consumed[index]
        && !BULLET.matcher(text(index)).matches()
        && !PhotoCredit.isCreditLine(text(index));
  }

  private void addCaption(String caption) {
    for (String known : captions) {
      if (TextSimilarity.nearDuplicates(known, caption)) {
        return;
      }
    }
    captions.add(caption);
  }

  private List<Line> readPreambleAndBody() {
    List<Line> body = new ArrayList<>();
    boolean started = false;
    for (int i = 1; i < lines.size(); i++) {
      if (consumed[i]) {
        continue;
      }
      Line printed = lines.get(i);
      String line = printed.text();
      var bullet = BULLET.matcher(line);
      Optional<Byline> byline = started ? Optional.empty() : Byline.parse(line);
      Optional<ReportingCredits> reporting = ReportingCredits.find(line);
      List<PageDates.PageDate> datesOnLine = started ? List.of() : PageDates.parseLine(line);
      if (byline.isPresent()) {
        addByline(byline.get());
      } else if (!datesOnLine.isEmpty()) {
        dates.addAll(datesOnLine);
      } else if (reporting.isPresent()) {
        authors.addAll(reporting.get().reporters());
        if (!reporting.get().remainder().isEmpty()) {
          body.add(new Line(reporting.get().remainder(), printed.indented(), printed.afterBlank()));
        }
      } else if (!started && bullet.matches()) {
        builder.addBullet(bullet.group("item"));
      } else if (!started) {
        started = true;
        String opening = openingParagraph(line);
        if (!opening.isEmpty()) { // else the dateline stood alone: the story starts on the next line
          body.add(new Line(opening, printed.indented(), printed.afterBlank()));
        }
      } else {
        body.add(printed);
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

  private void assembleBody(List<Line> bodyLines) {
    List<Line> work = new ArrayList<>(bodyLines);
    while (!work.isEmpty()) {
      Line last = work.get(work.size() - 1);
      Optional<String> remainder = stripEnding(last.text());
      if (remainder.isEmpty()) {
        break;
      }
      work.remove(work.size() - 1);
      if (!remainder.get().isEmpty()) {
        work.add(new Line(remainder.get(), last.indented(), last.afterBlank()));
        break;
      }
    }
    ParagraphAssembler.Assembled assembled = ParagraphAssembler.assembleLines(work);
    List<String> paragraphs = new ArrayList<>(assembled.paragraphs());
    if (!paragraphs.isEmpty()) {
      int last = paragraphs.size() - 1;
      Optional<String> remainder = stripEnding(paragraphs.get(last));
      if (remainder.isPresent() && remainder.get().isEmpty()) {
        paragraphs.remove(last);
      } else if (remainder.isPresent()) {
        paragraphs.set(last, remainder.get());
      }
    }
    builder.body(paragraphs).subheads(assembled.subheads());
  }

  /**
   * The text without the wire sign-off and agency credits ending it (credited), or empty when it
   * ends with neither.
   */
  private Optional<String> stripEnding(String text) {
    Optional<String> signedOff = WireSignOff.strip(text);
    String rest = signedOff.orElse(text);
    if (signedOff.isPresent()) {
      credits.add(WireSignOff.AGENCY);
    }
    Optional<TrailingCredits> trailing = rest.isEmpty() ? Optional.empty() : TrailingCredits.find(rest);
    if (trailing.isPresent()) {
      credits.addAll(trailing.get().agencies());
      return Optional.of(trailing.get().remainder());
    }
    return signedOff;
  }
}
