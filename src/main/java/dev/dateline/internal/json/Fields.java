package dev.dateline.internal.json;

/** The JSON field names of an article and of an entity, shared by reader and writer. */
final class Fields {
  static final String ID = "id";
  static final String URL = "url";
  static final String SOURCE = "source";
  static final String HEADLINE = "headline";
  static final String BULLETS = "bullets";
  static final String BODY = "body";
  static final String BYLINE = "byline";
  static final String AUTHORS = "authors";
  static final String DATELINE = "dateline";
  static final String PUBLISHED = "published";
  static final String UPDATED = "updated";
  static final String SECTION = "section";
  static final String TAGS = "tags";
  static final String CAPTIONS = "captions";
  static final String SUBHEADS = "subheads";
  static final String LANGUAGE = "language";
  static final String CREDITS = "credits";
  static final String ENTITIES = "entities";

  static final String ENTITY_TYPE = "type";
  static final String ENTITY_NAME = "name";
  static final String ENTITY_ALIASES = "aliases";
  static final String ENTITY_MENTIONS = "mentions";

  private Fields() {}
}
