package dev.dateline.internal.json;

/** Clean-up applied to every string read from input. */
final class Text {
  private Text() {}

  /**
   * Removes C0 control characters (U+0000..U+001F) other than tab and line feed. Returns {@code s}
   * itself when there is nothing to remove, which is the common case.
   */
  static String stripControls(String s) {
    int n = s.length();
    int first = 0;
    while (first < n && !isStripped(s.charAt(first))) {
      first++;
    }
    if (first == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n - 1);
    out.append(s, 0, first);
    for (int i = first + 1; i < n; i++) {
      char c = s.charAt(i);
      if (!isStripped(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isStripped(char c) {
    return c < 0x20 && c != '\n' && c != '\t';
  }
}
