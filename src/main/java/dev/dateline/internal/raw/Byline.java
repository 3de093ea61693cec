package dev.dateline.internal.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byline line: {@code By Jane Doe}, {@code By Jane Doe and John Roe}, {@code By Jane Doe,
 * Reuters}, {@code By Jane Doe, Senior Correspondent}. A sentence that merely starts with "By" ("By
 * the end of the year, ...") is not a byline: the first name listed must look like a person. A byline
 * that names an agency ({@code By keith grant, Reuters.}, {@code By TED d'AFFLISIO, Reuters}) is
 * one even when the names are not capitalised as names usually are.
 *
 * @param text the line as printed
 * @param authors the people named
 * @param agencies canonical names of agencies named ("Reuters")
 */
public record Byline(String text, List<String> authors, List<String> agencies) {
  private static final Pattern BY = Pattern.compile("(?i)by\\s+(?<names>[^.!?]{3,120})\\.?");
  /** Two to five words of letters in any case, for bylines that name an agency. */
  private static final Pattern ANY_CASE_NAME =
      Pattern.compile("[\\p{L}'’.-]+(?:\\s+[\\p{L}'’.-]+){1,4}");
  private static final Set<String> ROLE_WORDS =
      Set.of(
          "correspondent", "reporter", "editor", "writer", "staff", "chief", "bureau", "columnist",
          "analyst", "contributor", "desk", "team", "in");

  public Byline {
    authors = List.copyOf(authors);
    agencies = List.copyOf(agencies);
  }

  /** The byline in {@code line}, if the whole line is one. */
  public static Optional<Byline> parse(String line) {
    Matcher m = BY.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> pieces = NameList.split(m.group("names"));
    boolean namesAgency = pieces.stream().anyMatch(p -> Agencies.canonical(p).isPresent());
    if (pieces.isEmpty() || !looksLikeName(pieces.get(0), namesAgency)) {
      return Optional.empty();
    }
    List<String> authors = new ArrayList<>();
    List<String> agencies = new ArrayList<>();
    for (String piece : pieces) {
      Optional<String> agency = Agencies.canonical(piece);
      if (agency.isPresent()) {
        agencies.add(agency.get());
      } else if (looksLikeName(piece, namesAgency) && !isRole(piece)) {
        authors.add(piece);
      }
    }
    return Optional.of(new Byline(line.strip(), authors, agencies));
  }

  private static boolean looksLikeName(String piece, boolean namesAgency) {
    return NameList.looksLikePersonName(piece)
        || (namesAgency && ANY_CASE_NAME.matcher(piece).matches() && !piece.contains(".."));
  }

  private static boolean isRole(String piece) {
    for (String word : piece.toLowerCase().split("\\s+")) {
      if (ROLE_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
