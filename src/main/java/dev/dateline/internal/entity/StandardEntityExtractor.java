package dev.dateline.internal.entity;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in extractor: a {@link Gazetteer} of well-known names with aliases and
 * transliterations, plus rules for names it lacks ({@link MentionFinder}), merged per article by
 * {@link ArticleEntities}. Reads the headline, bullets, subheads, body and captions (without their
 * photo credits); a dateline that names a gazetteer place counts as a mention of it. Stateless and
 * thread-safe; no network, no model.
 */
public final class StandardEntityExtractor implements EntityExtractor {
  private static final StandardEntityExtractor INSTANCE =
      new StandardEntityExtractor(Gazetteer.standard());
  /** "PHOTO: REUTERS", "ST PHOTO: ..." closing a caption: a credit, not a mention. */
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile("\\s+(?:\\p{Lu}{1,6}\\s+)?(?:FILE\\s+)?(?:PHOTOS?|Photos?|PICTURE|Picture)\\s*:.*$");

  private final Gazetteer gazetteer;
  private final MentionFinder finder;

  private StandardEntityExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.finder = new MentionFinder(gazetteer);
  }

  public static StandardEntityExtractor instance() {
    return INSTANCE;
  }

  @Override
  public List<Entity> extract(Article article) {
    List<Mention> mentions = new ArrayList<>();
    if (article.headline() != null) {
      find(article.headline(), "headline", 0, mentions);
    }
    List<String> bullets = article.bullets();
    for (int i = 0; i < bullets.size(); i++) {
      find(bullets.get(i), "bullets", i, mentions);
    }
    if (article.dateline() != null) {
      String d = article.dateline();
      gazetteer
          .find(EntityType.PLACE, d)
          .ifPresent(
              e ->
                  mentions.add(
                      new Mention(EntityType.PLACE, e, e.canonical(),
                          List.of(Gazetteer.keyOf(e.canonical())), null,
                          Mention.Evidence.STRONG, 0, 0,
                          new EntityMention("dateline", 0, 0, d.length(), d))));
    }
    List<String> body = article.body();
    for (int i = 0; i < body.size(); i++) {
      find(body.get(i), "body", i, mentions);
    }
    List<String> subheads = article.subheads();
    for (int i = 0; i < subheads.size(); i++) {
      find(subheads.get(i), "subheads", i, mentions);
    }
    List<String> captions = article.captions();
    for (int i = 0; i < captions.size(); i++) {
      find(PHOTO_CREDIT.matcher(captions.get(i)).replaceFirst(""), "captions", i, mentions);
    }
    return ArticleEntities.resolve(mentions);
  }

  /** Mentions in one text element, with their positions. */
  private void find(String text, String field, int index, List<Mention> out) {
    List<Token> tokens = Tokenizer.tokenize(text);
    List<Mention> found = new ArrayList<>();
    finder.find(tokens, found);
    for (Mention m : found) {
      int start = tokens.get(m.tokenStart()).start();
      int end = tokens.get(m.tokenEnd() - 1).end();
      out.add(m.withAt(new EntityMention(field, index, start, end, text.substring(start, end))));
    }
  }

  /**
   * The canonical name and every known alias when the gazetteer knows {@code name} as an entity of
   * {@code type} (any alias, any case, with or without diacritics); otherwise just {@code name}.
   */
  @Override
  public List<String> variants(EntityType type, String name) {
    return gazetteer
        .find(type, name)
        .map(
            e -> {
              Set<String> all = new LinkedHashSet<>();
              all.add(e.canonical());
              all.addAll(e.aliases());
              return List.copyOf(all);
            })
        .orElse(List.of(name));
  }
}
