package dev.dateline.internal.entity;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import java.util.List;

/** The built-in extractor (placeholder until the gazetteer and rules land). */
public final class StandardEntityExtractor implements EntityExtractor {
  private static final StandardEntityExtractor INSTANCE = new StandardEntityExtractor();

  public static StandardEntityExtractor instance() {
    return INSTANCE;
  }

  @Override
  public List<Entity> extract(Article article) {
    return List.of();
  }
}
