package dev.dateline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A search hit's snippet in plain form: the article's own text, unescaped, with the spans that
 * matched the query given as character offsets. For rendering snippets in something other than
 * HTML (a terminal, a native widget, another markup language); for HTML use {@link #html()}, which
 * is what {@link SearchHit#snippet()} returns.
 *
 * <p>{@link #text()} is the passage(s) of body or bullets that best match, with runs of white space
 * (line and paragraph breaks included) collapsed to one space and {@value #ELLIPSIS} between
 * passages that are not adjacent in the article; or the opening of the article when nothing matched
 * there. It is exactly as the article has it otherwise: it may contain {@code <}, {@code &} or
 * anything else, and must be escaped by whoever renders it.
 *
 * @param text the snippet text, plain (not escaped)
 * @param matches the spans of {@code text} that matched the query: in order, not overlapping, each
 *     within {@code text}; empty when nothing matched
 * @param pre the marker {@link #html()} puts before each match (the index's {@link
 *     NewsIndex.Options.Builder#highlightTags highlight tags}, default {@code <em>})
 * @param post the marker {@link #html()} puts after each match (default {@code </em>})
 */
public record Snippet(String text, List<Snippet.Match> matches, String pre, String post) {

  /** What separates two passages of {@link #text()} that are not adjacent in the article. */
  public static final String ELLIPSIS = " … ";

  /**
   * A matched span of a snippet's text.
   *
   * @param start offset of the first character of the match in {@link Snippet#text()}
   * @param end offset just past the last character of the match (exclusive), so the match is
   *     {@code text.substring(start, end)}
   */
  public record Match(int start, int end) {
    /**
     * Checks the span.
     *
     * @throws IllegalArgumentException if {@code start} is negative or {@code end} is not after it
     */
    public Match {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("invalid match span [" + start + ", " + end + ")");
      }
    }
  }

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException if a match lies outside {@code text}, or the matches are out
   *     of order or overlap
   * @throws NullPointerException if any part is null
   */
  public Snippet {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(pre, "pre");
    Objects.requireNonNull(post, "post");
    matches = List.copyOf(matches);
    int previousEnd = 0;
    for (Match m : matches) {
      if (m.start() < previousEnd || m.end() > text.length()) {
        throw new IllegalArgumentException(
            "match [" + m.start() + ", " + m.end() + ") overlaps the previous match or lies outside"
                + " the text (length " + text.length() + ")");
      }
      previousEnd = m.end();
    }
  }

  /**
   * The matched parts of {@link #text()}, in order (one string per {@link Match}), as the article
   * has them (not escaped).
   *
   * @return a new list, empty when nothing matched
   */
  public List<String> matchedText() {
    List<String> out = new ArrayList<>(matches.size());
    for (Match m : matches) {
      out.add(text.substring(m.start(), m.end()));
    }
    return out;
  }

  /**
   * The snippet as HTML: {@link #text()} HTML-escaped, with {@link #pre()} and {@link #post()}
   * around each match. Safe to insert into an HTML element or a quoted attribute value: the only
   * markup in it is the markers; the article's own text cannot add any (nor forge or close a
   * marker) because {@code &}, {@code <}, {@code >}, {@code "} and {@code '} are escaped as {@code
   * &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;} and {@code &#39;}.
   *
   * @return the same string as {@link SearchHit#snippet()}
   */
  public String html() {
    return html(pre, post);
  }

  /**
   * The snippet as HTML with other markers: like {@link #html()}, with {@code pre} and {@code post}
   * (inserted as they are, not escaped) around each match.
   *
   * @param pre inserted before each match
   * @param post inserted after each match
   * @return the escaped text with the markers
   */
  public String html(String pre, String post) {
    StringBuilder sb = new StringBuilder(text.length() + matches.size() * (pre.length() + post.length()) + 16);
    int pos = 0;
    for (Match m : matches) {
      escape(text, pos, m.start(), sb);
      sb.append(pre);
      escape(text, m.start(), m.end(), sb);
      sb.append(post);
      pos = m.end();
    }
    escape(text, pos, text.length(), sb);
    return sb.toString();
  }

  /** Appends {@code s[from, to)} HTML-escaped. */
  private static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
