package dev.dateline;

/**
 * An article (or one record of an input file) that cannot be indexed. {@link #field()} names the
 * offending field, {@link #reason()} says what was wrong with it; {@link #getMessage()} joins both
 * into one line a person can act on.
 */
public final class InvalidArticleException extends DatelineException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidArticleException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The article field at fault, e.g. {@code published} or {@code headline/body}. */
  public String field() {
    return field;
  }

  /** What was wrong with the field, without the field name. */
  public String reason() {
    return reason;
  }
}
