package dev.dateline.internal.entity;

import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.util.List;

/**
 * One occurrence of a name in article text, before names are merged across the article.
 *
 * @param type what the name is
 * @param entry the gazetteer entry, or null for a name found by the rules
 * @param name the name as printed, without title or possessive ("Zelensky", "Vadym Filashkin")
 * @param nameKeys folded tokens of {@code name}
 * @param titledForm the name with its honorific ("Mr Zelensky"), or null
 * @param evidence how sure the finder is
 * @param tokenStart first token of the name in its text
 * @param tokenEnd token just past the name
 * @param at where the name is printed in the article, or null while not known
 */
record Mention(
    EntityType type,
    Gazetteer.Entry entry,
    String name,
    List<String> nameKeys,
    String titledForm,
    Evidence evidence,
    int tokenStart,
    int tokenEnd,
    EntityMention at) {

  /** How a mention was recognised. */
  enum Evidence {
    /** Gazetteer name, title, suffix, cue word or given name. */
    STRONG,
    /** A lone capitalised word: kept only if it is the surname of a person named in full. */
    SURNAME_CANDIDATE
  }

  Mention {
    nameKeys = List.copyOf(nameKeys);
  }

  Mention withType(EntityType t) {
    return new Mention(t, entry, name, nameKeys, titledForm, evidence, tokenStart, tokenEnd, at);
  }

  Mention strong() {
    return new Mention(type, entry, name, nameKeys, titledForm, Evidence.STRONG, tokenStart, tokenEnd, at);
  }

  Mention withAt(EntityMention where) {
    return new Mention(type, entry, name, nameKeys, titledForm, evidence, tokenStart, tokenEnd, where);
  }

  /** The canonical name for merging: the gazetteer's, or the printed name. */
  String canonical() {
    return entry != null ? entry.canonical() : name;
  }
}
