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
 * A news article: the unit Dateline indexes and returns. Immutable and validated at construction.
 *
 * <p>Null policy: optional single values ({@code url}, {@code source}, {@code published}, ...) are
 * {@code null} when absent; lists are never null but may be empty. Strings are stripped of
 * surrounding white space and blank ones count as absent.
 *
 * <p>Build one with {@link #builder()}; {@link Builder#build()} derives a stable {@link #id()} when
 * none is given (from the url, else from source + headline + published).
 *
 * @param id unique key; adding an article with an existing id replaces it
 * @param url canonical address of the article
 * @param source publisher, e.g. "The Straits Times"
 * @param headline title
 * @param bullets summary bullet points shown above the body
 * @param body paragraphs of the article text
 * @param byline byline as printed ("By Jane Doe and John Roe")
 * @param authors the people in the byline or reporting credits
 * @param dateline the place the story was filed from, e.g. "KYIV"
 * @param published publication instant, if known
 * @param updated last update instant, if known
 * @param section newspaper section, e.g. "World"
 * @param tags free-form topic tags
 * @param captions photo captions (with their credits)
 * @param subheads section headings inside the body
 * @param language ISO 639-1 language code, e.g. "en"
 * @param credits agencies credited for the story (Reuters, AFP, ...)
 * @param entities people, places and organisations mentioned
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

  /** Longest accepted id, in characters. */
  public static final int MAX_ID_LENGTH = 512;

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

  /** The body as one string, paragraphs separated by a blank line. */
  public String bodyText() {
    return String.join("\n\n", body);
  }

  /** The entities of one type, in the order given. */
  public List<Entity> entities(EntityType type) {
    return entities.stream().filter(e -> e.type() == type).toList();
  }

  /** A builder prefilled with this article's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

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
   */
  public static String deriveId(String url, String source, String headline, Instant published) {
    String key;
    if (clean(url) != null) {
      key = "url\u0000" + url.strip();
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

  /** Fluent builder for {@link Article}. Not thread-safe. */
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

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder headline(String headline) {
      this.headline = headline;
      return this;
    }

    public Builder bullets(List<String> bullets) {
      this.bullets = new ArrayList<>(bullets);
      return this;
    }

    public Builder addBullet(String bullet) {
      bullets.add(bullet);
      return this;
    }

    /** The body as paragraphs. */
    public Builder body(List<String> paragraphs) {
      this.body = new ArrayList<>(paragraphs);
      return this;
    }

    /** The body as one text; blank lines separate paragraphs. */
    public Builder bodyText(String text) {
      this.body = text == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\\R\\s*\\R")));
      return this;
    }

    public Builder addParagraph(String paragraph) {
      body.add(paragraph);
      return this;
    }

    public Builder byline(String byline) {
      this.byline = byline;
      return this;
    }

    public Builder authors(List<String> authors) {
      this.authors = new ArrayList<>(authors);
      return this;
    }

    public Builder addAuthor(String author) {
      authors.add(author);
      return this;
    }

    public Builder dateline(String dateline) {
      this.dateline = dateline;
      return this;
    }

    public Builder published(Instant published) {
      this.published = published;
      return this;
    }

    /**
     * Sets the publication time from ISO-8601 text: a date ({@code 2026-02-04}, taken as midnight
     * UTC), a date-time with or without offset ({@code 2026-02-04T09:30:00+08:00}; without one it
     * is UTC), or an instant ({@code 2026-02-04T01:30:00Z}).
     *
     * @throws InvalidArticleException naming {@code published} when the text is not such a date
     */
    public Builder published(String iso) {
      this.published = Dates.parseArticleDate("published", iso);
      return this;
    }

    public Builder updated(Instant updated) {
      this.updated = updated;
      return this;
    }

    /** Like {@link #published(String)}, for the update time. */
    public Builder updated(String iso) {
      this.updated = Dates.parseArticleDate("updated", iso);
      return this;
    }

    public Builder section(String section) {
      this.section = section;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = new ArrayList<>(tags);
      return this;
    }

    public Builder captions(List<String> captions) {
      this.captions = new ArrayList<>(captions);
      return this;
    }

    public Builder addCaption(String caption) {
      captions.add(caption);
      return this;
    }

    public Builder subheads(List<String> subheads) {
      this.subheads = new ArrayList<>(subheads);
      return this;
    }

    public Builder addSubhead(String subhead) {
      subheads.add(subhead);
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder credits(List<String> credits) {
      this.credits = new ArrayList<>(credits);
      return this;
    }

    public Builder addCredit(String credit) {
      credits.add(credit);
      return this;
    }

    public Builder entities(List<Entity> entities) {
      this.entities = new ArrayList<>(entities);
      return this;
    }

    public Builder addEntity(Entity entity) {
      entities.add(entity);
      return this;
    }

    /** The headline set so far, for readers that need it before building. */
    public String headline() {
      return headline;
    }

    /**
     * Validates and builds the article, deriving an id if none was set.
     *
     * @throws InvalidArticleException naming the field at fault
     */
    public Article build() {
      String theId = id;
      if (theId == null || theId.isBlank()) {
        theId = deriveId(url, source, headline, published);
      }
      return new Article(
          theId, url, source, headline, bullets, body, byline, authors, dateline, published,
          updated, section, tags, captions, subheads, language, credits, entities);
    }
  }
}
