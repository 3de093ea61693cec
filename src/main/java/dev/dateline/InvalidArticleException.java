package dev.dateline;

/**
 * An article (or one record of an input file) that cannot be indexed. {@link #field()} names the
 * offending field, {@link #reason()} says what was wrong with it; {@link #getMessage()} joins both
 * into one line a person can act on.
 */
public final class InvalidArticleException extends DatelineException {
  private static final long serialVersionUID = 1L;

  /** The article field at fault, as given to the constructor. */
  private final String field;

  /** What was wrong with the field, as given to the constructor. */
  private final String reason;

  /**
   * Creates an exception for one field of an article. The message is {@code field + ": " +
   * reason}, e.g. {@code "id: missing"}.
   *
   * @param field the article field at fault, by its JSON/record name ({@code published}, {@code
   *     entities}), several joined by {@code /} when the problem concerns them together ({@code
   *     headline/body}), or {@code json} when an input record is not a valid JSON object
   * @param reason what was wrong with it, without the field name
   */
  public InvalidArticleException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /**
   * The article field at fault, e.g. {@code published} or {@code headline/body}.
   *
   * @return the field name as given to the constructor
   */
  public String field() {
    return field;
  }

  /**
   * What was wrong with the field, without the field name.
   *
   * @return the reason as given to the constructor
   */
  public String reason() {
    return reason;
  }
}
