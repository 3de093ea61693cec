package dev.dateline.internal.search;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.IndexFields;
import dev.dateline.internal.index.Schema;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The query for articles related to one article: Lucene's {@link MoreLikeThis} over its headline
 * and body (the stored text analysed again with the index's analyzer), plus its most mentioned
 * entities as name matches.
 */
public final class Related {
  /** Terms kept from the text: the most distinctive by tf-idf. */
  static final int MAX_TERMS = 30;
  /** Entities kept: the most mentioned. */
  static final int MAX_ENTITIES = 8;
  /** Weight of one shared entity, about that of a moderately distinctive shared term. */
  static final float ENTITY_BOOST = 2f;

  /** English stop words: the terms every article shares say nothing about its subject. */
  private static final Set<String> STOP_WORDS = stopWords();

  private Related() {}

  private static Set<String> stopWords() {
    Set<String> out = new HashSet<>();
    for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      out.add(new String((char[]) w));
    }
    out.addAll(List.of("said", "says", "would", "could", "also", "year", "new", "one", "two"));
    return Set.copyOf(out);
  }

  /**
   * The related-articles query for document {@code doc} (the article {@code article}), or null
   * if it has no text or entities to go on.
   */
  public static Query query(IndexReader reader, Analyzer analyzer, int doc, Article article)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {IndexFields.HEADLINE, IndexFields.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMinWordLen(2);
    mlt.setStopWords(STOP_WORDS);
    mlt.setMaxQueryTerms(MAX_TERMS);
    mlt.setBoost(true);
    Query text = mlt.like(doc);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    if (!(text instanceof BooleanQuery bq) || !bq.clauses().isEmpty()) {
      any.add(text, Occur.SHOULD);
      clauses++;
    }
    List<Entity> entities =
        article.entities().stream()
            .sorted(Comparator.comparingInt(Entity::mentions).reversed().thenComparing(Entity::name))
            .limit(MAX_ENTITIES)
            .toList();
    for (Entity e : entities) {
      Query q = Schema.nameMatches(IndexFields.entityField(e.type()), List.of(e.name()));
      if (!(q instanceof MatchNoDocsQuery)) {
        any.add(new BoostQuery(q, ENTITY_BOOST), Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : any.build();
  }
}
