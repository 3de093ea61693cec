package dev.dateline.internal.raw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * News agencies and wire services, with the forms they are printed in ("Reuters", "REUTERS", "The
 * Associated Press", "AP") and the canonical name Dateline stores in {@code credits}.
 */
public final class Agencies {
  /** Canonical name to printed forms (matched case-insensitively). */
  private static final Map<String, List<String>> FORMS = new LinkedHashMap<>();

  static {
    FORMS.put("Reuters", List.of("Reuters", "Thomson Reuters"));
    FORMS.put("AP", List.of("AP", "Associated Press", "The Associated Press"));
    FORMS.put("AFP", List.of("AFP", "Agence France-Presse", "Agence France Presse"));
    FORMS.put("Bloomberg", List.of("Bloomberg", "Bloomberg News"));
    FORMS.put("dpa", List.of("dpa", "Deutsche Presse-Agentur"));
    FORMS.put("Xinhua", List.of("Xinhua"));
    FORMS.put("Kyodo", List.of("Kyodo", "Kyodo News"));
    FORMS.put("Yonhap", List.of("Yonhap"));
    FORMS.put("Bernama", List.of("Bernama"));
    FORMS.put("Antara", List.of("Antara"));
    FORMS.put("UPI", List.of("UPI", "United Press International"));
    FORMS.put("EFE", List.of("EFE"));
    FORMS.put("ANSA", List.of("ANSA"));
    FORMS.put("TASS", List.of("TASS"));
    FORMS.put("Interfax", List.of("Interfax"));
    FORMS.put("PTI", List.of("PTI", "Press Trust of India"));
    FORMS.put("ANI", List.of("ANI"));
    FORMS.put("ANN", List.of("ANN", "Asia News Network"));
    FORMS.put("The New York Times", List.of("NYTimes", "The New York Times", "New York Times"));
    FORMS.put("The Washington Post", List.of("The Washington Post", "Washington Post"));
  }

  private static final Map<String, String> BY_FORM =
      FORMS.entrySet().stream()
          .flatMap(e -> e.getValue().stream().map(f -> Map.entry(key(f), e.getKey())))
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  /** Upper-case printed forms ("REUTERS", "AFP"), as an alternation for trailing credits. */
  static final String UPPER_CASE_ALTERNATION =
      FORMS.values().stream()
          .flatMap(List::stream)
          .map(f -> f.toUpperCase(Locale.ROOT))
          .distinct()
          .sorted((a, b) -> b.length() - a.length())
          .map(Pattern::quote)
          .collect(Collectors.joining("|"));

  private Agencies() {}

  /** The canonical agency name for a printed form, ignoring case and surrounding space. */
  public static Optional<String> canonical(String printed) {
    return Optional.ofNullable(printed).map(p -> BY_FORM.get(key(p)));
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
