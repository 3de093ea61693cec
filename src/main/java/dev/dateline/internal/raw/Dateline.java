package dev.dateline.internal.raw;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dateline opening the first paragraph of a story, or standing alone on the line before it.
 *
 * <p>Forms read:
 *
 * <ul>
 *   <li>web pages: {@code KYIV -}, {@code KYIV —}, {@code FRANKFURT, April 17 (Reuters) -}, {@code
 *       WASHINGTON (AP) —}, {@code BEIRUT, Lebanon (AP) —};
 *   <li>wire copy: {@code NEW YORK, March 3 -}, {@code NEW YORK, MARCH 20 -}, {@code STAMFORD,
 *       Conn., March 4 -}, {@code RICHMOND, Va. Feb 26 -}, {@code omaha, april 7 -}, {@code
 *       AMSTERDAM, 2 March -}, {@code WASHINGTON, March 12, Reuter -}, {@code ****LONDON, March 5
 *       -}, with {@code -}, {@code --} or a dash glued to the date ({@code March 2-}), and with the
 *       story on the same line or starting on the next one ({@code rest} empty).
 * </ul>
 *
 * <p>The place is always the text before the first comma, bracket or dash, as printed (case kept).
 * A place in capitals may stand with a region or alone ({@code TOKYO -}); a place in title or lower
 * case needs a date (a month name, or a misspelling of one at one edit, with a day) or an agency,
 * so that a sentence with a dash ("Washington - the capital - was quiet") is not a dateline.
 *
 * @param place where the story was filed, as printed ("KYIV", "ABU DHABI", "omaha")
 * @param agency canonical agency named in brackets or as {@code , Reuter -} ("Reuters", "AP"), or
 *     null
 * @param rest the paragraph text after the dash; empty when the dateline stands alone on its line
 */
public record Dateline(String place, String agency, String rest) {
  private static final String MONTH =
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}";
  private static final String TAIL =
      "(?:,\\s*(?<region>\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?))??"
          + "(?:,?\\s*(?<date>" + MONTH + "))?"
          + "\\s*(?:\\((?<agency>[^()]{2,40})\\))?"
          + "\\s*(?:--|[-–—])\\s+(?<rest>\\S.*)";
  /** Upper-case place: "KYIV", "ABU DHABI", "ST. PETERSBURG", "KYIV/MOSCOW". */
  private static final String UPPER = "\\p{Lu}(?:[\\p{Lu}\\p{M}'’.]|[ /-](?=\\p{Lu}))+";
  private static final Pattern UPPER_PLACE =
      Pattern.compile("(?<place>" + UPPER + ")" + TAIL, Pattern.DOTALL);
  /** Title-case place, accepted only with an agency or date: "Washington (AP) —". */
  private static final Pattern TITLE_PLACE =
      Pattern.compile(
          "(?<place>\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})" + TAIL, Pattern.DOTALL);

  private static final String DASH = "\\s*(?:--|[-–—])";
  /**
   * Wire form: a place of one to four words in any case, a comma, up to four comma-separated items
   * (region, date, "Reuter"), a dash, then the story or the end of the line.
   */
  private static final Pattern WIRE =
      Pattern.compile(
          "[*\\s]*(?<place>\\p{L}[\\p{L}\\p{M}'’.-]*(?: [\\p{L}\\p{M}'’.-]+){0,3})\\s*,\\s*"
              + "(?<items>[\\p{L}\\d.' ]{1,30}(?:\\s*,\\s*[\\p{L}\\d.' ]{1,30}){0,3})\\s*,?"
              + "(?:\\s+(?:--|[-–—])\\s*(?<rest>\\S.*)?|" + DASH + "(?:\\s+(?<rest2>\\S.*))?)\\s*",
          Pattern.DOTALL);
  /** An upper-case place and a date without a comma: "JOHANNESBURG March 13 -". */
  private static final Pattern UPPER_DATE =
      Pattern.compile(
          "[*\\s]*(?<place>" + UPPER + ")\\s+(?<month>\\p{L}{3,9})\\.?\\s?"
              + "\\d[\\dO]?" + DASH + "(?:\\s+(?<rest>\\S.*))?\\s*",
          Pattern.DOTALL);
  /** An upper-case place alone on its line with only a dash: "TOKYO -". */
  private static final Pattern ALONE =
      Pattern.compile("[*\\s]*(?<place>" + UPPER + ")" + DASH + "\\s*");
  /** A day of the month, allowing the typos of wire copy ("2O", "187"). */
  private static final String DAY = "\\d[\\dO]?\\d?(?:st|nd|rd|th)?";
  private static final Pattern DATE_ITEM =
      Pattern.compile(
          "(?:(?<region>.+?)\\s+)?(?:(?<month>\\p{L}{3,9})\\.?\\s?" + DAY + "|" + DAY
              + "\\s+(?<month2>\\p{L}{3,9})\\.?)");
  private static final Pattern DATE_AFTER_DASH =
      Pattern.compile(
          "(?<month>\\p{L}{3,9})\\.?\\s?" + DAY + DASH + "(?:\\s+(?<rest>\\S.*)|\\s*)", Pattern.DOTALL);
  private static final Pattern REGION_ITEM =
      Pattern.compile("(?:the\\s)?\\p{Lu}[\\p{L}.']*(?:\\s[\\p{L}.']+){0,2}");
  private static final Pattern DAY_ITEM = Pattern.compile("\\d{1,2}");
  private static final Set<String> MONTHS =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec");

  /** Fewer letters than this are an acronym ("US - China talks"), not a place. */
  static final int MIN_PLACE_LETTERS = 3;

  /** The dateline at the start of {@code paragraph}, if it has one. */
  public static Optional<Dateline> parse(String paragraph) {
    Optional<Dateline> web = parseWebForm(paragraph);
    return web.isPresent() ? web : parseWireForm(paragraph);
  }

  private static Optional<Dateline> parseWebForm(String paragraph) {
    Matcher m = UPPER_PLACE.matcher(paragraph);
    if (!m.matches()) {
      m = TITLE_PLACE.matcher(paragraph);
      if (!m.matches() || (m.group("agency") == null && m.group("date") == null)) {
        return Optional.empty();
      }
    }
    String agency = m.group("agency");
    String canonicalAgency = null;
    if (agency != null) {
      Optional<String> known = Agencies.canonical(agency);
      if (known.isEmpty()) {
        return Optional.empty();
      }
      canonicalAgency = known.get();
    }
    String rest = m.group("rest");
    return dateline(m.group("place"), canonicalAgency, m.group("date") == null ? dateAfterDash(rest) : rest);
  }

  /** {@code rest} without a date and dash opening it ("KANSAS CITY, Mo. - March 13 - ..."). */
  private static String dateAfterDash(String rest) {
    Matcher second = DATE_AFTER_DASH.matcher(rest);
    if (second.matches() && isMonth(second.group("month"))) {
      return second.group("rest") == null ? "" : second.group("rest");
    }
    return rest;
  }

  private static Optional<Dateline> parseWireForm(String paragraph) {
    Matcher alone = ALONE.matcher(paragraph);
    if (alone.matches()) {
      return dateline(alone.group("place"), null, "");
    }
    Matcher noComma = UPPER_DATE.matcher(paragraph);
    if (noComma.matches() && isMonth(noComma.group("month"))) {
      String rest = noComma.group("rest");
      return dateline(noComma.group("place"), null, rest == null ? "" : rest);
    }
    Matcher m = WIRE.matcher(paragraph);
    if (!m.matches()) {
      return Optional.empty();
    }
    String place = m.group("place").strip();
    boolean upper = place.equals(place.toUpperCase(Locale.ROOT));
    boolean dated = false;
    String agency = null;
    for (String item : m.group("items").split(",")) {
      String t = item.replaceAll("^[.\\s]+", "").strip();
      if (t.isEmpty()) {
        continue; // "CHICAGO, March 4, -"
      } else if (t.equalsIgnoreCase("reuter") || t.equalsIgnoreCase("reuters")) {
        agency = "Reuters";
      } else if (isDate(t)) {
        dated = true;
      } else if (MONTHS.contains(t.toLowerCase(Locale.ROOT))) {
        dated = true; // "CHICAGO, April -"
      } else if (DAY_ITEM.matcher(t).matches()) {
        // "April, 13": the day of a month given before it
      } else if (!REGION_ITEM.matcher(t).matches()) {
        return Optional.empty();
      }
    }
    if (!dated && agency == null && !upper) {
      return Optional.empty();
    }
    String rest = m.group("rest") != null ? m.group("rest") : m.group("rest2") != null ? m.group("rest2") : "";
    return dateline(place, agency, dated ? rest : dateAfterDash(rest));
  }

  private static boolean isDate(String item) {
    Matcher d = DATE_ITEM.matcher(item);
    if (!d.matches()) {
      return false;
    }
    String region = d.group("region");
    if (region != null && !REGION_ITEM.matcher(region).matches()) {
      return false;
    }
    return isMonth(d.group("month") != null ? d.group("month") : d.group("month2"));
  }

  /**
   * Whether {@code word} names a month: a month name or abbreviation, a truncation of one ("Apri",
   * "Marc"), a name with one extra letter ("Marchg", "Junee"), or a misspelling one edit away
   * ("Narch", "Macrh", "Jne", "ABR").
   */
  static boolean isMonth(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace(".", "");
    if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
      return false;
    }
    if (MONTHS.contains(w)) {
      return true;
    }
    for (String month : MONTHS) {
      boolean name = month.length() >= 4;
      if (name && w.length() >= 3 && month.startsWith(w)) {
        return true;
      }
      if (name && w.length() == month.length() + 1 && w.startsWith(month)) {
        return true;
      }
      boolean comparable = name ? w.length() >= 3 : w.length() == 3; // "Jne", "ABR"
      if (comparable && Math.abs(w.length() - month.length()) <= 1 && editDistance(w, month) <= 1) {
        return true;
      }
    }
    return false;
  }

  /** Optimal string alignment distance (insertions, deletions, substitutions, transpositions). */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static Optional<Dateline> dateline(String printedPlace, String agency, String rest) {
    String place = printedPlace.strip();
    if (place.codePoints().filter(Character::isLetter).count() < MIN_PLACE_LETTERS) {
      return Optional.empty();
    }
    return Optional.of(new Dateline(place, agency, rest.strip()));
  }
}
