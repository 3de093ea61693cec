package dev.dateline.internal.raw;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises lines of site furniture (newsletter prompts, badges, "AI generated" markers, share
 * buttons, cookie notices, ...) that carry no article content.
 *
 * <p>The known patterns live in ONE place, the resource {@value #RESOURCE}: one regular
 * expression per line, matched case-insensitively against the whole trimmed line. Lines longer
 * than {@link #MAX_LENGTH} characters are never boilerplate, so a loose pattern cannot swallow a
 * real paragraph.
 */
public final class Boilerplate {
  /** Classpath resource holding the patterns. */
  public static final String RESOURCE = "/dev/dateline/raw/boilerplate.txt";

  /** Longest line that can be boilerplate, in characters. */
  public static final int MAX_LENGTH = 160;

  private static final List<Pattern> PATTERNS = load();

  private Boilerplate() {}

  /** Whether {@code line} (trimmed or not) is site furniture rather than article text. */
  public static boolean isBoilerplate(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.length() > MAX_LENGTH) {
      return false;
    }
    for (Pattern p : PATTERNS) {
      if (p.matcher(t).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> load() {
    InputStream in = Boilerplate.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + RESOURCE);
    }
    List<Pattern> patterns = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          patterns.add(
              Pattern.compile(t, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return List.copyOf(patterns);
  }
}
