package dev.dateline;

import dev.dateline.internal.index.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene field names of a Dateline index and how each field is indexed, for callers who build
 * their own Lucene queries ({@link NewsQuery.Builder#filter}) or read the index directly ({@link
 * NewsIndex#withSearcher}). A few factories build the queries that are easy to get wrong by hand
 * (names must be analysed like the index analyses them; dates are epoch milliseconds).
 *
 * <p><b>Advanced, experimental.</b> This class exposes the index layout in Lucene's terms. The
 * field names and how they are indexed are tied to the index format of this version of Dateline
 * and may change in a later version (which would then also need the index rebuilt); the text
 * analysis in particular is not part of the API. Prefer {@link NewsQuery} for anything it can
 * express: it compiles to the same fields with the right analysis.
 *
 * <h2>Kinds of field</h2>
 *
 * <ul>
 *   <li><b>Keyword</b>: the value is one indexed term, not analysed (match it with a {@link
 *       TermQuery} on the exact value).
 *   <li><b>Text</b>: analysed with Dateline's English text analysis: Unicode word breaks,
 *       possessives removed, lower-cased, folded to ASCII, lightly stemmed ({@code officials} is
 *       indexed as {@code official}), no stop words. A term query must use the analysed form; build
 *       text queries with {@link NewsQuery.Builder#text} instead.
 *   <li><b>Name</b>: analysed as names: Unicode word breaks, lower-cased, folded to ASCII,
 *       honorifics and "the" dropped, Slavic transliteration endings folded ({@code Zelenskyy} is
 *       indexed as {@code zelensky}); not stemmed. A name filter is a phrase of those tokens: use
 *       {@link #newSourceQuery} and its siblings.
 *   <li><b>Stored only</b>: kept for display and for {@link NewsIndex#get}, not searchable.
 *   <li><b>Summary</b>: kept for display and for {@link NewsIndex#get} in the internal hit summary
 *       (a doc value), and in the stored fields only when the value is longer than the summary
 *       keeps (1,000 characters; for entities, more than 100 of them or 10 aliases): read articles
 *       with {@link NewsIndex#get}, not from the stored fields (index format 5).
 * </ul>
 *
 * Multi-valued fields (several paragraphs, bullets, tags, names) are indexed with a gap of 100
 * positions between values, so a phrase never spans two values. Besides the fields below, the
 * index holds internal fields (the stored encoding of entities, a binary doc value summarising
 * each hit) whose names and contents are not part of the API.
 */
public final class IndexFields {

  private IndexFields() {}

  // ---------------------------------------------------------------- identity

  /**
   * The article id ({@link Article#id()}): keyword (case-sensitive, exactly as given), summary, and
   * sorted doc values (the tie-break of every sort). One document per id. Query: {@link
   * #newIdQuery}.
   */
  public static final String ID = "id";

  /** The article URL: summary only. */
  public static final String URL = "url";

  // ---------------------------------------------------------------- text fields

  /** The headline: text, summary. Searched as {@link SearchField#HEADLINE}. */
  public static final String HEADLINE = "headline";

  /** The summary bullets: text, one value per bullet, stored. {@link SearchField#BULLETS}. */
  public static final String BULLETS = "bullets";

  /** The subheads: text, one value per subhead, stored. {@link SearchField#SUBHEADS}. */
  public static final String SUBHEADS = "subheads";

  /** The body: text, one value per paragraph, stored. {@link SearchField#BODY}. */
  public static final String BODY = "body";

  /** The photo captions: text, one value per caption, stored. {@link SearchField#CAPTIONS}. */
  public static final String CAPTIONS = "captions";

  /**
   * The byline: text, summary; each author name is indexed here too (as text, not stored). {@link
   * SearchField#BYLINE}.
   */
  public static final String BYLINE = "byline";

  /**
   * All text fields as one, for scoring them together (BM25F): text, not stored, never a query
   * prefix. Each field's text is indexed here as many times as its {@link
   * SearchField#defaultBoost() default boost} (the headline three times, bullets and subheads
   * twice, the others once), each value separated from the next by the usual position gap, so the
   * BM25 statistics of a word here are the weighted sums of its statistics in the fields. Text
   * without a field prefix is searched here when the index uses the default boosts.
   */
  public static final String ALL_TEXT = "all_text";

  // ---------------------------------------------------------------- names

  /**
   * The source (publisher): name, summary. Its value as given is also in {@link #FACET_SOURCE}.
   * Query: {@link #newSourceQuery}.
   */
  public static final String SOURCE = "source";

  /** The section: name, summary. Query: {@link #newSectionQuery}. */
  public static final String SECTION = "section";

  /** The tags: name, one value per tag, stored. Query: {@link #newTagQuery}. */
  public static final String TAG = "tag";

  /**
   * People mentioned: name, one value per canonical name and per alias of each person entity; not
   * stored. Query: {@link #newEntityQuery}.
   */
  public static final String PERSON = "person";

  /**
   * Places mentioned: name, one value per canonical name and per alias of each place entity, plus
   * the dateline place (so stories filed from a place match it); not stored. Query: {@link
   * #newEntityQuery}.
   */
  public static final String PLACE = "place";

  /**
   * Organisations mentioned: name, one value per canonical name and per alias of each organisation
   * entity, plus each credited agency; not stored. Query: {@link #newEntityQuery}.
   */
  public static final String ORG = "org";

  // ---------------------------------------------------------------- other values

  /**
   * The language code: keyword, lower-cased (root locale), stored. Query: {@link
   * #newLanguageQuery}.
   */
  public static final String LANGUAGE = "language";

  /** The dateline place as written ({@code KYIV}): stored only (searchable through {@link #PLACE}). */
  public static final String DATELINE = "dateline";

  /** The author names: stored only, one value per author (searchable through {@link #BYLINE}). */
  public static final String AUTHORS = "authors";

  /** The credited agencies: stored only, one value each (searchable through {@link #ORG}). */
  public static final String CREDITS = "credits";

  /**
   * The publication time in epoch milliseconds (UTC): a Lucene {@code LongField}, that is a
   * one-dimensional long point (so {@code LongPoint.newRangeQuery} and {@code
   * LongPoint.newExactQuery} work on it), sorted-numeric doc values, and summary. Undated articles
   * have no value. The index is sorted on this field, newest first, then by {@link #ID}. Query:
   * {@link #newPublishedRangeQuery}, which uses that sort.
   */
  public static final String PUBLISHED = "published";

  /** The update time in epoch milliseconds (UTC): stored only (a long). */
  public static final String UPDATED = "updated";

  /**
   * The source as given (cut to its first 1000 characters): sorted-set doc values, for counting
   * articles per source in a custom collector. Not indexed for search; query {@link #SOURCE}.
   */
  public static final String FACET_SOURCE = "facet.source";

  /**
   * Each entity's type and canonical name: sorted-set doc values whose values are the {@link
   * EntityType#key()}, the character U+001F, and the canonical name (e.g. {@code
   * "person\u001fRustem Umerov"}), for counting entities in a custom collector. Not indexed for
   * search; query {@link #PERSON}, {@link #PLACE} or {@link #ORG}.
   */
  public static final String FACET_ENTITY = "facet.entity";

  // ---------------------------------------------------------------- field lookups

  /**
   * The field a searchable text part is indexed in ({@link #HEADLINE} for {@link
   * SearchField#HEADLINE}, and so on).
   *
   * @param field the searchable text part
   * @return the field name, one of the text field constants of this class
   * @throws NullPointerException if {@code field} is null
   */
  public static String textField(SearchField field) {
    return switch (Objects.requireNonNull(field, "field")) {
      case HEADLINE -> HEADLINE;
      case BULLETS -> BULLETS;
      case SUBHEADS -> SUBHEADS;
      case BODY -> BODY;
      case CAPTIONS -> CAPTIONS;
      case BYLINE -> BYLINE;
    };
  }

  /**
   * The field the names of an entity type are indexed in.
   *
   * @param type the entity type
   * @return {@link #PERSON}, {@link #PLACE} or {@link #ORG}
   * @throws NullPointerException if {@code type} is null
   */
  public static String entityField(EntityType type) {
    return switch (Objects.requireNonNull(type, "type")) {
      case PERSON -> PERSON;
      case PLACE -> PLACE;
      case ORG -> ORG;
    };
  }

  // ---------------------------------------------------------------- query factories

  /**
   * Matches the article with this id (exact, case-sensitive; no stripping or other
   * normalisation).
   *
   * @param id the article id
   * @return a term query on {@link #ID}
   * @throws NullPointerException if {@code id} is null
   */
  public static Query newIdQuery(String id) {
    return new TermQuery(Schema.idTerm(Objects.requireNonNull(id, "id")));
  }

  /**
   * Articles published in {@code [from, to]}, both inclusive, to the millisecond; a null bound is
   * open. Undated articles never match. Answered from the index sort where it can (a binary search
   * instead of a scan), which plain {@code LongPoint.newRangeQuery} does not do. Does not score.
   *
   * @param from the lower bound, inclusive, or null for none
   * @param to the upper bound, inclusive, or null for none; with both null the query matches every
   *     dated article
   * @return the range query; a query matching nothing when {@code from} is after {@code to}
   */
  public static Query newPublishedRangeQuery(Instant from, Instant to) {
    long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    return Schema.publishedBetween(lo, hi);
  }

  /**
   * Articles whose source contains {@code name} as a phrase after name analysis, as the {@code
   * source:} filter does ({@code "straits times"} matches "The Straits Times"). Does not score. A
   * name with no words (only punctuation or honorifics) matches nothing.
   *
   * @param name the source's name, or part of it
   * @return a non-scoring query on {@link #SOURCE}
   * @throws NullPointerException if {@code name} is null
   */
  public static Query newSourceQuery(String name) {
    return nameQuery(SOURCE, name);
  }

  /**
   * Articles whose section contains {@code name} as a phrase, like {@link #newSourceQuery}.
   *
   * @param name the section's name, or part of it
   * @return a non-scoring query on {@link #SECTION}
   * @throws NullPointerException if {@code name} is null
   */
  public static Query newSectionQuery(String name) {
    return nameQuery(SECTION, name);
  }

  /**
   * Articles with a tag containing {@code name} as a phrase, like {@link #newSourceQuery}.
   *
   * @param name the tag, or part of it
   * @return a non-scoring query on {@link #TAG}
   * @throws NullPointerException if {@code name} is null
   */
  public static Query newTagQuery(String name) {
    return nameQuery(TAG, name);
  }

  /**
   * Articles with an entity of this type whose canonical name or an alias contains {@code name}
   * as a phrase after name analysis ({@code "zelenskyy"} matches "Volodymyr Zelensky"). Does not
   * score. Unlike the entity filters of {@link NewsQuery}, the name is not expanded into the known
   * variants of the index's {@link EntityExtractor}: only names stored with the article match.
   *
   * @param type the entity type, which picks the field ({@link #entityField})
   * @param name the entity's name, or part of it
   * @return a non-scoring query on {@link #PERSON}, {@link #PLACE} or {@link #ORG}
   * @throws NullPointerException if {@code type} or {@code name} is null
   */
  public static Query newEntityQuery(EntityType type, String name) {
    return nameQuery(entityField(type), name);
  }

  /**
   * Articles in this language (the code is lower-cased, as at indexing, but not stripped).
   *
   * @param code the language code, e.g. {@code en}
   * @return a term query on {@link #LANGUAGE}
   * @throws NullPointerException if {@code code} is null
   */
  public static Query newLanguageQuery(String code) {
    Objects.requireNonNull(code, "code");
    return new TermQuery(new Term(LANGUAGE, code.toLowerCase(Locale.ROOT)));
  }

  private static Query nameQuery(String field, String name) {
    Objects.requireNonNull(name, "name");
    return Schema.nameMatches(field, List.of(name));
  }
}
