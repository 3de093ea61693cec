package dev.dateline.internal.raw;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dateline opening the first paragraph of a story: {@code KYIV -}, {@code KYIV —}, {@code
 * FRANKFURT, April 17 (Reuters) -}, {@code WASHINGTON (AP) —}, {@code BEIRUT, Lebanon (AP) —}.
 *
 * @param place where the story was filed, as printed ("KYIV", "ABU DHABI")
 * @param agency canonical agency named in brackets ("Reuters", "AP"), or null
 * @param rest the paragraph text after the dash
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
  private static final Pattern UPPER_PLACE =
      Pattern.compile(
          "(?<place>\\p{Lu}(?:[\\p{Lu}\\p{M}'’.]|[ /-](?=\\p{Lu}))+)" + TAIL, Pattern.DOTALL);
  /** Title-case place, accepted only with an agency or date: "Washington (AP) —". */
  private static final Pattern TITLE_PLACE =
      Pattern.compile(
          "(?<place>\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})" + TAIL, Pattern.DOTALL);

  /** Fewer letters than this are an acronym ("US - China talks"), not a place. */
  static final int MIN_PLACE_LETTERS = 3;

  /** The dateline at the start of {@code paragraph}, if it has one. */
  public static Optional<Dateline> parse(String paragraph) {
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
    String place = m.group("place").strip();
    if (place.codePoints().filter(Character::isLetter).count() < MIN_PLACE_LETTERS) {
      return Optional.empty();
    }
    return Optional.of(new Dateline(place, canonicalAgency, m.group("rest").strip()));
  }
}
