package dev.dateline.internal.search;

import dev.dateline.InvalidQueryException;
import dev.dateline.QueryLimits;
import dev.dateline.SearchField;
import dev.dateline.internal.Dates;
import dev.dateline.internal.search.QueryNode.And;
import dev.dateline.internal.search.QueryNode.Boosted;
import dev.dateline.internal.search.QueryNode.Filter;
import dev.dateline.internal.search.QueryNode.FilterKind;
import dev.dateline.internal.search.QueryNode.Fuzzy;
import dev.dateline.internal.search.QueryNode.Not;
import dev.dateline.internal.search.QueryNode.Required;
import dev.dateline.internal.search.QueryNode.Or;
import dev.dateline.internal.search.QueryNode.Phrase;
import dev.dateline.internal.search.QueryNode.Prefix;
import dev.dateline.internal.search.QueryNode.Ranked;
import dev.dateline.internal.search.QueryNode.Term;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the user query syntax into a {@link QueryNode} tree.
 *
 * <pre>
 * query    := or
 * or       := and ( ("OR" | "||") and )*
 * and      := unary ( ("AND" | "&amp;&amp;")? unary )*      juxtaposition = the default operator
 * unary    := ("NOT" | "-" | "!") unary | "+"? primary
 * primary  := ( "(" or ")" | NAME ":" value | value ) boost?
 * value    := WORD | WORD "*" | WORD "~" [0-2]? | QUOTE phrase QUOTE ( "~" [0-9]+ )?
 * boost    := "^" NUMBER                             (0 &lt; NUMBER &lt;= MAX_BOOST)
 * </pre>
 *
 * When the default operator is OR, juxtaposition binds like OR. Field names are case-insensitive;
 * a {@code name:} prefix that is not a known field or filter is part of the word ({@code Trump:},
 * {@code https://example.com}). Phrases are quoted with {@code "..."}, or with typographic quotes
 * {@code “...”}, {@code ‘...’} or {@code „...“} (a typographic opening quote that is never closed
 * is text). Backslash escapes any character. Errors are {@link InvalidQueryException}s with the
 * position of the problem. Limits: {@link QueryLimits}.
 *
 * <p>{@link #parsePlain} reads text pasted into a search box instead, and never fails.
 */
public final class QueryParser {

  /** The largest phrase proximity ({@code "a b"~10}). */
  public static final int MAX_SLOP = 10;

  /** The largest boost ({@code talks^100}). */
  public static final float MAX_BOOST = 100f;

  private final String text;
  private final boolean defaultAnd;
  private final boolean ranked;
  private final QueryLimits limits;
  private int pos;
  private int depth;
  private int clauses;

  private QueryParser(String text, boolean defaultAnd, boolean ranked, QueryLimits limits) {
    this.text = text;
    this.defaultAnd = defaultAnd || ranked; // the ranked mode has the AND grammar
    this.ranked = ranked;
    this.limits = limits;
  }

  /**
   * Parses {@code text}. Returns null when there is nothing to search for (blank text).
   *
   * @param defaultAnd whether juxtaposed terms must all match (true) or any (false)
   * @throws InvalidQueryException on a syntax error or a query beyond {@code limits}
   */
  public static QueryNode parse(String text, boolean defaultAnd, QueryLimits limits) {
    return parse(text, defaultAnd, false, limits);
  }

  /**
   * Parses {@code text}; with {@code ranked}, juxtaposed clauses form a {@link Ranked} group (the
   * grammar is AND's: juxtaposition binds tighter than OR), and {@code defaultAnd} is ignored.
   *
   * @throws InvalidQueryException on a syntax error or a query beyond {@code limits}
   */
  public static QueryNode parse(
      String text, boolean defaultAnd, boolean ranked, QueryLimits limits) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > limits.maxLength()) {
      throw new InvalidQueryException(
          "query is too long: " + text.length() + " characters, the limit is " + limits.maxLength());
    }
    QueryParser p = new QueryParser(text, defaultAnd, ranked, limits);
    QueryNode node = p.parseOr(null);
    p.skipSpace();
    if (p.pos < text.length()) {
      char c = text.charAt(p.pos);
      if (c == ')') {
        throw new InvalidQueryException("unbalanced parenthesis: ')' has no matching '('", p.pos);
      }
      throw new InvalidQueryException("unexpected '" + c + "'", p.pos);
    }
    return node;
  }

  /**
   * Reads text pasted into a search box: words and quoted phrases ({@code "..."}, {@code “...”},
   * {@code ‘...’}, {@code „...“}) only, joined by the default operator, and never fails. A word
   * or phrase right after {@code -} is excluded and one after {@code +} required ({@code --x} is
   * the word); {@code name:value} with a
   * known field ({@code headline:talks}) or filter ({@code person:"Rustem Umerov"}, {@code
   * after:2026-02}, if the date is a date) keeps its meaning. The classic proximity and boost
   * suffixes keep theirs where they are well formed: {@code "peace talks"~3} (0 to {@link
   * #MAX_SLOP} right after a phrase), {@code talks^2} and {@code "peace talks"^0.5} (above 0, at
   * most {@link #MAX_BOOST}, ending the word or phrase; not on filters). Everything else is text:
   * {@code AND}, {@code OR}, {@code NOT}, parentheses, {@code *}, a {@code ~} or {@code ^} that
   * is not such a suffix, backslashes, unknown
   * {@code name:} prefixes, URLs and quotes that are never closed. Text beyond {@code limits} is
   * ignored rather than rejected: characters after {@link QueryLimits#maxLength()} and clauses
   * after {@link QueryLimits#maxClauses()}.
   *
   * @return the query, or null when there is nothing to search for (blank text)
   */
  public static QueryNode parsePlain(
      String text, boolean defaultAnd, boolean ranked, QueryLimits limits) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > limits.maxLength()) {
      text = text.substring(0, limits.maxLength());
    }
    List<QueryNode> clauses = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n && clauses.size() < limits.maxClauses()) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char sign = 0;
      char c = text.charAt(i);
      if ((c == '-' || c == '+') && i + 1 < n && !isSpace(text.charAt(i + 1))
          && text.charAt(i + 1) != '-' && text.charAt(i + 1) != '+') {
        sign = c;
        i++;
      }
      QueryNode node;
      int close = plainClose(text, i);
      if (close >= 0) {
        String phrase = text.substring(i + 1, close);
        i = close + 1;
        node = phrase.isBlank() ? new Term(null, text.substring(close - phrase.length() - 1, i))
            : new Phrase(null, phrase);
      } else {
        int end = i;
        while (end < n && !isSpace(text.charAt(end)) && (end == i || plainClose(text, end) < 0)) {
          end++;
        }
        String word = text.substring(i, end);
        i = end;
        int caret = word.lastIndexOf('^');
        float boost = caret > 0 && end == wordEnd(text, end) ? plainBoost(word.substring(caret + 1)) : 0;
        PlainWord read = boost > 0 ? plainWord(word.substring(0, caret), text, end) : null;
        if (read == null || read.node() instanceof Filter) {
          read = plainWord(word, text, end);
        } else {
          read = new PlainWord(new Boosted(read.node(), boost), read.end());
        }
        node = read.node();
        i = read.end();
      }
      if (node instanceof Phrase phrase && i < n && text.charAt(i) == '~') {
        int slopEnd = i + 1;
        while (slopEnd < n && isAsciiDigit(text.charAt(slopEnd)) && slopEnd - i <= 2) {
          slopEnd++;
        }
        if (slopEnd > i + 1 && (slopEnd == n || isSpace(text.charAt(slopEnd)) || text.charAt(slopEnd) == '^')
            && Integer.parseInt(text.substring(i + 1, slopEnd)) <= MAX_SLOP) {
          node = new Phrase(phrase.field(), phrase.text(), Integer.parseInt(text.substring(i + 1, slopEnd)));
          i = slopEnd;
        }
      }
      if (node instanceof Phrase && i < n && text.charAt(i) == '^') {
        int boostEnd = wordEnd(text, i);
        float boost = plainBoost(text.substring(i + 1, boostEnd));
        if (boost > 0) {
          node = new Boosted(node, boost);
          i = boostEnd;
        }
      }
      clauses.add(sign == '-' ? new Not(node) : sign == '+' ? new Required(node) : node);
    }
    if (clauses.isEmpty()) {
      return null;
    }
    if (clauses.size() == 1) {
      return clauses.get(0);
    }
    return ranked ? new Ranked(clauses) : defaultAnd ? new And(clauses) : new Or(clauses);
  }

  /** A node of the plain syntax and where its text ends. */
  private record PlainWord(QueryNode node, int end) {}

  /**
   * One unquoted word of the plain syntax, ending at {@code end} in {@code text}: a known field or
   * filter with its value ({@code name:} followed by a quoted value takes that value, and ends
   * after its closing quote), else the word itself as text.
   */
  private static PlainWord plainWord(String word, String text, int end) {
    int colon = word.indexOf(':');
    String name = colon > 0 ? word.substring(0, colon) : "";
    if (colon > 0 && name.chars().allMatch(ch -> isAsciiLetter((char) ch)) && isKnownName(name)) {
      String value = word.substring(colon + 1);
      int valueClose = value.isEmpty() ? plainClose(text, end) : -1;
      boolean phrase = valueClose >= 0;
      QueryNode node = plainFielded(name, phrase ? text.substring(end + 1, valueClose) : value, phrase);
      if (node != null) {
        return new PlainWord(node, phrase ? valueClose + 1 : end);
      }
    }
    return new PlainWord(new Term(null, word), end);
  }

  /** Where the word that continues at {@code at} ends: at a space or the end of the text. */
  private static int wordEnd(String text, int at) {
    int end = at;
    while (end < text.length() && !isSpace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * A boost written after {@code ^} in the plain syntax: a number above 0 and at most {@link
   * #MAX_BOOST} ({@code 2}, {@code 0.5}); 0 if {@code digits} is anything else, which then stays
   * text.
   */
  private static float plainBoost(String digits) {
    if (!digits.matches("[0-9]{1,3}(\\.[0-9]{1,3})?")) {
      return 0;
    }
    float boost = Float.parseFloat(digits);
    return boost > 0 && boost <= MAX_BOOST ? boost : 0;
  }

  /** Where a quote at {@code at} closes, for the plain syntax (no escapes); or -1. */
  private static int plainClose(String text, int at) {
    if (at >= text.length()) {
      return -1;
    }
    char c = text.charAt(at);
    if (c == '"') {
      return text.indexOf('"', at + 1);
    }
    return closers(c) == null ? -1 : closingQuote(text, at);
  }

  /** A known field or filter with its value in the plain syntax; null if the value does not fit. */
  private static QueryNode plainFielded(String name, String value, boolean phrase) {
    if (value.isBlank()) {
      return null;
    }
    SearchField field = SearchField.byKey(name);
    if (field != null) {
      return phrase ? new Phrase(field, value) : new Term(field, value);
    }
    FilterKind filter = FilterKind.byKey(name);
    if (filter == FilterKind.AFTER || filter == FilterKind.BEFORE) {
      try {
        Dates.parseFilterBound(name + ":", value, ZoneOffset.UTC, Clock.systemUTC());
      } catch (RuntimeException e) {
        return null;
      }
    }
    return new Filter(filter, value);
  }

  // ------------------------------------------------------------------ grammar

  private QueryNode parseOr(SearchField field) {
    List<QueryNode> parts = new ArrayList<>();
    parts.add(parseAnd(field));
    while (true) {
      skipSpace();
      if (atOperator("OR") || atSymbol("||")) {
        int opPos = pos;
        pos += 2;
        requireOperand("OR", opPos);
        parts.add(parseAnd(field));
      } else if (!defaultAnd && startsOperand()) {
        parts.add(parseAnd(field));
      } else {
        break;
      }
    }
    return parts.size() == 1 ? parts.get(0) : new Or(parts);
  }

  private QueryNode parseAnd(SearchField field) {
    List<QueryNode> juxtaposed = new ArrayList<>(); // ranked mode: the groups joined by spaces
    List<QueryNode> parts = new ArrayList<>(); // joined by AND (explicit, or the default)
    parts.add(parseUnary(field));
    while (true) {
      skipSpace();
      if (atOperator("AND") || atSymbol("&&")) {
        int opPos = pos;
        pos += atSymbol("&&") ? 2 : 3;
        requireOperand("AND", opPos);
        parts.add(parseUnary(field));
      } else if (defaultAnd && startsOperand()) {
        if (ranked) {
          juxtaposed.add(and(parts));
          parts = new ArrayList<>();
        }
        parts.add(parseUnary(field));
      } else {
        break;
      }
    }
    if (juxtaposed.isEmpty()) {
      return and(parts);
    }
    juxtaposed.add(and(parts));
    return new Ranked(juxtaposed);
  }

  private static QueryNode and(List<QueryNode> parts) {
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  private QueryNode parseUnary(SearchField field) {
    skipSpace();
    if (pos >= text.length()) {
      throw new InvalidQueryException("the query ends where a word was expected", pos);
    }
    char c = text.charAt(pos);
    int start = pos;
    if (atOperator("AND") || atOperator("OR") || atSymbol("&&") || atSymbol("||")) {
      throw new InvalidQueryException(
          "'" + text.substring(pos, atOperator("AND") ? pos + 3 : pos + 2)
              + "' needs something to its left (to search for the word, write it in lower case or quote it)",
          pos);
    }
    boolean negate = false;
    boolean required = false;
    if (atOperator("NOT")) {
      pos += 3;
      negate = true;
    } else if ((c == '-' || c == '!') && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
      pos++;
      negate = true;
    } else if (c == '+' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
      pos++;
      required = true;
    }
    if (required) {
      enter(start);
      QueryNode inner = parseUnary(field);
      depth--;
      return inner instanceof Required || inner instanceof Not ? inner : new Required(inner);
    }
    if (negate) {
      requireOperand("NOT", start);
      enter(start);
      QueryNode inner = parseUnary(field);
      depth--;
      return new Not(inner);
    }
    return parsePrimary(field);
  }

  private QueryNode parsePrimary(SearchField field) {
    QueryNode node = parseUnboosted(field);
    int end = boostEnd(pos);
    if (end < 0) {
      return node;
    }
    int at = pos;
    float boost;
    try {
      boost = Float.parseFloat(text.substring(pos + 1, end));
    } catch (NumberFormatException e) {
      boost = Float.NaN;
    }
    if (!(boost > 0) || boost > MAX_BOOST) {
      throw new InvalidQueryException(
          "a boost must be a number above 0 and at most " + (int) MAX_BOOST, at);
    }
    pos = end;
    return boost(node, boost);
  }

  /** Boosts a node; a boost on {@code +x} or {@code NOT x} goes on {@code x}. */
  private static QueryNode boost(QueryNode node, float boost) {
    return switch (node) {
      case Required r -> new Required(boost(r.clause(), boost));
      case Not n -> new Not(boost(n.clause(), boost));
      default -> new Boosted(node, boost);
    };
  }

  /**
   * Where a boost ({@code ^2}, {@code ^0.5}) starting at {@code at} ends, if there is one there
   * that is followed by the end of the text or a terminator; otherwise -1.
   */
  private int boostEnd(int at) {
    if (at >= text.length() || text.charAt(at) != '^') {
      return -1;
    }
    int i = at + 1;
    int digits = 0;
    while (i < text.length() && isAsciiDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      i++;
      while (i < text.length() && isAsciiDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0 || (i < text.length() && !isTerminator(text.charAt(i)))) {
      return -1;
    }
    return i;
  }

  private QueryNode parseUnboosted(SearchField field) {
    skipSpace();
    int start = pos;
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      enter(start);
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ')') {
        throw new InvalidQueryException("empty group '()'", start);
      }
      QueryNode inner = parseOr(field);
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) != ')') {
        throw new InvalidQueryException("unbalanced parenthesis: '(' is never closed", start);
      }
      pos++;
      depth--;
      return inner;
    }
    if (c == ')') {
      throw new InvalidQueryException("unbalanced parenthesis: ')' has no matching '('", pos);
    }
    if (phraseAhead()) {
      String phrase = readPhrase();
      return countClause(new Phrase(field, phrase, readSlop()), start);
    }
    if (c == '/') {
      throw new InvalidQueryException(
          "regular expressions are not supported; quote the text to search for it literally", pos);
    }
    // A field or filter prefix?
    int nameEnd = pos;
    while (nameEnd < text.length() && isAsciiLetter(text.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd > pos && nameEnd < text.length() && text.charAt(nameEnd) == ':'
        && isKnownName(text.substring(pos, nameEnd))) {
      String name = text.substring(pos, nameEnd);
      pos = nameEnd + 1;
      return parseFielded(name, start);
    }
    return countClause(readWordNode(field), start);
  }

  private QueryNode parseFielded(String name, int start) {
    SearchField field = SearchField.byKey(name);
    FilterKind filter = field == null ? FilterKind.byKey(name) : null;
    if (pos >= text.length() || isSpace(text.charAt(pos))) {
      throw new InvalidQueryException("'" + name + ":' needs a value right after the colon", start);
    }
    char c = text.charAt(pos);
    if (c == '/') {
      throw new InvalidQueryException(
          "regular expressions are not supported; quote the text to search for it literally", pos);
    }
    if (field != null) {
      if (c == '(') {
        return parsePrimary(field);
      }
      if (phraseAhead()) {
        String phrase = readPhrase();
        return countClause(new Phrase(field, phrase, readSlop()), start);
      }
      return countClause(readWordNode(field), start);
    }
    if (c == '(') {
      throw new InvalidQueryException(
          "filter '" + name + ":' takes a single value or a quoted phrase, not a group; use "
              + name + ":a OR " + name + ":b",
          start);
    }
    int valuePos = pos;
    String value;
    if (phraseAhead()) {
      value = readPhrase();
      if (pos < text.length() && text.charAt(pos) == '~') {
        throw new InvalidQueryException(
            "proximity ('~') applies to phrases of words, not to filter '" + name + ":'", pos);
      }
    } else {
      value = readWord().text;
    }
    if (value.isBlank()) {
      throw new InvalidQueryException("'" + name + ":' needs a value", start);
    }
    if (filter == FilterKind.AFTER || filter == FilterKind.BEFORE) {
      // Validate now, so the error points into the query; the zone is applied when compiling.
      try {
        Dates.parseFilterBound(name + ":", value, ZoneOffset.UTC, Clock.systemUTC());
      } catch (InvalidQueryException e) {
        throw new dev.dateline.InvalidDateException(e.getMessage(), valuePos);
      }
    }
    return countClause(new Filter(filter, value), start);
  }

  // ------------------------------------------------------------------ words and phrases

  private record Word(String text, boolean escaped, boolean prefix, int fuzzy) {}

  private QueryNode readWordNode(SearchField field) {
    int start = pos;
    Word w = readWord();
    if (w.text.isEmpty()) {
      throw new InvalidQueryException("expected a word", start);
    }
    if (w.prefix) {
      return new Prefix(field, w.text);
    }
    if (w.fuzzy >= 0) {
      return new Fuzzy(field, w.text, w.fuzzy);
    }
    return new Term(field, w.text);
  }

  private Word readWord() {
    int start = pos;
    StringBuilder sb = new StringBuilder();
    boolean escaped = false;
    boolean prefix = false;
    int fuzzy = -1;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\\') {
        if (pos + 1 >= text.length()) {
          throw new InvalidQueryException("a backslash must be followed by the character it escapes", pos);
        }
        sb.append(text.charAt(pos + 1));
        escaped = true;
        pos += 2;
        continue;
      }
      if (isSpace(c) || c == '(' || c == ')' || c == '"' || (!sb.isEmpty() && boostEnd(pos) >= 0)) {
        break;
      }
      if (c == '*') {
        if (sb.isEmpty()) {
          throw new InvalidQueryException("leading wildcards are not supported", pos);
        }
        if (pos + 1 < text.length() && !isTerminator(text.charAt(pos + 1)) && boostEnd(pos + 1) < 0) {
          throw new InvalidQueryException("'*' is only supported at the end of a word", pos);
        }
        prefix = true;
        pos++;
        break;
      }
      if (c == '~') {
        if (sb.isEmpty()) {
          throw new InvalidQueryException("'~' must follow a word", pos);
        }
        pos++;
        fuzzy = 2;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          int d = text.charAt(pos) - '0';
          if (d > 2 || (pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            throw new InvalidQueryException("fuzzy edit distance must be 0, 1 or 2", pos);
          }
          fuzzy = d;
          pos++;
        }
        if (pos < text.length() && !isTerminator(text.charAt(pos)) && boostEnd(pos) < 0) {
          throw new InvalidQueryException("unexpected text after '~'", pos);
        }
        break;
      }
      sb.append(c);
      pos++;
    }
    if (sb.isEmpty() && pos == start) {
      throw new InvalidQueryException("expected a word", start);
    }
    return new Word(sb.toString(), escaped, prefix, fuzzy);
  }

  /**
   * Whether a phrase starts at {@code pos}: a straight quote, or a typographic opening quote that
   * is closed later in the text.
   */
  private boolean phraseAhead() {
    if (pos >= text.length()) {
      return false;
    }
    char c = text.charAt(pos);
    return c == '"' || (closers(c) != null && closingQuote(text, pos) >= 0);
  }

  /** The closing quotes of a typographic opening quote, or null if {@code c} is not one. */
  private static String closers(char c) {
    return switch (c) {
      case '\u201C' -> "\u201D"; // “ ... ”
      case '\u201E' -> "\u201C\u201D"; // „ ... “ (or ”)
      case '\u2018' -> "\u2019"; // ‘ ... ’
      default -> null;
    };
  }

  /** Where the typographic quote opened at {@code open} closes (no escapes), or -1. */
  private static int closingQuote(String text, int open) {
    String closers = closers(text.charAt(open));
    for (int i = open + 1; i < text.length(); i++) {
      if (closers.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** A phrase proximity {@code ~N} right after a phrase, or 0. */
  private int readSlop() {
    if (pos >= text.length() || text.charAt(pos) != '~') {
      return 0;
    }
    int at = pos;
    int i = pos + 1;
    while (i < text.length() && isAsciiDigit(text.charAt(i))) {
      i++;
    }
    if (i == pos + 1 || i - pos - 1 > 2 || Integer.parseInt(text.substring(pos + 1, i)) > MAX_SLOP
        || (i < text.length() && !isTerminator(text.charAt(i)) && boostEnd(i) < 0)) {
      throw new InvalidQueryException(
          "phrase proximity must be '~' and a number of positions from 0 to " + MAX_SLOP
              + " (\"peace talks\"~3)", at);
    }
    pos = i;
    return Integer.parseInt(text.substring(at + 1, i));
  }

  private String readPhrase() {
    int start = pos;
    char open = text.charAt(pos);
    String closers = open == '"' ? "\"" : closers(open);
    boolean typographic = open != '"';
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < text.length() && !typographic) {
        sb.append(text.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (closers.indexOf(c) >= 0) {
        pos++;
        if (sb.toString().isBlank()) {
          throw new InvalidQueryException("empty phrase", start);
        }
        return sb.toString();
      }
      sb.append(c);
      pos++;
    }
    throw new InvalidQueryException("unterminated phrase: the quote is never closed", start);
  }

  // ------------------------------------------------------------------ helpers

  private QueryNode countClause(QueryNode node, int at) {
    if (++clauses > limits.maxClauses()) {
      throw new InvalidQueryException(
          "query has more than " + limits.maxClauses() + " words, phrases and filters", at);
    }
    return node;
  }

  private void enter(int at) {
    if (++depth > limits.maxDepth()) {
      throw new InvalidQueryException(
          "query is nested more than " + limits.maxDepth() + " levels deep", at);
    }
  }

  private void requireOperand(String op, int opPos) {
    skipSpace();
    if (pos >= text.length() || text.charAt(pos) == ')' || atOperator("AND") || atOperator("OR")) {
      throw new InvalidQueryException(op + " needs something to its right", opPos);
    }
  }

  /** Whether the next token can start an operand (so juxtaposition applies). */
  private boolean startsOperand() {
    return pos < text.length()
        && text.charAt(pos) != ')'
        && !atOperator("AND")
        && !atOperator("OR")
        && !atSymbol("&&")
        && !atSymbol("||");
  }

  private boolean atOperator(String op) {
    int end = pos + op.length();
    return text.startsWith(op, pos) && (end == text.length() || isTerminator(text.charAt(end)));
  }

  private boolean atSymbol(String sym) {
    return text.startsWith(sym, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isTerminator(char c) {
    return isSpace(c) || c == '(' || c == ')' || c == '"';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isKnownName(String name) {
    return SearchField.byKey(name) != null || FilterKind.byKey(name) != null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // ------------------------------------------------------------------ printing

  /** Escapes a word so that it parses back to itself. */
  static String escape(String word) {
    StringBuilder sb = new StringBuilder(word.length() + 4);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean special =
          isSpace(c) || "()\"\\*~:/^\u201C\u201E\u2018".indexOf(c) >= 0
              || (i == 0 && "-!+".indexOf(c) >= 0)
              || (i == 0 && c == '&' && word.startsWith("&&"))
              || (i == 0 && c == '|' && word.startsWith("||"));
      if (special) {
        sb.append('\\');
      }
      sb.append(c);
    }
    String s = sb.toString();
    if (s.equals("AND") || s.equals("OR") || s.equals("NOT")) {
      return "\\" + s;
    }
    return s;
  }

  /** Quotes a phrase so that it parses back to itself. */
  static String quote(String phrase) {
    return '"' + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
