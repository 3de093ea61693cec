package dev.dateline.internal.entity;

import static dev.dateline.internal.entity.Token.keys;
import static dev.dateline.internal.entity.Token.text;

import dev.dateline.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@link Mention}s in one piece of text, in a single left-to-right pass over its tokens.
 *
 * <p>At each token, in this order:
 *
 * <ol>
 *   <li>a title ("Mr", "President", "Foreign Minister", "spokesman") followed by capitalised words
 *       makes those words a person; the title is not part of the name;
 *   <li>a capitalised span shaped like an organisation ("... Council", "Ministry of ...") that is
 *       longer than any gazetteer name inside it is an organisation;
 *   <li>otherwise the longest gazetteer name starting here is taken (demonyms such as "Ukrainian"
 *       are consumed but are not entities);
 *   <li>otherwise an unknown run of capitalised words is classified by cue words (see {@link
 *       #classifyUnknown}); sentence-initial capitals and {@link Lexicon#isNeverName never-names}
 *       need stronger evidence.
 * </ol>
 */
final class MentionFinder {
  private static final int MAX_NAME_TOKENS = 6;
  private static final int MAX_SPAN_TOKENS = 8;
  private static final int MAX_APPOSITION_SKIP = 4;

  private final Gazetteer gazetteer;

  MentionFinder(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** Adds the mentions in {@code text} to {@code out}. */
  void find(String text, List<Mention> out) {
    find(Tokenizer.tokenize(text), out);
  }

  /** Adds the mentions in the tokens to {@code out}; their token spans are set, not {@code at}. */
  void find(List<Token> t, List<Mention> out) {
    boolean[] orgHint = new boolean[t.size() + 1];
    int i = 0;
    while (i < t.size()) {
      int next = step(t, i, orgHint, out);
      i = Math.max(next, i + 1);
    }
  }

  /** Handles the token at {@code i}; returns the index to continue from. */
  private int step(List<Token> t, int i, boolean[] orgHint, List<Mention> out) {
    int title = Lexicon.titleLength(t, i);
    while (title > 0 && i + title < t.size() && !t.get(i + title).breakBefore()
        && Lexicon.titleLength(t, i + title) > 0) {
      title += Lexicon.titleLength(t, i + title); // "Energy Minister Prince Abdulaziz"
    }
    if (title > 0) {
      int nameEnd = nameEnd(t, i + title);
      if (nameEnd > i + title && personAfterTitle(t, i, i + title, nameEnd, orgHint, out)) {
        return nameEnd;
      }
    }
    Token tok = t.get(i);
    if (!tok.capitalised()) {
      return i + 1;
    }
    Gazetteer.Match g = gazetteer.longestMatch(t, i);
    int spanEnd = spanEnd(t, i);
    boolean placeThenOrg =
        g != null && (g.entry().isDemonym() || g.entry().type() == EntityType.PLACE)
            && spanEnd - g.end() >= 2
            && (isOrgShaped(t, g.end(), spanEnd) || gazetteer.longestMatch(t, g.end()) != null);
    if (spanEnd - i >= 2 && (g == null || g.end() < spanEnd) && !placeThenOrg
        && isOrgShaped(t, i, spanEnd)) {
      addOrg(t, trimStart(t, i, spanEnd), spanEnd, out);
      return spanEnd;
    }
    if (g != null) {
      if (!g.entry().isDemonym()) {
        out.add(fromGazetteer(t, g, null));
        noteApposition(t, g.end(), orgHint);
      }
      return g.end();
    }
    if (Lexicon.isNeverName(tok.key()) || Lexicon.isTitleWord(tok.key())) {
      return i + 1;
    }
    int runEnd = nameEnd(t, i);
    classifyUnknown(t, i, runEnd, orgHint, out);
    return runEnd;
  }

  private boolean personAfterTitle(
      List<Token> t, int titleStart, int s, int e, boolean[] orgHint, List<Mention> out) {
    if (t.get(s).breakBefore() || Lexicon.isOrgSuffix(t.get(e - 1).key())) {
      return false;
    }
    String honorific =
        Lexicon.isHonorific(t.get(titleStart).key()) && s == titleStart + 1
            ? t.get(titleStart).text()
            : null;
    Gazetteer.Match g = gazetteer.longestMatch(t, s);
    if (g != null && g.end() == e && g.entry().type() == EntityType.PERSON) {
      out.add(fromGazetteer(t, g, honorific));
    } else if (g != null && g.entry().type() != EntityType.PERSON) {
      return false;
    } else {
      String name = text(t, s, e);
      out.add(
          new Mention(
              EntityType.PERSON, null, name, keys(t, s, e),
              honorific == null ? null : honorific + " " + name, Mention.Evidence.STRONG,
              s, e, null));
    }
    noteApposition(t, e, orgHint);
    return true;
  }

  private Mention fromGazetteer(List<Token> t, Gazetteer.Match g, String honorific) {
    String name = text(t, g.start(), g.end());
    return new Mention(
        g.entry().type(), g.entry(), name, keys(t, g.start(), g.end()),
        honorific == null ? null : honorific + " " + name, Mention.Evidence.STRONG,
        g.start(), g.end(), null);
  }

  /**
   * Organisation span; a generic one ("Foreign Ministry") right after a country or its adjective
   * ("the UAE's", "Qatari") is named after the country.
   */
  private void addOrg(List<Token> t, int s, int e, List<Mention> out) {
    String name = text(t, s, e);
    if (s > 0 && Lexicon.isGenericOrg(String.join(" ", keys(t, s, e)))) {
      String country = countryEndingAt(t, s);
      if (country != null) {
        name = country + " " + name;
      }
    }
    out.add(new Mention(EntityType.ORG, null, name, keys(t, s, e), null, Mention.Evidence.STRONG,
        s, e, null));
  }

  /** The place (or the country of a demonym) whose gazetteer name ends just before {@code s}. */
  private String countryEndingAt(List<Token> t, int s) {
    for (int start = s - 1; start >= Math.max(0, s - 4); start--) {
      Gazetteer.Match g = gazetteer.longestMatch(t, start);
      if (g != null && g.end() == s
          && (g.entry().isDemonym() || g.entry().type() == EntityType.PLACE)) {
        return g.entry().canonical();
      }
    }
    return null;
  }

  /**
   * Classifies capitalised tokens {@code [s, e)} that no gazetteer entry or title explains, by cue
   * words: "X region" and "the town of X" are places, "media outlet X" an organisation, an
   * acronym an organisation, a given name ("Sarah ...") or a speech verb ("X said") a person, and
   * "in X" a place. A lone word with no cue may still be a known person's surname.
   */
  private void classifyUnknown(List<Token> t, int s, int e, boolean[] orgHint, List<Mention> out) {
    while (s < e && Lexicon.isNeverName(t.get(s).key())) {
      s++;
    }
    while (e > s && Lexicon.isNeverName(t.get(e - 1).key())) {
      e--;
    }
    if (s >= e) {
      return;
    }
    int len = e - s;
    Token first = t.get(s);
    Token before = s > 0 && !first.breakBefore() ? t.get(s - 1) : null;
    Token after = e < t.size() && !t.get(e).breakBefore() && !t.get(e - 1).possessive()
        ? t.get(e) : null;
    EntityType type = null;
    if (orgHint[s]) {
      type = EntityType.ORG;
    } else if (after != null && Lexicon.isPlaceNounAfter(after.key())) {
      type = EntityType.PLACE;
    } else if (s >= 2 && before != null && before.key().equals("of")
        && !t.get(s - 1).breakBefore() && Lexicon.isPlaceNounBeforeOf(t.get(s - 2).key())) {
      type = EntityType.PLACE;
    } else if (before != null && Lexicon.isOrgDescriptor(before.key())
        && first.text().length() >= 2) {
      type = EntityType.ORG;
    } else if (len == 1 && first.allCaps() && first.text().length() <= 6) {
      type = EntityType.ORG;
    } else if (len >= 2 && len <= 3 && looksLikePersonName(t, s, e)
        && (Lexicon.isFirstName(first.key())
            || (after != null && Lexicon.isSpeechVerb(after.key()))
            || (before != null && Lexicon.isSpeechVerb(before.key()))
            || appositionFollows(t, e))) {
      type = EntityType.PERSON;
    } else if (!first.sentenceStart() && Lexicon.isGenericOrg(String.join(" ", keys(t, s, e)))) {
      addOrg(t, s, e, out);
      return;
    } else if (!first.sentenceStart() && before != null
        && Lexicon.isPlacePreposition(before.key()) && len <= 3) {
      type = EntityType.PLACE;
    }
    if (type != null) {
      out.add(new Mention(type, null, text(t, s, e), keys(t, s, e), null, Mention.Evidence.STRONG,
          s, e, null));
      if (type == EntityType.PERSON) {
        noteApposition(t, e, orgHint);
      }
    } else if (len == 1 && !first.allCaps()) {
      out.add(
          new Mention(
              EntityType.PERSON, null, first.text(), List.of(first.key()), null,
              Mention.Evidence.SURNAME_CANDIDATE, s, s + 1, null));
    }
  }

  private static boolean looksLikePersonName(List<Token> t, int s, int e) {
    for (int i = s; i < e; i++) {
      Token tok = t.get(i);
      if (tok.numeric() || tok.allCaps() || Lexicon.isOrgSuffix(tok.key())) {
        return false;
      }
    }
    return true;
  }

  /** Whether ", head of", ", the chief executive of", ... follows token {@code e}. */
  private static boolean appositionFollows(List<Token> t, int e) {
    return appositionTarget(t, e) >= 0;
  }

  /** Marks the start of Y in "X, head of Y" so that an unknown Y is taken as an organisation. */
  private static void noteApposition(List<Token> t, int e, boolean[] orgHint) {
    int target = appositionTarget(t, e);
    if (target >= 0) {
      orgHint[target] = true;
    }
  }

  /** Index of Y in "[e], (the|a) role (of|at|for) Y", or -1. */
  private static int appositionTarget(List<Token> t, int e) {
    if (e >= t.size() || !t.get(e).breakBefore()) {
      return -1;
    }
    int i = e;
    if (i < t.size() && (t.get(i).key().equals("the") || t.get(i).key().equals("a"))) {
      i++;
    }
    int roles = 0;
    while (i < t.size() && roles < 3 && Lexicon.isAppositionRole(t.get(i).key())) {
      i++;
      roles++;
    }
    if (roles == 0 || i + 1 >= t.size()) {
      return -1;
    }
    int skipped = 0;
    while (i < t.size() - 1 && !isAppositionLink(t.get(i).key()) && !t.get(i).capitalised()
        && !t.get(i).breakBefore() && skipped < MAX_APPOSITION_SKIP) {
      i++; // "head of commodity strategy at Y"
      skipped++;
    }
    if (!isAppositionLink(t.get(i).key())) {
      return -1;
    }
    i++;
    if (i < t.size() - 1 && !t.get(i).capitalised() && !t.get(i).key().equals("the")) {
      while (i < t.size() - 1 && !t.get(i).breakBefore() && !isAppositionLink(t.get(i).key())
          && !t.get(i).capitalised() && skipped < MAX_APPOSITION_SKIP) {
        i++;
        skipped++;
      }
      if (isAppositionLink(t.get(i).key())) {
        i++;
      }
    }
    if (i >= t.size()) {
      return -1;
    }
    if (t.get(i).key().equals("the") && i + 1 < t.size()) {
      i++;
    }
    return t.get(i).capitalised() && !t.get(i).breakBefore() ? i : -1;
  }

  private static boolean isAppositionLink(String key) {
    return key.equals("of") || key.equals("at") || key.equals("for");
  }

  /** End of a person name from {@code s}: capitalised words and particles, no punctuation. */
  private static int nameEnd(List<Token> t, int s) {
    int j = s;
    while (j < t.size() && j - s < MAX_NAME_TOKENS) {
      Token tok = t.get(j);
      if (j > s && tok.breakBefore()) {
        break;
      }
      boolean particle = j > s && Lexicon.isNameParticle(tok.key()) && j + 1 < t.size()
          && t.get(j + 1).capitalised() && !t.get(j + 1).breakBefore();
      if (!(tok.capitalised() && !tok.numeric()) && !particle) {
        break;
      }
      if (Lexicon.isNeverName(tok.key()) && j > s) {
        break;
      }
      j++;
      if (tok.possessive()) {
        break;
      }
    }
    return j;
  }

  /**
   * End of a capitalised span from {@code s} that may contain connectors ("National Security and
   * Defence Council", "Bank of England") and numbers ("France 2"); it stops before a title.
   */
  private static int spanEnd(List<Token> t, int s) {
    int j = s + 1;
    while (j < t.size() && j - s < MAX_SPAN_TOKENS) {
      Token tok = t.get(j);
      if (tok.breakBefore() || Lexicon.titleLength(t, j) > 0) {
        break;
      }
      if (tok.capitalised() || tok.numeric()) {
        j++;
      } else if (Lexicon.isConnector(tok.key()) && j + 1 < t.size()
          && t.get(j + 1).capitalised() && !t.get(j + 1).breakBefore()) {
        j += 2;
      } else {
        break;
      }
      if (t.get(j - 1).possessive()) {
        break;
      }
    }
    return j;
  }

  private static boolean isOrgShaped(List<Token> t, int s, int e) {
    int start = trimStart(t, s, e);
    if (e - start < 2) {
      return false;
    }
    return Lexicon.isOrgSuffix(t.get(e - 1).key())
        || (Lexicon.isOrgHead(t.get(start).key()) && t.get(start + 1).key().equals("of"));
  }

  private static int trimStart(List<Token> t, int s, int e) {
    int i = s;
    while (i < e - 1 && Lexicon.isNeverName(t.get(i).key())) {
      i++;
    }
    return i;
  }
}
