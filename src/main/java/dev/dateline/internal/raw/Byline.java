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
 * the end of the year, ...") is not a byline: the first name listed must look like a person.
 *
 * @param text the line as printed
 * @param authors the people named
 * @param agencies canonical names of agencies named ("Reuters")
 */
public record Byline(String text, List<String> authors, List<String> agencies) {
  private static final Pattern BY = Pattern.compile("(?i)by\\s+(?<names>[^.!?]{3,120})");
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
    if (pieces.isEmpty() || !NameList.looksLikePersonName(pieces.get(0))) {
      return Optional.empty();
    }
    List<String> authors = new ArrayList<>();
    List<String> agencies = new ArrayList<>();
    for (String piece : pieces) {
      Optional<String> agency = Agencies.canonical(piece);
      if (agency.isPresent()) {
        agencies.add(agency.get());
      } else if (NameList.looksLikePersonName(piece) && !isRole(piece)) {
        authors.add(piece);
      }
    }
    return Optional.of(new Byline(line.strip(), authors, agencies));
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
