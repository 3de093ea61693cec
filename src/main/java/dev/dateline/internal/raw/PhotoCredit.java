package dev.dateline.internal.raw;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Photo credit lines ({@code PHOTO: REUTERS}, {@code ST PHOTO: LIM YAOHUI}, {@code Photo: Getty
 * Images}, {@code (Photo by Jane Doe/AFP)}) and captions that carry their credit on the same line.
 */
final class PhotoCredit {
  private static final String LABEL =
      "(?:file\\s+)?(?:photos?|photograph|picture|image|video|credit)";
  /** A whole line that is only a credit, optionally prefixed by a short outlet tag ("ST"). */
  private static final Pattern CREDIT_LINE =
      Pattern.compile(
          "(?i)(?:\\p{L}{1,6}\\s+)?" + LABEL + "\\s*:\\s*\\S.{0,80}"
              + "|\\(?(?:photo|picture|image)s?\\s+(?:by|courtesy of)\\s+[^.!?]{2,80}\\)?");
  /** A caption ending in a sentence, followed by an upper-case credit ("... Kyiv. PHOTO: AFP"). */
  private static final Pattern CAPTION_WITH_CREDIT =
      Pattern.compile(
          "(?<caption>.+?[.!?)”\"’])\\s+(?<credit>(?:\\p{Lu}{1,6}\\s+)?(?:FILE\\s+)?"
              + "(?:PHOTOS?|PICTURE|Photos?|Picture|File photo)\\s*:\\s*\\S.{0,80})");

  private PhotoCredit() {}

  /** Whether the whole line is a photo credit. */
  static boolean isCreditLine(String line) {
    return CREDIT_LINE.matcher(line.strip()).matches();
  }

  /** The caption and credit of a line that carries both, joined by one space. */
  static Optional<String> captionWithCredit(String line) {
    Matcher m = CAPTION_WITH_CREDIT.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group("caption").strip() + " " + m.group("credit").strip());
  }
}
