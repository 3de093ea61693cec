package dev.dateline.internal.search;

import dev.dateline.InvalidQueryException;
import dev.dateline.QueryLimits;
import dev.dateline.SearchField;
import dev.dateline.internal.Dates;
import dev.dateline.internal.search.QueryNode.And;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses the user query syntax into a {@link QueryNode} tree.
 *
 * <pre>
 * query    := or
 * or       := and ( ("OR" | "||") and )*
 * and      := unary ( ("AND" | "&amp;&amp;")? unary )*      juxtaposition = the default operator
 * unary    := ("NOT" | "-" | "!") unary | "+"? primary
 * primary  := "(" or ")" | NAME ":" value | value
 * value    := WORD | WORD "*" | WORD "~" [0-2]? | '"' phrase '"'
 * </pre>
 *
 * When the default operator is OR, juxtaposition binds like OR. Field names are case-insensitive;
 * an unknown {@code name:} prefix is an error (quote the text to search for it literally).
 * Backslash escapes any character. Errors are {@link InvalidQueryException}s with the position of
 * the problem. Limits: {@link QueryLimits}.
 */
public final class QueryParser {


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
    if (c == '"') {
      return countClause(new Phrase(field, readPhrase()), start);
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
    if (nameEnd > pos && nameEnd < text.length() && text.charAt(nameEnd) == ':') {
      String name = text.substring(pos, nameEnd);
      pos = nameEnd + 1;
      return parseFielded(name, start);
    }
    return countClause(readWordNode(field), start);
  }

  private QueryNode parseFielded(String name, int start) {
    SearchField field = SearchField.byKey(name);
    FilterKind filter = field == null ? FilterKind.byKey(name) : null;
    if (field == null && filter == null) {
      throw new InvalidQueryException(
          "unknown field '"
              + name
              + ":' (fields: "
              + Arrays.stream(SearchField.values()).map(SearchField::key).collect(Collectors.joining(", "))
              + "; filters: "
              + Arrays.stream(FilterKind.values()).map(FilterKind::key).collect(Collectors.joining(", "))
              + "); put text in quotes to search for it as written",
          start);
    }
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
      if (c == '"') {
        return countClause(new Phrase(field, readPhrase()), start);
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
    String value = c == '"' ? readPhrase() : readWord().text;
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
      if (isSpace(c) || c == '(' || c == ')' || c == '"') {
        break;
      }
      if (c == '*') {
        if (sb.isEmpty()) {
          throw new InvalidQueryException("leading wildcards are not supported", pos);
        }
        if (pos + 1 < text.length() && !isTerminator(text.charAt(pos + 1))) {
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
        if (pos < text.length() && !isTerminator(text.charAt(pos))) {
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

  private String readPhrase() {
    int start = pos;
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < text.length()) {
        sb.append(text.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (c == '"') {
        pos++;
        if (pos < text.length() && text.charAt(pos) == '~') {
          throw new InvalidQueryException("phrase proximity ('\"...\"~N') is not supported", pos);
        }
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
          isSpace(c) || "()\"\\*~:/".indexOf(c) >= 0
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
