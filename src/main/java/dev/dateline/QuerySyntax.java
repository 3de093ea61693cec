package dev.dateline;

/**
 * How the text of a {@link NewsQuery} is read (see {@link NewsQuery.Builder#syntax}).
 */
public enum QuerySyntax {
  /**
   * The default: the full query syntax of the {@link NewsQuery} class documentation, with
   * operators, groups, fields, filters, prefixes, fuzzy words, proximity and boosts. Text that is
   * not valid syntax (an unclosed quote or parenthesis, a dangling operator) is rejected with an
   * {@link InvalidQueryException} giving its position.
   */
  FULL,

  /**
   * For text pasted or typed into a search box: never rejected, whatever it contains. The text is
   * read as words and quoted phrases ({@code "..."}, {@code “...”}, {@code ‘...’}, {@code „...“})
   * joined by the {@link NewsQuery.Builder#defaultOperator default operator}; a word written
   * {@code -word} is excluded and {@code +word} required, and a known field or filter prefix keeps
   * its meaning ({@code headline:talks}, {@code person:"Rustem Umerov"}, {@code after:2026-02}
   * when the date is valid; otherwise the text is searched as words), and so do well-formed
   * proximity and boosts ({@code "peace talks"~3}, {@code opec^2}, {@code "peace talks"^0.5}: a
   * number in range ending the word or phrase). Everything else is searched as text: {@code AND},
   * {@code OR} and {@code NOT}, parentheses, {@code *}, any other {@code ~} or {@code ^}
   * ({@code talks~2}, {@code e^x}), backslashes,
   * other {@code name:} prefixes ({@code Trump: "no deal"}), URLs and quotes that are never
   * closed. Text beyond the {@link NewsQuery.Builder#parserLimits parser limits} is ignored (the
   * characters after the length limit, the words after the clause limit) rather than rejected.
   */
  PLAIN
}
