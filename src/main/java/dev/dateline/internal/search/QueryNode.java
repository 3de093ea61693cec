package dev.dateline.internal.search;

import dev.dateline.QueryLimits;
import dev.dateline.SearchField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The parsed form of a user query. Each node prints itself back in the query syntax ({@link
 * Object#toString() toString()}), so that {@code QueryParser.parse(node.toString())} gives an
 * equal node: printed queries use explicit {@code AND}/{@code OR} and parentheses and do not
 * depend on the default operator, except that a {@link Ranked} group prints as a juxtaposition and
 * re-parses to itself under the ranked operator only. Because of that the printed text may be longer than the query it
 * came from (up to about three times) and one group deeper, so a query right at {@link
 * QueryLimits} may print to text that those same limits reject.
 */
public sealed interface QueryNode {

  /** A word. {@code field} is null for "all text fields". */
  record Term(SearchField field, String text) implements QueryNode {
    public Term {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return prefix(field) + QueryParser.escape(text);
    }
  }

  /**
   * Words that must appear together in this order ({@code "peace talks"}), or, with a {@code slop}
   * above 0, within that many position moves of it ({@code "peace talks"~3}).
   */
  record Phrase(SearchField field, String text, int slop) implements QueryNode {
    public Phrase {
      Objects.requireNonNull(text, "text");
      if (slop < 0 || slop > QueryParser.MAX_SLOP) {
        throw new IllegalArgumentException("slop " + slop);
      }
    }

    /** An exact phrase (slop 0). */
    public Phrase(SearchField field, String text) {
      this(field, text, 0);
    }

    @Override
    public String toString() {
      return prefix(field) + QueryParser.quote(text) + (slop == 0 ? "" : "~" + slop);
    }
  }

  /**
   * A word, phrase or group whose score is multiplied by {@code boost} ({@code talks^2}, {@code
   * "peace talks"^3}, {@code (a b)^0.5}); positive and at most {@link QueryParser#MAX_BOOST}.
   */
  record Boosted(QueryNode clause, float boost) implements QueryNode {
    public Boosted {
      Objects.requireNonNull(clause, "clause");
      if (!(boost > 0) || boost > QueryParser.MAX_BOOST) {
        throw new IllegalArgumentException("boost " + boost);
      }
    }

    @Override
    public String toString() {
      String inner = clause.toString();
      if (clause instanceof Required || clause instanceof Not || clause instanceof Boosted
          || clause instanceof Prefix || clause instanceof Fuzzy) {
        inner = "(" + inner + ")";
      }
      return inner + "^" + new java.math.BigDecimal(Float.toString(boost))
          .stripTrailingZeros().toPlainString();
    }
  }

  /** Words starting with {@code text} ({@code talk*}). */
  record Prefix(SearchField field, String text) implements QueryNode {
    @Override
    public String toString() {
      return prefix(field) + QueryParser.escape(text) + "*";
    }
  }

  /** Words within {@code edits} edits of {@code text} ({@code zelenskyy~1}). */
  record Fuzzy(SearchField field, String text, int edits) implements QueryNode {
    @Override
    public String toString() {
      return prefix(field) + QueryParser.escape(text) + "~" + edits;
    }
  }

  /** A non-scoring filter written inline ({@code person:"Rustem Umerov"}, {@code after:2026-02}). */
  record Filter(FilterKind kind, String value) implements QueryNode {
    @Override
    public String toString() {
      return kind.key() + ":" + QueryParser.quote(value);
    }
  }

  /** All of the clauses. */
  record And(List<QueryNode> clauses) implements QueryNode {
    public And {
      clauses = List.copyOf(clauses);
    }

    @Override
    public String toString() {
      return join(clauses, " AND ");
    }
  }

  /**
   * Juxtaposed clauses under the ranked default operator ({@code ceasefire talks -russia}): words,
   * phrases and groups are optional but at least one must match, and articles matching all of them
   * rank first; {@code +x} and filters must match, {@code NOT x} must not. Prints as the
   * juxtaposition it came from, so it re-parses to itself only under the ranked operator.
   */
  record Ranked(List<QueryNode> clauses) implements QueryNode {
    public Ranked {
      clauses = List.copyOf(clauses);
    }

    @Override
    public String toString() {
      return join(clauses, " ");
    }
  }

  /** Any of the clauses. */
  record Or(List<QueryNode> clauses) implements QueryNode {
    public Or {
      clauses = List.copyOf(clauses);
    }

    @Override
    public String toString() {
      return join(clauses, " OR ");
    }
  }

  /**
   * The clause is required ({@code +word}): inside an OR group (the ranked and OR modes) it must
   * match while the group's other clauses only add to the score; inside AND it changes nothing.
   */
  record Required(QueryNode clause) implements QueryNode {
    @Override
    public String toString() {
      return "+" + clause;
    }
  }

  /** Not the clause. */
  record Not(QueryNode clause) implements QueryNode {
    @Override
    public String toString() {
      return "NOT " + clause;
    }
  }

  /** The kinds of inline filter. */
  enum FilterKind {
    PERSON,
    PLACE,
    ORG,
    SOURCE,
    SECTION,
    TAG,
    AFTER,
    BEFORE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up a filter by its query-syntax name, or null. */
    public static FilterKind byKey(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "person", "people" -> PERSON;
        case "place", "location" -> PLACE;
        case "org", "organisation", "organization" -> ORG;
        case "source", "publisher" -> SOURCE;
        case "section" -> SECTION;
        case "tag" -> TAG;
        case "after", "from", "since" -> AFTER;
        case "before", "to", "until" -> BEFORE;
        default -> null;
      };
    }
  }

  private static String prefix(SearchField field) {
    return field == null ? "" : field.key() + ":";
  }

  private static String join(List<QueryNode> clauses, String op) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < clauses.size(); i++) {
      if (i > 0) {
        sb.append(op);
      }
      sb.append(clauses.get(i));
    }
    return sb.append(')').toString();
  }
}
