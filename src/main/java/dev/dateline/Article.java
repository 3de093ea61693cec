package dev.dateline;

import dev.dateline.internal.Dates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A news article: the unit Dateline indexes and returns. Immutable and validated at construction,
 * so instances may be shared freely between threads.
 *
 * <p>Null policy: optional single values ({@code url}, {@code source}, {@code published}, ...) are
 * {@code null} when absent; lists are never null but may be empty. Strings are stripped of
 * surrounding white space and blank ones count as absent.
 *
 * <p>Build one with {@link #builder()}; {@link Builder#build()} derives a stable {@link #id()} when
 * none is given (from the url, else from source + headline + published).
 *
 * @param id unique key; adding an article with an existing id replaces it. Never null or blank, at
 *     most {@link #MAX_ID_LENGTH} characters, valid Unicode (no unpaired surrogates)
 * @param url canonical address of the article
 * @param source publisher, e.g. "The Straits Times"
 * @param headline title
 * @param bullets summary bullet points shown above the body
 * @param body paragraphs of the article text
 * @param byline byline as printed ("By Jane Doe and John Roe")
 * @param authors the people in the byline or reporting credits
 * @param dateline the place the story was filed from, e.g. "KYIV"
 * @param published publication instant, if known; its UTC year must be within 1000..9999. The
 *     index keeps it to the millisecond, so an article read back from an index has any finer part
 *     cut off
 * @param updated last update instant, if known; same range and precision as {@code published}
 * @param section newspaper section, e.g. "World"
 * @param tags free-form topic tags
 * @param captions photo captions (with their credits)
 * @param subheads section headings inside the body
 * @param language ISO 639-1 language code, e.g. "en"; not checked here, but {@link NewsIndex#add}
 *     rejects one longer than 1,000 characters with an {@link InvalidArticleException}
 * @param credits agencies credited for the story (Reuters, AFP, ...)
 * @param entities people, places and organisations mentioned; for an article without any, {@link
 *     NewsIndex#add} indexes (and returns) a copy with those its {@link EntityExtractor} finds
 */
public record Article(
    String id,
    String url,
    String source,
    String headline,
    List<String> bullets,
    List<String> body,
    String byline,
    List<String> authors,
    String dateline,
    Instant published,
    Instant updated,
    String section,
    List<String> tags,
    List<String> captions,
    List<String> subheads,
    String language,
    List<String> credits,
    List<Entity> entities) {

  /** Longest accepted id, in characters ({@code char}s, after stripping). */
  public static final int MAX_ID_LENGTH = 512;

  /**
   * Validates and normalises the components (see the null policy above): strings are stripped and
   * blank ones become null; lists are copied into immutable lists without null or blank elements,
   * each element stripped, and a null list becomes empty. Unlike {@link Builder#build()}, this
   * constructor does not derive a missing id.
   *
   * @throws InvalidArticleException naming the field at fault: {@code id} when it is missing,
   *     longer than {@link #MAX_ID_LENGTH} or not valid Unicode; {@code published} or {@code
   *     updated} when the instant's UTC year is outside 1000..9999; {@code headline/body} when the
   *     article has neither a headline nor a non-blank body paragraph
   * @throws NullPointerException if {@code entities} contains a null element
   */
  public Article {
    id = clean(id);
    if (id == null) {
      throw new InvalidArticleException("id", "missing");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new InvalidArticleException(
          "id", "longer than " + MAX_ID_LENGTH + " characters (" + id.length() + ")");
    }
    int surrogate = Dates.unpairedSurrogate(id);
    if (surrogate >= 0) {
      throw new InvalidArticleException(
          "id", "contains an unpaired surrogate at index " + surrogate + " (not valid Unicode)");
    }
    Dates.checkArticleInstant("published", published);
    Dates.checkArticleInstant("updated", updated);
    url = clean(url);
    source = clean(source);
    headline = clean(headline);
    bullets = cleanList(bullets);
    body = cleanList(body);
    byline = clean(byline);
    authors = cleanList(authors);
    dateline = clean(dateline);
    section = clean(section);
    tags = cleanList(tags);
    captions = cleanList(captions);
    subheads = cleanList(subheads);
    language = clean(language);
    credits = cleanList(credits);
    entities = entities == null ? List.of() : List.copyOf(entities);
    if (headline == null && body.isEmpty()) {
      throw new InvalidArticleException("headline/body", "an article needs a headline or a body");
    }
  }

  /**
   * The body as one string, paragraphs separated by a blank line.
   *
   * @return the paragraphs joined with {@code "\n\n"}; the empty string when there is no body,
   *     never null
   */
  public String bodyText() {
    return String.join("\n\n", body);
  }

  /**
   * The entities of one type, in the order given.
   *
   * @param type the type to select; null selects nothing
   * @return an immutable list of the entities of {@code type}, possibly empty, never null
   */
  public List<Entity> entities(EntityType type) {
    return entities.stream().filter(e -> e.type() == type).toList();
  }

  /**
   * A builder prefilled with this article's values, id included, for making a changed copy.
   * Changing the builder does not change this article.
   *
   * @return a new builder holding copies of this article's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * An empty builder: no id, no values, empty lists.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static List<String> cleanList(List<String> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      String c = clean(v);
      if (c != null) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Derives the id used when an article has none: a hash of the url if there is one, else of
   * source, headline and publication instant. The same inputs always give the same id, so
   * re-indexing a feed replaces articles instead of duplicating them.
   *
   * <p>Arguments may be null; strings are stripped and blank ones count as absent, as in the
   * article itself. Only the url is used when it is present.
   *
   * @param url the article's address, or null
   * @param source the publisher, or null; used only without a url
   * @param headline the title, or null; used only without a url
   * @param published the publication instant, or null; used only without a url
   * @return 24 lower-case hexadecimal characters (the first 96 bits of a SHA-256 hash)
   */
  public static String deriveId(String url, String source, String headline, Instant published) {
    return deriveId(url, source, headline, published, List.of());
  }

  /**
   * Derives the id used when an article has none, as {@link #deriveId(String, String, String,
   * Instant)} does, except that an article with neither url nor headline is identified by its body
   * too: without it, every such article from one source and time would get the same id and replace
   * the others.
   *
   * @param url the article's address, or null
   * @param source the publisher, or null; used only without a url
   * @param headline the title, or null; used only without a url
   * @param published the publication instant, or null; used only without a url
   * @param body the body paragraphs (or the body as one string); used only without url and
   *     headline, compared with white space collapsed; null counts as empty
   * @return 24 lower-case hexadecimal characters (the first 96 bits of a SHA-256 hash)
   */
  public static String deriveId(
      String url, String source, String headline, Instant published, List<String> body) {
    String key;
    if (clean(url) != null) {
      key = "url\u0000" + url.strip();
    } else if (clean(headline) == null && body != null && !body.isEmpty()) {
      key =
          "body\u0000"
              + Objects.toString(clean(source), "")
              + "\u0000"
              + (published == null ? "" : published.toString())
              + "\u0000"
              + String.join(" ", body.stream().filter(Objects::nonNull).toList())
                  .replaceAll("\\s+", " ")
                  .strip();
    } else {
      key =
          "article\u0000"
              + Objects.toString(clean(source), "")
              + "\u0000"
              + Objects.toString(clean(headline), "")
              + "\u0000"
              + (published == null ? "" : published.toString());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * Fluent builder for {@link Article}, from {@link Article#builder()}, {@link
   * Article#toBuilder()} or {@link RawArticleParser#parse(String)}. Not thread-safe.
   *
   * <p>Setters store values as given and never validate (except {@link #published(String)} and
   * {@link #updated(String)}, which parse their text at once); {@link #build()} cleans and checks
   * everything. Single values may be null or blank, meaning absent. List setters replace the
   * current list with a copy of the one given and throw {@link NullPointerException} for a null
   * list; null or blank elements (in a list or passed to an {@code add...} method) are dropped by
   * {@link #build()}. A builder may be built several times; each article gets its own copies.
   */
  public static final class Builder {
    private String id;
    private String url;
    private String source;
    private String headline;
    private List<String> bullets = new ArrayList<>();
    private List<String> body = new ArrayList<>();
    private String byline;
    private List<String> authors = new ArrayList<>();
    private String dateline;
    private Instant published;
    private Instant updated;
    private String section;
    private List<String> tags = new ArrayList<>();
    private List<String> captions = new ArrayList<>();
    private List<String> subheads = new ArrayList<>();
    private String language;
    private List<String> credits = new ArrayList<>();
    private List<Entity> entities = new ArrayList<>();

    private Builder() {}

    private Builder(Article a) {
      id = a.id;
      url = a.url;
      source = a.source;
      headline = a.headline;
      bullets = new ArrayList<>(a.bullets);
      body = new ArrayList<>(a.body);
      byline = a.byline;
      authors = new ArrayList<>(a.authors);
      dateline = a.dateline;
      published = a.published;
      updated = a.updated;
      section = a.section;
      tags = new ArrayList<>(a.tags);
      captions = new ArrayList<>(a.captions);
      subheads = new ArrayList<>(a.subheads);
      language = a.language;
      credits = new ArrayList<>(a.credits);
      entities = new ArrayList<>(a.entities);
    }

    /**
     * Sets the unique key. Adding an article with the same id to an index replaces the one there.
     *
     * @param id the id, at most {@link Article#MAX_ID_LENGTH} characters after stripping; null or
     *     blank to have {@link #build()} derive one with {@link Article#deriveId}
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the canonical address of the article. When no id is set, the id is derived from it.
     *
     * @param url the address, or null (or blank) for none
     * @return this builder
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets the publisher, e.g. "The Straits Times".
     *
     * @param source the publisher's name, or null (or blank) for none
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the title. An article needs a headline or a body.
     *
     * @param headline the headline, or null (or blank) for none
     * @return this builder
     */
    public Builder headline(String headline) {
      this.headline = headline;
      return this;
    }

    /**
     * Replaces the summary bullet points.
     *
     * @param bullets the bullet points, in order; must not be null
     * @return this builder
     * @throws NullPointerException if {@code bullets} is null
     */
    public Builder bullets(List<String> bullets) {
      this.bullets = new ArrayList<>(bullets);
      return this;
    }

    /**
     * Adds a summary bullet point after those already set.
     *
     * @param bullet the bullet point; null or blank ones are dropped at {@link #build()}
     * @return this builder
     */
    public Builder addBullet(String bullet) {
      bullets.add(bullet);
      return this;
    }

    /**
     * Replaces the body with these paragraphs. An article needs a headline or a body.
     *
     * @param paragraphs the paragraphs, in order; must not be null
     * @return this builder
     * @throws NullPointerException if {@code paragraphs} is null
     */
    public Builder body(List<String> paragraphs) {
      this.body = new ArrayList<>(paragraphs);
      return this;
    }

    /**
     * Replaces the body with one text; blank lines separate paragraphs. A blank line is a line
     * break, optional white space, and another line break (any of {@code \n}, {@code \r\n},
     * {@code \r}, ...); single line breaks stay inside their paragraph.
     *
     * @param text the body text, or null for no body
     * @return this builder
     */
    public Builder bodyText(String text) {
      this.body = text == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\\R\\s*\\R")));
      return this;
    }

    /**
     * Adds a body paragraph after those already set.
     *
     * @param paragraph the paragraph; null or blank ones are dropped at {@link #build()}
     * @return this builder
     */
    public Builder addParagraph(String paragraph) {
      body.add(paragraph);
      return this;
    }

    /**
     * Sets the byline as printed ("By Jane Doe and John Roe"). It is not split into {@link
     * #authors(List) authors}; set those separately.
     *
     * @param byline the byline, or null (or blank) for none
     * @return this builder
     */
    public Builder byline(String byline) {
      this.byline = byline;
      return this;
    }

    /**
     * Replaces the authors: the people in the byline or reporting credits.
     *
     * @param authors the authors' names, in order; must not be null
     * @return this builder
     * @throws NullPointerException if {@code authors} is null
     */
    public Builder authors(List<String> authors) {
      this.authors = new ArrayList<>(authors);
      return this;
    }

    /**
     * Adds an author after those already set.
     *
     * @param author the author's name; null or blank ones are dropped at {@link #build()}
     * @return this builder
     */
    public Builder addAuthor(String author) {
      authors.add(author);
      return this;
    }

    /**
     * Sets the place the story was filed from, e.g. "KYIV".
     *
     * @param dateline the place, or null (or blank) for none
     * @return this builder
     */
    public Builder dateline(String dateline) {
      this.dateline = dateline;
      return this;
    }

    /**
     * Sets the publication instant. Its range is checked by {@link #build()}.
     *
     * @param published the instant, or null if unknown; its UTC year must be within 1000..9999
     * @return this builder
     */
    public Builder published(Instant published) {
      this.published = published;
      return this;
    }

    /**
     * Sets the publication time from ISO-8601 text: a date ({@code 2026-02-04}, taken as midnight
     * UTC), a date-time with or without offset ({@code 2026-02-04T09:30:00+08:00}; without one it
     * is UTC), a date-time with a zone ({@code 2026-02-04T09:30:00+08:00[Asia/Singapore]}), or an
     * instant ({@code 2026-02-04T01:30:00Z}). Dates are strict: {@code 2026-02-30} is an error.
     * The text is parsed and checked here, not at {@link #build()}.
     *
     * @param iso the publication time as ISO-8601 text; null or blank clears it (unknown)
     * @return this builder
     * @throws InvalidArticleException naming {@code published} when the text is not such a date or
     *     its UTC year is outside 1000..9999
     */
    public Builder published(String iso) {
      this.published = Dates.parseArticleDate("published", iso);
      return this;
    }

    /**
     * Sets the instant of the last update. Its range is checked by {@link #build()}.
     *
     * @param updated the instant, or null if unknown; its UTC year must be within 1000..9999
     * @return this builder
     */
    public Builder updated(Instant updated) {
      this.updated = updated;
      return this;
    }

    /**
     * Like {@link #published(String)}, for the update time.
     *
     * @param iso the update time as ISO-8601 text; null or blank clears it (unknown)
     * @return this builder
     * @throws InvalidArticleException naming {@code updated} when the text is not a date in one of
     *     the forms {@link #published(String)} accepts, or its UTC year is outside 1000..9999
     */
    public Builder updated(String iso) {
      this.updated = Dates.parseArticleDate("updated", iso);
      return this;
    }

    /**
     * Sets the newspaper section, e.g. "World".
     *
     * @param section the section, or null (or blank) for none
     * @return this builder
     */
    public Builder section(String section) {
      this.section = section;
      return this;
    }

    /**
     * Replaces the free-form topic tags.
     *
     * @param tags the tags; must not be null
     * @return this builder
     * @throws NullPointerException if {@code tags} is null
     */
    public Builder tags(List<String> tags) {
      this.tags = new ArrayList<>(tags);
      return this;
    }

    /**
     * Replaces the photo captions.
     *
     * @param captions the captions with their credits, in order; must not be null
     * @return this builder
     * @throws NullPointerException if {@code captions} is null
     */
    public Builder captions(List<String> captions) {
      this.captions = new ArrayList<>(captions);
      return this;
    }

    /**
     * Adds a photo caption after those already set.
     *
     * @param caption the caption with its credit; null or blank ones are dropped at {@link
     *     #build()}
     * @return this builder
     */
    public Builder addCaption(String caption) {
      captions.add(caption);
      return this;
    }

    /**
     * Replaces the section headings inside the body.
     *
     * @param subheads the subheads, in order; must not be null
     * @return this builder
     * @throws NullPointerException if {@code subheads} is null
     */
    public Builder subheads(List<String> subheads) {
      this.subheads = new ArrayList<>(subheads);
      return this;
    }

    /**
     * Adds a section heading after those already set.
     *
     * @param subhead the subhead; null or blank ones are dropped at {@link #build()}
     * @return this builder
     */
    public Builder addSubhead(String subhead) {
      subheads.add(subhead);
      return this;
    }

    /**
     * Sets the language of the article. Not checked against ISO 639-1 by the builder.
     *
     * @param language an ISO 639-1 code such as "en", or null (or blank) if unknown
     * @return this builder
     */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /**
     * Replaces the agencies credited for the story.
     *
     * @param credits the agency names (Reuters, AFP, ...); must not be null
     * @return this builder
     * @throws NullPointerException if {@code credits} is null
     */
    public Builder credits(List<String> credits) {
      this.credits = new ArrayList<>(credits);
      return this;
    }

    /**
     * Adds a credited agency after those already set.
     *
     * @param credit the agency's name; null or blank ones are dropped at {@link #build()}
     * @return this builder
     */
    public Builder addCredit(String credit) {
      credits.add(credit);
      return this;
    }

    /**
     * Replaces the entities. An article indexed with entities keeps them as given; one without
     * gets those its index's {@link EntityExtractor} finds.
     *
     * @param entities the entities; must not be null, and must not contain null (which makes
     *     {@link #build()} throw {@link NullPointerException})
     * @return this builder
     * @throws NullPointerException if {@code entities} is null
     */
    public Builder entities(List<Entity> entities) {
      this.entities = new ArrayList<>(entities);
      return this;
    }

    /**
     * Adds an entity after those already set.
     *
     * @param entity the entity; must not be null (a null makes {@link #build()} throw {@link
     *     NullPointerException})
     * @return this builder
     */
    public Builder addEntity(Entity entity) {
      entities.add(entity);
      return this;
    }

    /**
     * The headline set so far, for readers that need it before building.
     *
     * @return the headline exactly as set (not yet stripped), or null if none was set
     */
    public String headline() {
      return headline;
    }

    /**
     * Validates and builds the article, deriving an id with {@link Article#deriveId} if none was
     * set (or it is blank). Cleans the values as the {@link Article} constructor does. The builder
     * is left unchanged and may be built again.
     *
     * @return the new article, never null
     * @throws InvalidArticleException naming the field at fault (see the {@link Article}
     *     constructor for the checks)
     * @throws NullPointerException if one of the entities given is null
     */
    public Article build() {
      String theId = id;
      if (theId == null || theId.isBlank()) {
        theId = deriveId(url, source, headline, published, body);
      }
      return new Article(
          theId, url, source, headline, bullets, body, byline, authors, dateline, published,
          updated, section, tags, captions, subheads, language, credits, entities);
    }
  }
}
