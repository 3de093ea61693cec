package dev.dateline.internal.entity;

import dev.dateline.Entity;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the {@link Mention}s of one article into {@link Entity}s.
 *
 * <p>Mentions with the same type and canonical name are one entity. A one-word person mention
 * ("Mr Filashkin", a lone "Filashkin") joins the person named in full whose last name matches, if
 * exactly one does; people who share a first name stay apart because only surnames link. A
 * titled one-word mention with no such person is kept as it is; an untitled lone word is dropped.
 * A lone organisation word ("the Bank", "the Commission") joins the one organisation of the
 * article whose name has that word, if exactly one does. Each entity's aliases are the
 * gazetteer's plus the forms seen in the article.
 */
final class ArticleEntities {
  private static final class Accumulator {
    final EntityType type;
    final String canonical;
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<String> surnames = new LinkedHashSet<>();
    final List<EntityMention> occurrences = new ArrayList<>();
    int mentions;

    Accumulator(EntityType type, String canonical) {
      this.type = type;
      this.canonical = canonical;
    }
  }

  private ArticleEntities() {}

  static List<Entity> resolve(List<Mention> mentions) {
    Map<String, Accumulator> byKey = new LinkedHashMap<>();
    List<Mention> shortPeople = new ArrayList<>();
    List<Mention> heads = new ArrayList<>();
    for (Mention m : mentions) {
      boolean oneWord = m.entry() == null && m.nameKeys().size() == 1;
      if (oneWord && m.type() == EntityType.PERSON) {
        shortPeople.add(m);
      } else if (oneWord && m.type() == EntityType.ORG && HEADS.contains(m.nameKeys().get(0))) {
        heads.add(m);
      } else {
        add(byKey, m);
      }
    }
    for (Mention m : heads) {
      Accumulator org = uniqueOrgNamedWith(byKey, m.nameKeys().get(0));
      if (org != null) {
        record(org, m);
      } else {
        add(byKey, m);
      }
    }
    for (Mention m : shortPeople) {
      Accumulator person = uniquePersonWithSurname(byKey, m.nameKeys().get(0));
      if (person != null) {
        record(person, m);
      } else if (m.evidence() == Mention.Evidence.STRONG) {
        add(byKey, m);
      }
    }
    List<Entity> out = new ArrayList<>(byKey.size());
    for (Accumulator a : byKey.values()) {
      out.add(new Entity(a.type, a.canonical, List.copyOf(a.aliases), a.mentions, a.occurrences));
    }
    return out;
  }

  private static void add(Map<String, Accumulator> byKey, Mention m) {
    String key = m.type().key() + '\u0000' + Folding.fold(m.canonical());
    Accumulator a = byKey.computeIfAbsent(key, k -> new Accumulator(m.type(), m.canonical()));
    if (m.entry() != null) {
      a.aliases.addAll(m.entry().aliases());
      a.surnames.addAll(m.entry().lastNameKeys());
    }
    a.surnames.add(m.nameKeys().get(m.nameKeys().size() - 1));
    record(a, m);
  }

  private static void record(Accumulator a, Mention m) {
    a.mentions++;
    if (m.at() != null) {
      a.occurrences.add(m.at());
    }
    a.aliases.add(m.name());
    if (m.titledForm() != null) {
      a.aliases.add(m.titledForm());
    }
  }

  /**
   * Words that, capitalised and alone, stand for an organisation the article names in full: "the
   * Bank" after "the Bank of England", "the Commission" after "the European Commission".
   */
  private static final Set<String> HEADS =
      Set.of("bank", "commission", "exchange", "fund", "ministry", "agency", "board", "court");

  /** The one organisation whose name has the word {@code key}, other than the word alone. */
  private static Accumulator uniqueOrgNamedWith(Map<String, Accumulator> byKey, String key) {
    return unique(byKey, a -> a.type == EntityType.ORG && a.canonical.contains(" ")
        && java.util.Arrays.asList(Folding.fold(a.canonical).split(" ")).contains(key));
  }

  private static Accumulator uniquePersonWithSurname(Map<String, Accumulator> byKey, String key) {
    return unique(byKey, a -> a.type == EntityType.PERSON && a.canonical.contains(" ")
        && a.surnames.contains(key));
  }

  /** The one entity {@code test} accepts; null when none or several do. */
  private static Accumulator unique(
      Map<String, Accumulator> byKey, java.util.function.Predicate<Accumulator> test) {
    Accumulator found = null;
    for (Accumulator a : byKey.values()) {
      if (test.test(a)) {
        if (found != null) {
          return null;
        }
        found = a;
      }
    }
    return found;
  }
}
