package dev.dateline.internal.entity;

import static dev.dateline.internal.entity.Token.keys;
import static dev.dateline.internal.entity.Token.text;

import dev.dateline.Article;
import dev.dateline.Entity;
import dev.dateline.EntityExtractor;
import dev.dateline.EntityMention;
import dev.dateline.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in extractor: the {@link NerTagger} finds names in each text element; the {@link
 * Gazetteer} and the rules of {@link MentionFinder} name, type and correct them (see {@link
 * #tag}); names are then propagated across the article and merged per article by {@link
 * ArticleEntities}. Reads the headline, bullets, subheads, body and captions (without their photo
 * credits); a dateline that names a gazetteer place counts as a mention of it. Every mention
 * carries its field, element index and character offsets. Stateless and thread-safe; no network;
 * the model ships as a resource.
 */
public final class StandardEntityExtractor implements EntityExtractor {
  private static final StandardEntityExtractor INSTANCE =
      new StandardEntityExtractor(Gazetteer.standard());
  /** "PHOTO: REUTERS", "ST PHOTO: ..." closing a caption: a credit, not a mention. */
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile("\\s+(?:\\p{Lu}{1,6}\\s+)?(?:FILE\\s+)?(?:PHOTOS?|Photos?|PICTURE|Picture)\\s*:.*$");

  private final Gazetteer gazetteer;
  private final MentionFinder finder;
  private static final boolean RULE_BACKSTOP = !Boolean.getBoolean("ner.noBackstop");
  private static final boolean NESTED_PLACES = !Boolean.getBoolean("ner.noNested");
  private static final boolean RULE_TYPE = !Boolean.getBoolean("ner.noRuleType");
  private final NerTagger tagger = NerTagger.standard();

  private StandardEntityExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.finder = new MentionFinder(gazetteer);
  }

  public static StandardEntityExtractor instance() {
    return INSTANCE;
  }

  /** One text element of the article, tokenized and tagged. */
  private static final class Piece {
    final String text;
    final String field;
    final int index;
    final List<Token> tokens;
    final boolean[] covered;
    /** Set in capitals ({@link Capitals}): a headline or a wire table. */
    final boolean capitals;
    final List<Mention> mentions = new ArrayList<>();
    /** Short all-caps words the model took for organisations: kept only if the article defines them. */
    final List<Mention> acronyms = new ArrayList<>();
    /** The dateline line's place mentions (they stay places). */
    final List<Mention> datelineMentions = new ArrayList<>();
    /** Names (folded keys) a dateline line of this piece gives as its place. */
    final List<String> datelineKeys = new ArrayList<>();
    /** Names (folded keys) a result or standings line of this piece gives as teams. */
    final List<String> sideKeys = new ArrayList<>();

    Piece(String text, String field, int index) {
      this.text = text;
      this.field = field;
      this.index = index;
      this.tokens = Tokenizer.words(text);
      this.covered = new boolean[tokens.size()];
      this.capitals = Capitals.of(text);
    }
  }

  @Override
  public List<Entity> extract(Article article) {
    List<Piece> pieces = new ArrayList<>();
    if (article.headline() != null) {
      pieces.add(new Piece(article.headline(), "headline", 0));
    }
    List<String> bullets = article.bullets();
    for (int i = 0; i < bullets.size(); i++) {
      pieces.add(new Piece(bullets.get(i), "bullets", i));
    }
    List<String> body = article.body();
    for (int i = 0; i < body.size(); i++) {
      pieces.add(new Piece(body.get(i), "body", i));
    }
    List<String> subheads = article.subheads();
    for (int i = 0; i < subheads.size(); i++) {
      pieces.add(new Piece(subheads.get(i), "subheads", i));
    }
    List<String> captions = article.captions();
    for (int i = 0; i < captions.size(); i++) {
      pieces.add(
          new Piece(PHOTO_CREDIT.matcher(captions.get(i)).replaceFirst(""), "captions", i));
    }
    NerTagger.Document doc = new NerTagger.Document();
    for (Piece p : pieces) {
      doc.add(p.tokens);
    }
    for (Piece p : pieces) {
      tag(p, doc);
    }
    keepDefinedAcronyms(pieces);
    if (!Boolean.getBoolean("ner.noListPeople")) {
      for (Piece p : pieces) {
        listedPeople(p);
      }
    }
    propagate(pieces);
    if (!Boolean.getBoolean("ner.noVote")) {
      voteTypes(pieces);
    }
    if (!Boolean.getBoolean("ner.noCues")) {
      articleCues(pieces);
    }
    for (Piece p : pieces) {
      nestedPlaces(p);
    }
    List<Mention> mentions = new ArrayList<>();
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
    java.util.Map<String, String> printed = new java.util.HashMap<>();
    for (Piece p : pieces) {
      p.mentions.sort(java.util.Comparator.comparingInt(Mention::tokenStart));
      for (Mention m : p.mentions) {
        if (!NO_MODIFIERS && m.entry() == null && singleLetters(p.tokens, m)) {
          continue; // "W L", "N / A", "Team (B)": table headings and codes, not names
        }
        if (!NO_MODIFIERS && m.type() == EntityType.PLACE && hyphenModifier(p, m)) {
          continue; // "London-based", "pro-Moscow": part of an adjective, like a demonym
        }
        if (!NO_EVENTS && m.type() == EntityType.PLACE && eventName(p.tokens, m)) {
          continue; // "Hong Kong Open", "Gulf War": the place is part of an event's name
        }
        if (m.entry() == null && Gazetteer.isLegalForm(p.tokens.get(m.tokenEnd() - 1).key())
            && ((m.type() == EntityType.PERSON && m.tokenEnd() - m.tokenStart() >= 2)
                || (m.type() == EntityType.ORG && m.tokenStart() > 0
                    && Lexicon.isTitleWord(p.tokens.get(m.tokenStart() - 1).key())))) {
          // "Nikko Securities Co" read as a person; "Instrument Co" of "General Instrument Co"
          m = company(p.tokens, m);
        }
        int start = p.tokens.get(m.tokenStart()).start();
        int end = p.tokens.get(m.tokenEnd() - 1).end();
        String surface = p.text.substring(start, end);
        if (m.entry() == null && m.type() == EntityType.PERSON && hasDigit(surface)) {
          continue; // "MAR8", "JUL8": contract months in a wire price table; no name has a digit
        }
        if (m.entry() == null && abbreviations(p.tokens, m.tokenStart(), m.tokenEnd())) {
          continue; // "QTR SHR", "CTS VS", "MLN DLRS": the headings of a wire earnings table
        }
        if (m.entry() == null) {
          notePrinted(m, p.tokens, surface, printed);
        }
        mentions.add(m.withAt(new EntityMention(p.field, p.index, start, end, surface)));
      }
    }
    List<Entity> entities = unshouted(ArticleEntities.resolve(mentions));
    return printed.isEmpty() ? entities : asPrinted(entities, printed);
  }

  /**
   * People named only in capitals ("REAGAN SAYS ..." in a headline) under their name in title
   * case, as the same person is named in other articles ("Reagan"). A person's name has no
   * acronyms, so nothing is lost; organisations and places keep their capitals ("IBM").
   */
  private static List<Entity> unshouted(List<Entity> entities) {
    List<Entity> out = null;
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      if (e.type() == EntityType.PERSON && shouted(e.name())) {
        if (out == null) {
          out = new ArrayList<>(entities);
        }
        String name = titleCase(e.name());
        List<String> aliases = e.aliases().stream().filter(a -> !a.equals(name)).toList();
        out.set(i, new Entity(e.type(), name, aliases, e.mentions(), e.occurrences()));
      }
    }
    return out == null ? entities : out;
  }

  /** Letters, at least two of them in a row, and none in lower case. */
  private static boolean shouted(String name) {
    boolean twoInARow = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      twoInARow |= i > 0 && Character.isLetter(c) && Character.isLetter(name.charAt(i - 1));
    }
    return twoInARow;
  }

  /** Each word's first letter, and a letter after an apostrophe or hyphen, kept; the rest lower. */
  private static String titleCase(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean first = i == 0 || " '’-".indexOf(name.charAt(i - 1)) >= 0;
      sb.append(first ? c : Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /**
   * A name ending in a legal form read as a person, or an organisation the model began after a
   * title word: the company it names, with the capitalised word before it that was taken for a
   * title ("General" of "General Instrument Co").
   */
  private static Mention company(List<Token> t, Mention m) {
    int s = m.tokenStart();
    int e = m.tokenEnd();
    if (s > 0 && t.get(s - 1).capitalised() && !t.get(s).breakBefore()
        && !Lexicon.isHonorific(t.get(s - 1).key())) {
      s--;
    }
    return new Mention(EntityType.ORG, null, text(t, s, e), keys(t, s, e), null,
        Mention.Evidence.STRONG, s, e, null);
  }

  /**
   * Two or more words, each of one to five capitals without a vowel, the last not a legal form
   * ("CSR LTD" is a company): abbreviations, as a name never is made of them alone.
   */
  private static boolean abbreviations(List<Token> t, int s, int e) {
    if (e - s < 2 || Gazetteer.isLegalForm(t.get(e - 1).key())) {
      return false;
    }
    for (int i = s; i < e; i++) {
      String w = t.get(i).text();
      if (w.isEmpty() || w.length() > 5) {
        return false;
      }
      for (int j = 0; j < w.length(); j++) {
        char c = w.charAt(j);
        if (c < 'B' || c > 'Z' || "EIOU".indexOf(c) >= 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Notes the printed form of a name the gazetteer does not know (and of its titled form), the
   * first one seen. Names are found and merged as words ("Jean Yves Le Drian", from the words of
   * "Jean-Yves Le Drian"); the names and aliases reported are as the article prints them when only
   * hyphens, full stops, ampersands and white space separate their words ("St. Louis", "Marks &
   * Spencer"), white space collapsed.
   */
  private static void notePrinted(
      Mention m, List<Token> t, String surface, java.util.Map<String, String> printed) {
    String words = m.name();
    if (surface.equals(words) || !words.equals(text(t, m.tokenStart(), m.tokenEnd()))) {
      return; // as printed already (the usual case), or not named after its own words
    }
    int offset = t.get(m.tokenStart()).start();
    for (int i = m.tokenStart() + 1; i < m.tokenEnd(); i++) {
      for (int c = t.get(i - 1).end() - offset; c < t.get(i).start() - offset; c++) {
        char between = surface.charAt(c);
        if (!Character.isWhitespace(between) && between != '-' && between != '.' && between != '&'
            && between != ',') { // "Bear, Stearns & Co": a partner firm's comma
          return; // "CHRYSLER <C>", "Poor's Corp": not a name's own punctuation
        }
      }
    }
    String shown = surface.strip().replaceAll("\\s+", " ");
    if (shown.equals(words)) {
      return;
    }
    printed.putIfAbsent(words, shown);
    String titled = m.titledForm();
    if (titled != null && titled.endsWith(" " + words)) {
      printed.putIfAbsent(titled, titled.substring(0, titled.length() - words.length()) + shown);
    }
  }

  /** The entities with their names and aliases as printed ({@link #notePrinted}). */
  private static List<Entity> asPrinted(List<Entity> entities, java.util.Map<String, String> printed) {
    List<Entity> out = new ArrayList<>(entities.size());
    for (Entity e : entities) {
      java.util.Set<String> aliases = new java.util.LinkedHashSet<>();
      for (String alias : e.aliases()) {
        aliases.add(printed.getOrDefault(alias, alias));
      }
      String name = printed.getOrDefault(e.name(), e.name());
      aliases.remove(name);
      out.add(new Entity(e.type(), name, List.copyOf(aliases), e.mentions(), e.occurrences()));
    }
    return out;
  }

  /**
   * The model's names in one piece, named and typed with the rules' help: a name the rules found
   * with exactly the same words keeps their reading (gazetteer entry, country-qualified
   * organisation, "Mr" form); a gazetteer name decides the type; a short unknown all-caps word is
   * not an organisation; gazetteer names the model missed are added.
   */
  private void tag(Piece p, NerTagger.Document doc) {
    List<Token> t = p.tokens;
    if (t.isEmpty()) {
      return;
    }
    List<Mention> rules = new ArrayList<>();
    finder.find(t, rules);
    NerTagger.Sentence x = NerTagger.sentence(t, doc);
    datelinePlaces(p);
    tableTeams(p);
    tablePeople(p);
    scoreTeams(p);
    if (p.capitals) {
      // Headlines and wire tables in capitals: known names first, the model only around them.
      for (int i = 0; i < t.size(); i++) {
        Gazetteer.Match g = gazetteer.longestMatch(t, i);
        if (g != null && !g.entry().isDemonym() && free(p, i, g.end())) {
          add(p, new Mention(g.entry().type(), g.entry(), text(t, i, g.end()), keys(t, i, g.end()),
              null, Mention.Evidence.STRONG, i, g.end(), null));
          i = g.end() - 1;
        } else if (g != null) {
          i = g.end() - 1;
        }
      }
    }
    List<int[]> modelSpans = splitAtPunctuation(p, NerTagger.spans(tagger.tag(x)));
    modelSpans = extendParticles(t, modelSpans);
    modelSpans = gazetteerCovers(t, modelSpans);
    modelSpans = reshape(p, modelSpans);
    if (!NO_PLACE_HEADS && !p.capitals) {
      modelSpans = placeHeads(p, modelSpans);
    }
    modelSpans = partnerFirms(p, modelSpans);
    modelSpans = acrossAnd(t, modelSpans);
    modelSpans = ampersandFirms(p, modelSpans);
    for (int[] span : modelSpans) {
      int s = span[0];
      int e = span[1];
      if (!free(p, s, e)) {
        continue;
      }
      while (s < e && Lexicon.isNeverName(t.get(s).key()) && !t.get(s).allCaps()) {
        s++;
      }
      if (s >= e) {
        continue;
      }
      EntityType type = NerTagger.typeOf(span[2] * 2);
      Mention rule = null;
      for (Mention r : rules) {
        if (r.tokenStart() == s && r.tokenEnd() == e) {
          rule = r;
        }
      }
      Mention m;
      if (rule != null) {
        m = rule.entry() != null || (RULE_TYPE && rule.evidence() == Mention.Evidence.STRONG)
            ? rule : rule.withType(type).strong();
      } else {
        Gazetteer.Match g = gazetteer.longestMatch(t, s);
        if (g == null || g.end() != e) {
          g = gazetteer.exactMatch(t, s, e);
        }
        if (g != null && g.end() == e) {
          if (g.entry().isDemonym()) {
            continue;
          }
          m = new Mention(g.entry().type(), g.entry(), text(t, s, e), keys(t, s, e),
              titled(t, s, text(t, s, e)), Mention.Evidence.STRONG, s, e, null);
        } else {
          m = new Mention(type, null, text(t, s, e), keys(t, s, e), titled(t, s, text(t, s, e)),
              Mention.Evidence.STRONG, s, e, null);
        }
      }
      if (!NO_GIVEN_NAME_PLACES && m.entry() == null && m.type() == EntityType.PLACE
          && givenNameAndSurname(t, s, e)) {
        m = m.withType(EntityType.PERSON); // "from Albert Okoro": a person, not a place
      }
      if (m.entry() == null && m.type() == EntityType.ORG && isShortCaps(t, s, e)) {
        p.acronyms.add(m); // "PCT", "QTR", "NOTE": not an organisation unless known
        continue;
      }
      add(p, m);
    }
    for (Mention r : rules) {
      boolean cue = r.entry() == null && r.evidence() == Mention.Evidence.STRONG
          && !allCaps(t, r.tokenStart(), r.tokenEnd());
      if ((r.entry() != null || (RULE_BACKSTOP && cue)) && free(p, r.tokenStart(), r.tokenEnd())) {
        add(p, r);
      }
    }
  }

  private static final String NAME = "\\p{Lu}[\\p{L}.'&-]*(?: \\p{Lu}[\\p{L}.'&-]*){0,3}";
  /** A result: "Mansfield 0 Rochdale 0", "Puchon 2 Chonbuk 1 (halftime 1-1)". */
  private static final Pattern RESULT =
      Pattern.compile("^\\s*(" + NAME + ") \\d{1,3},? (" + NAME + ") \\d{1,3}\\s*(?:\\(.*\\))?\\.?\\s*$");
  /** A standings row: "BALTIMORE 71 63 .530 4", "Plymouth 4 3 1 0 10 6 10". */
  private static final Pattern STANDING =
      Pattern.compile("^\\s*(" + NAME + ")(?: [-\\d./]+){3,}\\s*$");
  /** A fixture: "MINNESOTA AT MILWAUKEE". */
  private static final Pattern FIXTURE =
      Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu}. ]+) AT (\\p{Lu}[\\p{Lu}. ]+?)\\s*$");

  private static final String MONTH =
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[\\p{L}]*\\.?";
  /**
   * A dateline opening a paragraph or standing alone: "BELGRADE 1996-08-30", "STIRLING, Scotland
   * 1996-08-31", "NEW YORK, March 2 -": the capitalised place (and the region after its comma).
   */
  private static final Pattern DATELINE_LINE =
      Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu}.'-]*(?: \\p{Lu}[\\p{Lu}.'-]*){0,3})"
          + "(?:, (\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,2}))?"
          + " (?:\\d{4}-\\d{2}-\\d{2}|(?i:" + MONTH + ") \\d{1,2})(?:\\s*$|,? -)");

  /** The place, and its region, of a dateline at the start of a piece. */
  private void datelinePlaces(Piece p) {
    java.util.regex.Matcher m = DATELINE_LINE.matcher(p.text);
    if (!m.lookingAt() || m.group(1).length() < 3) { // the pattern starts with ^
      return;
    }
    for (int g = 1; g <= 2; g++) {
      if (m.group(g) == null) {
        continue;
      }
      int[] span = span(p, m.start(g), m.end(g));
      int s = span[0];
      int e = span[1];
      if (s >= 0 && free(p, s, e)) {
        List<Token> t = p.tokens;
        Gazetteer.Match known = gazetteer.longestMatch(t, s);
        Gazetteer.Entry entry = known != null && known.end() == e
            && known.entry().type() == EntityType.PLACE ? known.entry() : null;
        Mention place = new Mention(EntityType.PLACE, entry, text(t, s, e), keys(t, s, e), null,
            Mention.Evidence.STRONG, s, e, null);
        add(p, place);
        p.datelineMentions.add(place);
        if (g == 1) {
          p.datelineKeys.add(String.join(" ", keys(t, s, e)));
        }
      }
    }
  }

  /**
   * Sports tables on the wire: in a result line or a standings row, the names are teams
   * (organisations), even when a team is named after its city; an all-caps fixture ("MINNESOTA AT
   * MILWAUKEE") names the visiting team and the home team's city.
   */
  private void tableTeams(Piece p) {
    for (Pattern pattern : List.of(RESULT, STANDING, FIXTURE)) {
      java.util.regex.Matcher m = pattern.matcher(p.text);
      if (!m.matches()) {
        continue;
      }
      for (int g = 1; g <= m.groupCount(); g++) {
        EntityType type = pattern == FIXTURE && g == 2 ? EntityType.PLACE : EntityType.ORG;
        int[] span = span(p, m.start(g), m.end(g));
        int s = span[0];
        int e = span[1];
        if (s >= 0 && free(p, s, e)) {
          List<Token> t = p.tokens;
          add(p, new Mention(type, null, text(t, s, e), keys(t, s, e), null,
              Mention.Evidence.STRONG, s, e, null));
          if (type == EntityType.ORG) {
            p.sideKeys.add(String.join(" ", keys(t, s, e)));
          }
        }
      }
      return;
    }
  }

  /**
   * Placed right after a name's first capital: the character before that capital is not a letter
   * or a full stop (the capital starts a word). Tested after the capital rather than before it, so
   * the regex engine tries the lookbehind only where a capital is, not at every position of a
   * paragraph: the same matches, several times faster on long text.
   */
  private static final String NO_LETTER_BEFORE = "(?<![\\p{L}.]\\p{Lu})";

  /** "Gete Wami (Ethiopia)", "Pete Sampras (U.S.) beat": a name before a bracketed country. */
  private static final Pattern NAME_COUNTRY =
      Pattern.compile("(\\p{Lu}" + NO_LETTER_BEFORE + "[\\p{L}'-]+(?: (?:van der |van |de |da |von )?\\p{Lu}[\\p{L}'-]+){0,3}) \\(([\\p{L}. ]+)\\)");
  /** "M. Butcher 70", "J. Benjamin 4-17": an initial and a surname before a score. */
  private static final Pattern INITIAL_SCORE =
      Pattern.compile("(\\p{Lu}" + NO_LETTER_BEFORE + "\\. \\p{Lu}[\\p{L}'-]+) \\d");

  private static final Pattern BRACKETED_ACRONYM =
      Pattern.compile("\\G\\s*\\(([\\p{Lu}.&]{2,8})\\)");
  private static final Pattern NAME_SCORE =
      Pattern.compile("(\\p{Lu}" + NO_LETTER_BEFORE + "[\\p{L}'-]+(?: \\p{Lu}[\\p{L}'-]+){0,2}) \\d{1,3}(?![\\d:.,]\\d)");

  /**
   * "Warwickshire 195 and 109 (...), Surrey 468 (...)": in a line with two or more names each
   * followed by a score, names the gazetteer does not know as places are teams.
   */
  private void scoreTeams(Piece p) {
    if (wordsBeforeNumbers(p.text, 2) < 2) {
      return; // each match has its own: the search cannot find two
    }
    java.util.regex.Matcher m = NAME_SCORE.matcher(p.text);
    List<int[]> found = new ArrayList<>();
    while (m.find()) {
      found.add(new int[] {m.start(1), m.end(1)});
    }
    if (found.size() < 2) {
      return;
    }
    for (int[] f : found) {
      int[] span = span(p, f[0], f[1]);
      int s = span[0];
      int e = span[1];
      List<Token> t = p.tokens;
      if (s < 0 || !free(p, s, e) || Lexicon.isNeverName(t.get(s).key())
          || Lexicon.isTitleWord(t.get(s).key())
          || gazetteer.longestMatch(t, s) != null) {
        continue;
      }
      add(p, new Mention(EntityType.ORG, null, text(t, s, e), keys(t, s, e), null,
          Mention.Evidence.STRONG, s, e, null));
    }
  }

  private static final String PLAYER =
      "(?:\\p{Lu}\\. ?)*(?:(?:de|da|van|van der|von|del) )?\\p{Lu}[\\p{L}'-]+(?: (?:de |da |van |van der |von |del )?\\p{Lu}[\\p{L}'-]+){0,2}";
  /** A line-up: "France - 1 - Bernard Lama; 2 - Lilian Thuram (14 - Sabri Lamouchi 87th)". */
  private static final Pattern LINEUP =
      Pattern.compile("(?:^|[;,(]\\s*|\\s-\\s)\\d{1,2} - (" + PLAYER + ")");
  /** A batting line: "S. Law c Tillekeratne b Dharmasena 13", "A. Ranatunga lbw b Fleming 0". */
  private static final Pattern BATTING =
      Pattern.compile("^\\s*(" + PLAYER + ") (?:(?:c|st) (" + PLAYER + ") b (" + PLAYER + ")"
          + "|(?:b|lbw b|c and b|c & b) (" + PLAYER + ")|run out|not out|retired hurt)\\s+\\d{1,3}\\s*$");
  /** Bowling figures: "McGrath 9.5-0-44-1". */
  private static final Pattern BOWLING =
      Pattern.compile("(?<![\\p{L}.])(" + PLAYER + ") \\d{1,2}(?:\\.\\d)?-\\d{1,2}-\\d{1,3}-\\d{1,2}\\b");

  /**
   * People in results tables: a name before a bracketed country, an initial and surname before a
   * score, a numbered name in a line-up, the batsman, catcher and bowler of a cricket batting
   * line, a bowler before his figures.
   */
  private void tablePeople(Piece p) {
    String text = p.text;
    int dashes = 0;
    for (int i = 0; i < text.length() && dashes < 3; i++) {
      dashes += text.charAt(i) == '-' ? 1 : 0;
    }
    int last = text.length() - 1;
    while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
      last--;
    }
    boolean endsWithNumber = last >= 0 && Character.isDigit(text.charAt(last));
    for (Pattern pattern : List.of(LINEUP, BATTING, BOWLING)) {
      // Cheap tests first: a line-up has " - " and a number, bowling figures three dashes, a
      // batting line ends with the runs.
      if ((pattern == LINEUP && !text.contains(" - ")) || (pattern == BOWLING && dashes < 3)
          || (pattern == BATTING && !endsWithNumber)) {
        continue;
      }
      java.util.regex.Matcher lm = pattern.matcher(text);
      while (lm.find()) {
        for (int g = 1; g <= lm.groupCount(); g++) {
          if (lm.group(g) != null) {
            addPerson(p, lm.start(g), lm.end(g));
          }
        }
      }
    }
    java.util.regex.Matcher m = NAME_COUNTRY.matcher(p.text);
    boolean bracket = p.text.indexOf('(') >= 0; // the pattern needs one: skip the search
    while (bracket && m.find()) {
      if (gazetteer.find(EntityType.PLACE, m.group(2)).isPresent()) {
        addPerson(p, m.start(1), m.end(1));
      }
    }
    m = INITIAL_SCORE.matcher(p.text);
    boolean scores = wordsBeforeNumbers(p.text, 1) > 0; // the pattern needs one
    while (scores && m.find()) {
      addPerson(p, m.start(1), m.end(1));
    }
  }

  /**
   * How many times (counting up to {@code enough}) a word ends (a letter, apostrophe or hyphen)
   * before a space and a digit: what every match of {@link #NAME_SCORE} and {@link #INITIAL_SCORE}
   * contains, so a cheap test before their searches.
   */
  private static int wordsBeforeNumbers(String text, int enough) {
    int count = 0;
    for (int i = text.indexOf(' ', 1); i > 0 && i + 1 < text.length() && count < enough;
        i = text.indexOf(' ', i + 1)) {
      char before = text.charAt(i - 1);
      if (Character.isDigit(text.charAt(i + 1))
          && (Character.isLetter(before) || before == '\'' || before == '-')) {
        count++;
      }
    }
    return count;
  }

  /**
   * The tokens of {@code p} lying wholly inside characters {@code [from, to)}: {@code {first,
   * end}}, or {@code {-1, -1}} when none does.
   */
  private static int[] span(Piece p, int from, int to) {
    int s = -1;
    int e = -1;
    for (int i = 0; i < p.tokens.size(); i++) {
      Token tok = p.tokens.get(i);
      if (tok.start() >= from && tok.end() <= to) {
        s = s < 0 ? i : s;
        e = i + 1;
      }
    }
    return new int[] {s, e};
  }

  private void addPerson(Piece p, int from, int to) {
    int[] span = span(p, from, to);
    int s = span[0];
    int e = span[1];
    if (s < 0 || !free(p, s, e) || (e - s == 1 && Lexicon.isNeverName(p.tokens.get(s).key()))) {
      return;
    }
    List<Token> t = p.tokens;
    Gazetteer.Match g = gazetteer.longestMatch(t, s);
    if (g != null && g.end() == e && g.entry().type() != EntityType.PERSON) {
      return; // "Benetton (Italy)" is not known, but "Japan (Asia)" is no person
    }
    add(p, new Mention(EntityType.PERSON, null, text(t, s, e), keys(t, s, e), null,
        Mention.Evidence.STRONG, s, e, null));
  }

  private static final Set<String> REGNAL = Set.of("ii", "iii", "iv", "vi", "vii", "viii");

  /**
   * Corrects the model's spans: a person's name continues over a hyphen ("Kim In-so", "Chen
   * Chun-yeh"), any name over a hyphen and a capitalised word ("Rhone-Poulenc"); and,
   * for a person, over a regnal number ("Leopold III"); a person's name does not start with a title,
   * honorific or nationality ("King Norodom Sihanouk", "American Oliver McCall"); a two- or
   * three-word "organisation" that starts with a given name and has no organisation word is a
   * person ("Francisco Palencia" in a line-up).
   */
  private List<int[]> reshape(Piece p, List<int[]> spans) {
    List<Token> t = p.tokens;
    List<int[]> out = new ArrayList<>(spans.size());
    int taken = 0;
    for (int[] span : spans) {
      int s = Math.max(span[0], taken);
      int e = span[1];
      int type = span[2];
      if (s >= e) {
        continue;
      }
      while (e < t.size() && !t.get(e - 1).possessive()
          && p.text.substring(t.get(e - 1).end(), t.get(e).start()).equals("-")
          && (type == 1 ? Character.isLetter(t.get(e).text().charAt(0))
              : t.get(e).capitalised())) {
        e++;
      }
      if (type == 1 && e < t.size() && REGNAL.contains(t.get(e).key())
          && t.get(e).allCaps() && !t.get(e - 1).possessive()) {
        e++;
      }
      if (type == 3 && e - s >= 2 && e - s <= 3 && Lexicon.isFirstName(t.get(s).key())
          && !t.get(s).allCaps() && gazetteer.longestMatch(t, s) == null) {
        boolean orgWord = false;
        for (int i = s; i < e; i++) {
          String k = t.get(i).key();
          orgWord |= Lexicon.isOrgSuffix(k) || Lexicon.isOrgHead(k) || Lexicon.isOrgDescriptor(k)
              || Lexicon.isConnector(k) || !t.get(i).capitalised();
        }
        if (!orgWord) {
          type = 1;
        }
      }
      if (type == 1) {
        while (e - s >= 2) {
          String k = t.get(s).key();
          Gazetteer.Match g = gazetteer.longestMatch(t, s);
          boolean demonym = g != null && g.entry().isDemonym() && g.end() < e;
          if (Lexicon.isTitleWord(k) || Lexicon.isHonorific(k) || demonym) {
            s = demonym ? g.end() : s + 1;
          } else {
            break;
          }
        }
      }
      out.add(new int[] {s, e, type});
      taken = e;
    }
    return out;
  }

  private static final boolean NO_PLACE_HEADS = Boolean.getBoolean("ner.noPlaceHeads");
  private static final boolean NO_GIVEN_NAME_PLACES = Boolean.getBoolean("ner.noGivenNamePlaces");
  private static final boolean NO_EVENTS = Boolean.getBoolean("ner.noEvents");
  /** Words that make an event, not an organisation, of "Place Word": "Gulf War", "U.S. Open". */
  private static final Set<String> EVENT_WORDS = Set.of(
      "war", "open", "games", "olympics", "cup", "championship", "championships", "festival",
      "marathon", "prix", "trophy", "tour", "masters", "classic", "series", "summit", "accord",
      "accords", "agreement", "treaty", "protocol", "conference", "declaration", "talks",
      "golf", "course", "stadium", "park", "square", "street", "road", "avenue", "bridge");

  /** A country or home nation by name: "U.S. Cardinal", "Kenya Ltd" are no organisations. */
  private boolean nation(List<Token> t, int s, int e) {
    String key = String.join(" ", keys(t, s, e));
    if (HOME_NATIONS.contains(key) || NameLists.standard().isCountry(key)) {
      return true;
    }
    Gazetteer.Match g = gazetteer.longestMatch(t, s);
    return g != null && g.end() == e && gazetteer.hasDemonym(g.entry());
  }

  /**
   * A place the model found, followed straight on by capitalised words it left out or typed
   * otherwise, names an organisation: "Omaha Comets", "Lisbon Newsroom", "Damascus Radio",
   * "Vienna Stock Exchange" (not before a title, "Texas Governor ...", a place word, "Kansas City",
   * or an event word, "Gulf War"; not across punctuation or a possessive).
   */
  private List<int[]> placeHeads(Piece p, List<int[]> spans) {
    List<Token> t = p.tokens;
    List<int[]> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      int[] span = spans.get(i);
      if (span[2] != 2 || t.get(span[1] - 1).possessive() || nation(t, span[0], span[1])) {
        out.add(span);
        continue;
      }
      int e = span[1];
      int next = i + 1;
      while (e < t.size()) {
        Token tok = t.get(e);
        if (tok.breakBefore() || !tok.capitalised() || tok.allCaps() || tok.numeric()
            || Lexicon.isNeverName(tok.key()) || Lexicon.isTitleWord(tok.key())
            || Lexicon.isHonorific(tok.key()) || Lexicon.isPlaceNounAfter(tok.key())
            || EVENT_WORDS.contains(tok.key()) || p.covered[e]) {
          break;
        }
        if (next < spans.size() && spans.get(next)[0] == e) {
          if (spans.get(next)[2] == 1) {
            break; // "London Jim Smith": a person after a place
          }
          e = spans.get(next)[1];
          next++;
        } else {
          e++;
        }
        if (t.get(e - 1).possessive()) {
          break;
        }
      }
      boolean event = e < t.size() && !t.get(e).breakBefore()
          && EVENT_WORDS.contains(t.get(e).key());
      if (e > span[1] && !event) {
        out.add(new int[] {span[0], e, 3});
        i = next - 1;
      } else {
        out.add(span);
      }
    }
    return out;
  }

  /**
   * Firms named for their partners, "Goldman, Sachs and Co", "Kidder, Peabody & Co", "Smith
   * Barney, Harris Upham and Co": a capitalised word, a comma, one or two capitalised words, then
   * "and Co" or "& Co" (or Company, then maybe a legal form: "and Co Inc") make one organisation,
   * in place of the people the model reads in it. The first word must begin a name (not follow a
   * capitalised word: "Merrill Lynch, Goldman Sachs and Co" lists two firms, unless the whole is a
   * known firm), be neither a legal form nor a known place, and at a sentence's start be part of a
   * name the model found.
   */
  private List<int[]> partnerFirms(Piece p, List<int[]> spans) {
    List<Token> t = p.tokens;
    List<int[]> out = spans;
    for (int a = 0; a + 3 < t.size(); a++) {
      boolean joined = a > 0 && !t.get(a).breakBefore() && t.get(a - 1).capitalised();
      int end = partnerFirmEnd(p, a);
      int start = a;
      if (end >= 0 && joined) {
        // Two words before the comma only when the whole is a known firm ("Smith Barney, Harris
        // Upham and Co"); else a list ("Merrill Lynch, Goldman Sachs and Co").
        Gazetteer.Match known = gazetteer.exactMatch(t, a - 1, end);
        start = known != null && known.entry().type() == EntityType.ORG ? a - 1 : -1;
      }
      if (end < 0 || start < 0 || (t.get(start).sentenceStart() && !inSpan(spans, start))) {
        continue; // "Yesterday, Eli Lilly and Co ...": a sentence's first word the model left out
      }
      out = withSpan(out, new int[] {start, end, 3});
      a = end - 1;
    }
    return out;
  }

  /** {@code spans} with {@code span} in place of those it overlaps, in order of start. */
  private static List<int[]> withSpan(List<int[]> spans, int[] span) {
    List<int[]> out = new ArrayList<>(spans.size() + 1);
    for (int[] sp : spans) {
      if (sp[1] <= span[0] || sp[0] >= span[1]) {
        out.add(sp);
      }
    }
    out.add(span);
    out.sort(java.util.Comparator.comparingInt(a -> a[0]));
    return out;
  }

  /**
   * Names the model split at an inner "and": a span after "and" that is only legal forms ("Bear
   * Stearns and" + "Co Inc") joins the span before it; a span after "and" that completes a
   * gazetteer organisation with up to four capitalised words before the "and" ("Standard and
   * Poor's Corp", "American Telephone and Telegraph Co") becomes that organisation. A span of
   * legal forms alone ("Ltd", "Co Inc") left after that is no name.
   */
  private List<int[]> acrossAnd(List<Token> t, List<int[]> spans) {
    List<int[]> out = new ArrayList<>(spans.size());
    for (int[] span : spans) {
      int c = span[0];
      int e = span[1];
      boolean afterAnd = c >= 2 && t.get(c - 1).key().equals("and") && !t.get(c - 1).breakBefore()
          && !t.get(c).breakBefore();
      int[] joined = null;
      if (afterAnd && legalForms(t, c, e) && isCo(t.get(c).key())) {
        int[] left = out.isEmpty() ? null : out.get(out.size() - 1);
        if (left != null && left[1] == c - 1) {
          out.remove(out.size() - 1);
          joined = new int[] {left[0], e, 3};
        }
      } else if (afterAnd) {
        for (int k = c - 2; k >= Math.max(0, c - 5) && t.get(k).capitalised()
            && (k == c - 2 || !t.get(k + 1).breakBefore()); k--) {
          Gazetteer.Match known = gazetteer.exactMatch(t, k, e);
          if (known != null && known.entry().type() == EntityType.ORG) {
            joined = new int[] {k, e, 3};
          }
        }
        if (joined != null) {
          while (!out.isEmpty() && out.get(out.size() - 1)[1] > joined[0]) {
            out.remove(out.size() - 1);
          }
        }
      }
      if (joined != null) {
        out.add(joined);
      } else if (!legalForms(t, c, e)) {
        out.add(span);
      }
    }
    return out;
  }

  /**
   * An organisation the model began at the word after an {@code &} takes the capitalised word
   * before it when that word is in no other name and the organisation is not known as it stands:
   * a firm named for two people or words ("Black & Decker Corp", "Procter & Gamble Co", the
   * latter then known to the gazetteer under its full name), not "Decker Corp" or "Gamble Co".
   * The same with "and" instead of the {@code &} when the organisation is one word and legal forms
   * ("Black and Decker Corp"; not "IBM and Digital Equipment Corp", where IBM is a name of its own,
   * nor "Ford and General Motors Corp").
   */
  private List<int[]> ampersandFirms(Piece p, List<int[]> spans) {
    List<Token> t = p.tokens;
    List<int[]> out = spans;
    for (int i = 0; i < spans.size(); i++) {
      int[] span = spans.get(i);
      int s = span[0];
      if (span[2] != 3 || s == 0 || gazetteer.exactMatch(t, s, span[1]) != null) {
        continue;
      }
      boolean and = !gap(p, s - 1, s).equals("&");
      if (and && !(s >= 2 && t.get(s - 1).key().equals("and") && !t.get(s - 1).breakBefore()
          && !t.get(s).breakBefore() && span[1] - s >= 2 && legalForms(t, s + 1, span[1]))) {
        continue;
      }
      int before = and ? s - 2 : s - 1;
      Token partner = t.get(before);
      if (!partner.capitalised() || partner.possessive() || !free(p, before, s)
          || (i > 0 && spans.get(i - 1)[1] > before)
          || (and && (partner.allCaps() || gazetteer.longestMatch(t, before) != null))) {
        continue;
      }
      if (and) {
        // Up to two more capitalised words that are in no name and not known, or demonyms
        // ("International Minerals and Chemical Corp", "British Printing and Communications
        // Corp"); a word no name starts with is trimmed later.
        int min = Math.max(0, before - 2);
        while (before > min && !t.get(before).breakBefore() && nameWord(t.get(before - 1))
            && free(p, before - 1, before) && (i == 0 || spans.get(i - 1)[1] < before)
            && unknownOrDemonym(t, before - 1)) {
          before--;
        }
      }
      if (out == spans) {
        out = new ArrayList<>(spans);
      }
      out.set(i, new int[] {before, span[1], 3});
    }
    return out;
  }

  /** Whether no gazetteer name starts at word {@code i}, or only a one-word demonym does. */
  private boolean unknownOrDemonym(List<Token> t, int i) {
    Gazetteer.Match g = gazetteer.longestMatch(t, i);
    return g == null || (g.entry().isDemonym() && g.end() == i + 1);
  }

  /** A capitalised word that may be part of a firm's name: not in capitals, not possessive. */
  private static boolean nameWord(Token w) {
    return w.capitalised() && !w.allCaps() && !w.possessive() && !w.numeric();
  }

  /** "Co" or "Company": the word that ends "X and Co", "X & Company". */
  private static boolean isCo(String key) {
    return key.equals("co") || key.equals("company");
  }

  /** Whether tokens {@code [s, e)} are all legal forms ("Co", "Inc", "Ltd"). */
  private static boolean legalForms(List<Token> t, int s, int e) {
    for (int i = s; i < e; i++) {
      if (!Gazetteer.isLegalForm(t.get(i).key())) {
        return false;
      }
    }
    return true;
  }

  /** The end of a partner firm's name starting at token {@code a} ({@link #partnerFirms}), or -1. */
  private int partnerFirmEnd(Piece p, int a) {
    List<Token> t = p.tokens;
    Token first = t.get(a);
    if (!first.capitalised() || first.possessive() || first.allCaps() || first.numeric()
        || Gazetteer.isLegalForm(first.key()) || !gap(p, a, a + 1).equals(",")) {
      return -1;
    }
    Gazetteer.Match place = gazetteer.longestMatch(t, a);
    if (place != null && place.entry().type() == EntityType.PLACE) {
      return -1; // "In London, Smith and Co said": a place before the firm
    }
    int j = a + 1;
    while (j < t.size() && j - a <= 2 && t.get(j).capitalised() && !t.get(j).allCaps()
        && !t.get(j).possessive() && (j == a + 1 || !t.get(j).breakBefore())) {
      j++;
    }
    if (j == a + 1 || j >= t.size()) {
      return -1;
    }
    int co = j;
    if (t.get(j).key().equals("and") && !t.get(j).breakBefore()) {
      co = j + 1;
    } else if (!gap(p, j - 1, j).equals("&")) {
      return -1;
    }
    if (co >= t.size() || (co > j && t.get(co).breakBefore())) {
      return -1;
    }
    if (!isCo(t.get(co).key())) {
      return -1;
    }
    int end = co + 1;
    if (end < t.size() && !t.get(end).breakBefore() && Gazetteer.isLegalForm(t.get(end).key())) {
      end++; // "Kidder, Peabody and Co Inc"
    }
    return end;
  }

  private static boolean inSpan(List<int[]> spans, int i) {
    for (int[] span : spans) {
      if (span[0] <= i && i < span[1]) {
        return true;
      }
    }
    return false;
  }

  /** The text between tokens {@code i} and {@code j} of a piece, stripped. */
  private static String gap(Piece p, int i, int j) {
    return p.text.substring(p.tokens.get(i).end(), p.tokens.get(j).start()).strip();
  }

  /** "Miguel de" + "la Madrid": a person's name continues over particles to a capitalised word. */
  private static List<int[]> extendParticles(List<Token> t, List<int[]> spans) {
    List<int[]> out = new ArrayList<>(spans.size());
    int skipUntil = -1;
    for (int[] span : spans) {
      if (span[0] < skipUntil) {
        continue;
      }
      int e = span[1];
      if (span[2] == 1) {
        int j = e;
        while (j > span[0] && Lexicon.isNameParticle(t.get(j - 1).key())) {
          j--; // the model's span may end on the particle itself
        }
        int k = j;
        while (k < t.size() && k - j < 3 && Lexicon.isNameParticle(t.get(k).key())
            && !t.get(k).breakBefore()) {
          k++;
        }
        if (k > j && k < t.size() && t.get(k).capitalised() && !t.get(k).breakBefore()
            && !t.get(k).numeric()) {
          e = k + 1;
          while (e < t.size() && t.get(e).capitalised() && !t.get(e).breakBefore()
              && !t.get(e - 1).possessive() && !Lexicon.isNeverName(t.get(e).key())) {
            e++;
          }
        }
      }
      out.add(new int[] {span[0], e, span[2]});
      skipUntil = e;
    }
    return out;
  }

  /**
   * A gazetteer name of two or more words that covers the model's spans (and no more) replaces
   * them: "General Agreement" + "Tariffs and Trade" is the General Agreement on Tariffs and Trade.
   */
  private List<int[]> gazetteerCovers(List<Token> t, List<int[]> spans) {
    if (spans.isEmpty()) {
      return spans;
    }
    List<int[]> out = new ArrayList<>(spans);
    for (int i = 0; i < t.size(); i++) {
      Gazetteer.Match g = gazetteer.longestMatch(t, i);
      if (g == null || g.entry().isDemonym() || g.end() - i < 2) {
        continue;
      }
      int gs = i;
      int ge = g.end();
      List<int[]> inside = new ArrayList<>();
      boolean crosses = false;
      for (int[] sp : out) {
        if (sp[1] <= gs || sp[0] >= ge) {
          continue;
        }
        if (sp[0] < gs || sp[1] > ge) {
          crosses = true;
        }
        inside.add(sp);
      }
      if (!crosses && !inside.isEmpty()
          && !(inside.size() == 1 && inside.get(0)[0] == gs && inside.get(0)[1] == ge)) {
        int type = switch (g.entry().type()) {
          case PERSON -> 1;
          case PLACE -> 2;
          default -> 3;
        };
        out = withSpan(out, new int[] {gs, ge, type}); // in place of the spans inside
      }
      i = ge - 1;
    }
    return out;
  }

  /**
   * Splits the model's spans where a comma, bracket, quote, colon or a dash between words
   * intervenes (the tokenizer marks such a gap as a break; a hyphen inside a word is not one).
   */
  private static List<int[]> splitAtPunctuation(Piece p, List<int[]> spans) {
    List<int[]> out = new ArrayList<>(spans.size());
    for (int[] span : spans) {
      int s = span[0];
      for (int j = span[0] + 1; j < span[1]; j++) {
        Token tok = p.tokens.get(j);
        if (tok.breakBefore() && hardGap(p.text, p.tokens.get(j - 1).end(), tok.start())) {
          out.add(new int[] {s, j, span[2]});
          s = j;
        }
      }
      out.add(new int[] {s, span[1], span[2]});
    }
    return out;
  }

  private static boolean hardGap(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (",;:()[]<>{}\"“”/|-–—".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Short all-caps organisation names the gazetteer does not know are kept only when the article
   * defines them: written in brackets right after a longer organisation name ("Kurdistan
   * Democratic Party (KDP)", where the bracketed word is itself a mention), or the initials of an
   * organisation it names.
   */
  private record Bracketed(Piece piece, int token) {}

  private static void keepDefinedAcronyms(List<Piece> pieces) {
    java.util.Set<String> defined = new java.util.HashSet<>();
    List<Bracketed> bracketed = new ArrayList<>();
    for (Piece p : pieces) {
      for (Mention m : p.mentions) {
        if (m.type() != EntityType.ORG || m.nameKeys().size() < 2) {
          continue;
        }
        StringBuilder initials = new StringBuilder();
        for (String k : m.nameKeys()) {
          if (!Lexicon.isConnector(k) && !k.equals("the")) {
            initials.append(k.charAt(0));
          }
        }
        defined.add(initials.toString());
        int end = p.tokens.get(m.tokenEnd() - 1).end();
        java.util.regex.Matcher br = BRACKETED_ACRONYM.matcher(p.text);
        if (br.find(end)) {
          defined.add(Folding.fold(br.group(1).replace(".", "")));
          for (int i = m.tokenEnd(); i < p.tokens.size(); i++) {
            Token tok = p.tokens.get(i);
            if (tok.start() == br.start(1) && tok.end() == br.end(1)) {
              bracketed.add(new Bracketed(p, i));
            }
          }
        }
      }
    }
    for (Bracketed b : bracketed) {
      Piece p = b.piece();
      int i = b.token();
      if (free(p, i, i + 1)) {
        add(p, new Mention(EntityType.ORG, null, p.tokens.get(i).text(),
            List.of(p.tokens.get(i).key()), null, Mention.Evidence.STRONG, i, i + 1, null));
      }
    }
    for (Piece p : pieces) {
      for (Mention m : p.acronyms) {
        if (defined.contains(m.nameKeys().get(0).replace(".", ""))
            && free(p, m.tokenStart(), m.tokenEnd())) {
          add(p, m);
        }
      }
    }
  }

  private static void add(Piece p, Mention m) {
    p.mentions.add(m);
    for (int i = m.tokenStart(); i < m.tokenEnd(); i++) {
      p.covered[i] = true;
    }
  }

  private static boolean free(Piece p, int s, int e) {
    for (int i = s; i < e; i++) {
      if (p.covered[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A known place inside an organisation's name ("Bank of France", "U.S. Army") is also a place
   * the article is about; it is reported as a mention nested in the organisation's.
   */
  private void nestedPlaces(Piece p) {
    if (!NESTED_PLACES) {
      return;
    }
    List<Token> t = p.tokens;
    List<Mention> add = new ArrayList<>();
    for (Mention m : p.mentions) {
      if (m.type() != EntityType.ORG || m.tokenEnd() - m.tokenStart() < 2) {
        continue;
      }
      for (int i = m.tokenStart(); i < m.tokenEnd(); i++) {
        Gazetteer.Match g = gazetteer.longestMatch(t, i);
        if (g == null) {
          continue;
        }
        if (i == m.tokenStart() && g.end() == m.tokenEnd()) {
          continue; // the organisation's own name
        }
        if (g.end() <= m.tokenEnd() && g.entry().type() == EntityType.PLACE) {
          add.add(new Mention(EntityType.PLACE, g.entry(), text(t, i, g.end()),
              keys(t, i, g.end()), null, Mention.Evidence.STRONG, i, g.end(), null));
        }
        i = g.end() - 1;
      }
    }
    p.mentions.addAll(add);
  }

  /** Every word in capitals: the rules' cues say little there ("SOCCER - ..."). */
  private static boolean allCaps(List<Token> t, int s, int e) {
    for (int i = s; i < e; i++) {
      if (!t.get(i).allCaps()) {
        return false;
      }
    }
    return true;
  }

  /** One word of one to five letters, all capitals ("PCT", "U.S.", "P"). */
  private static boolean isShortCaps(List<Token> t, int s, int e) {
    if (e - s != 1) {
      return false;
    }
    int letters = 0;
    for (char c : t.get(s).text().toCharArray()) {
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 1 && letters <= 5;
  }

  private static String titled(List<Token> t, int s, String name) {
    return s > 0 && Lexicon.isHonorific(t.get(s - 1).key()) && !t.get(s).breakBefore()
        ? t.get(s - 1).text() + " " + name
        : null;
  }

  /**
   * Document-level consistency: a name found in one place of the article is also a name where the
   * model missed it (same words, any case: "JAPAN" in the headline, "Japan" in the body), and the
   * last word of a person's full name alone is that person.
   */
  private static void propagate(List<Piece> pieces) {
    Map<String, Mention> known = new HashMap<>();
    int longest = 0;
    for (Piece p : pieces) {
      for (Mention m : p.mentions) {
        String key = String.join(" ", m.nameKeys());
        known.putIfAbsent(key, m);
        longest = Math.max(longest, m.nameKeys().size());
      }
    }
    Map<String, Mention> surnames = new HashMap<>();
    java.util.Set<String> fullNameSurnames = new java.util.HashSet<>();
    for (Mention m : known.values()) {
      if (m.type() == EntityType.PERSON && m.nameKeys().size() >= 2) {
        String last = m.nameKeys().get(m.nameKeys().size() - 1);
        fullNameSurnames.add(last);
        if (!known.containsKey(last)) {
          surnames.put(last, m);
        }
      }
    }
    if (known.isEmpty()) {
      return;
    }
    for (Piece p : pieces) {
      for (int i = 0; i < p.mentions.size(); i++) {
        Mention m = p.mentions.get(i);
        if (m.nameKeys().size() == 1 && m.type() != EntityType.PERSON
            && fullNameSurnames.contains(m.nameKeys().get(0))) {
          p.mentions.set(i, new Mention(EntityType.PERSON, null, m.name(), m.nameKeys(),
              m.titledForm(), Mention.Evidence.STRONG, m.tokenStart(), m.tokenEnd(), null));
        }
      }
    }
    for (Piece p : pieces) {
      List<Token> t = p.tokens;
      for (int s = 0; s < t.size(); s++) {
        if (p.covered[s] || !t.get(s).capitalised() || t.get(s).numeric()) {
          continue;
        }
        StringBuilder key = new StringBuilder();
        Mention best = null;
        int bestEnd = -1;
        for (int e = s + 1; e <= Math.min(t.size(), s + longest); e++) {
          if (p.covered[e - 1] || (e > s + 1 && t.get(e - 1).breakBefore())) {
            break;
          }
          if (e > s + 1) {
            key.append(' ');
          }
          key.append(t.get(e - 1).key());
          Mention m = known.get(key.toString());
          if (m == null && e == s + 1) {
            m = surnames.get(key.toString());
          }
          if (m != null) {
            best = m;
            bestEnd = e;
          }
        }
        boolean capsOrg = best != null && best.type() == EntityType.ORG && best.entry() == null
            && isShortCaps(t, s, bestEnd) && !best.name().equals(t.get(s).text());
        if (best != null && !capsOrg
            && !(bestEnd == s + 1 && Lexicon.isNeverName(t.get(s).key()))) {
          add(p, new Mention(best.type(), best.entry(), text(t, s, bestEnd), keys(t, s, bestEnd),
              titled(t, s, text(t, s, bestEnd)), Mention.Evidence.STRONG, s, bestEnd, null));
          s = bestEnd - 1;
        }
      }
    }
  }

  /**
   * One type per name in an article: a name the gazetteer does not know, found several times with
   * different types, takes the type most of its mentions have ("Dole" five times a person, once a
   * place); on a tie nothing changes. Before the vote, the short name of a company the article
   * names with its legal suffix ("Pirelli" after "Pirelli SpA") is that company, and so is the
   * first word of a longer one when the model took it for a person ("Boatmen's" after "Boatmen's
   * Bancshares Inc").
   */
  private static void voteTypes(List<Piece> pieces) {
    // "Pirelli SpA", "Mercantile Bancorp Inc": the company's short name alone is the company.
    java.util.Set<String> companyShortNames = new java.util.HashSet<>();
    java.util.Set<String> companyFirstWords = new java.util.HashSet<>();
    for (Piece p : pieces) {
      for (Mention m : p.mentions) {
        List<String> k = m.nameKeys();
        if (m.type() == EntityType.ORG && k.size() >= 2 && Lexicon.isOrgSuffix(k.get(k.size() - 1))) {
          companyShortNames.add(String.join(" ", k.subList(0, k.size() - 1)));
          String first = k.get(0);
          if (k.size() >= 3 && !Lexicon.isNeverName(first) && !Lexicon.isOrgHead(first)
              && !Lexicon.isTitleWord(first) && !Lexicon.isConnector(first)) {
            companyFirstWords.add(first);
          }
        }
      }
    }
    for (Piece p : pieces) {
      for (int i = 0; i < p.mentions.size(); i++) {
        Mention m = p.mentions.get(i);
        String key = String.join(" ", m.nameKeys());
        if (m.entry() == null && m.type() != EntityType.ORG && (companyShortNames.contains(key)
            || (m.type() == EntityType.PERSON && companyFirstWords.contains(key)))) {
          p.mentions.set(i, m.withType(EntityType.ORG));
        }
      }
    }
    Map<String, int[]> votes = new HashMap<>();
    for (Piece p : pieces) {
      for (Mention m : p.mentions) {
        if (m.type() != null) {
          votes.computeIfAbsent(String.join(" ", m.nameKeys()), k -> new int[EntityType.values().length])
              [m.type().ordinal()] += m.entry() != null ? 2 : 1;
        }
      }
    }
    for (Piece p : pieces) {
      for (int i = 0; i < p.mentions.size(); i++) {
        Mention m = p.mentions.get(i);
        if (m.entry() != null || m.type() == null) {
          continue;
        }
        int[] v = votes.get(String.join(" ", m.nameKeys()));
        int best = m.type().ordinal();
        for (int t = 0; t < v.length; t++) {
          if (v[t] > v[best]) {
            best = t;
          }
        }
        if (best != m.type().ordinal()) {
          p.mentions.set(i, m.withType(EntityType.values()[best]));
        }
      }
    }
  }

  private static final boolean NO_MODIFIERS = Boolean.getBoolean("ner.noModifiers");
  /** Results: "Yorkshire beat Hampshire", "Leeds v Hull" (the word after a side). */
  private static final Set<String> SIDE_VERBS_AFTER = Set.of(
      "beat", "beats", "defeated", "thrashed", "edged", "routed", "trounced", "drew", "v", "vs",
      "versus");
  /** "... beat Hampshire", "May 3-5 v Durham" (the word before a side). */
  private static final Set<String> SIDE_VERBS_BEFORE = Set.of(
      "beat", "beats", "defeated", "thrashed", "edged", "routed", "trounced", "v", "vs", "versus");
  /** "winners over Hull", "victory over Leeds": the word before "over". */
  private static final Set<String> SIDE_WINS = Set.of("winners", "winner", "victory", "win", "wins");
  /** "Kelmark CEO", "Norvatek chairman", "Norvatek's board". */
  private static final Set<String> COMPANY_ROLES =
      Set.of("ceo", "chairman", "shareholders", "board", "subsidiary");
  /** "Hampshire captain", "the Tampere side", "Omaha fans". */
  private static final Set<String> SIDE_ROLES = Set.of(
      "captain", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "keeper",
      "playmaker", "skipper", "pitcher", "winger", "batsman", "bowler", "fans", "supporters",
      "players", "side", "squad");
  /** "second division club Valora", "first division side Tampere". */
  private static final Set<String> SIDE_NOUNS = Set.of("club", "side", "team");
  /** National sides (places in their own right, as countries are): not turned into clubs. */
  private static final Set<String> HOME_NATIONS =
      Set.of("england", "scotland", "wales", "northern ireland", "great britain");
  /** "the news agency Vostrel", "the weekly Tagesblick", "the daily Nordlys". */
  private static final Set<String> MEDIA_BEFORE =
      Set.of("newspaper", "daily", "weekly", "agency", "magazine", "tabloid", "broadcaster");
  /** "Nordlys newspaper", "Tagesblick weekly". */
  private static final Set<String> MEDIA_AFTER =
      Set.of("newspaper", "daily", "weekly", "magazine", "tabloid");
  /** "Kelmark shares", "Kelmark stock". */
  private static final Set<String> COMPANY_AFTER = Set.of("shares", "stock", "stake");
  /** A venue: "at Leeds", "in Tampere" stay places even when a side has the name. */
  private static final Set<String> VENUE_BEFORE = Set.of("at", "in");

  /**
   * What the article as a whole says a name is, decided from its clearest uses and applied to all
   * of its mentions (one sense per name per article):
   *
   * <ul>
   *   <li>a name a dateline line gives as its place ("VELIKA, Bosnia 2026-03-02") is a place;
   *   <li>a place other than a country named as a sports side ("Yorkshire beat Hampshire", "v Durham",
   *       "Hampshire captain", "club Valora", "the Tampere side") is a team, an organisation, in
   *       the whole article except as a venue ("at Leeds"); countries and the home nations
   *       stay places, as national sides are named after their country;
   *   <li>a name written as a newspaper or agency ("news agency Vostrel", "Nordlys newspaper"),
   *       whose shares are traded ("Kelmark shares", "shares of Kelmark"), or with an ampersand
   *       ("Marsh & Kettering") is an organisation, not a person.
   * </ul>
   *
   * Gazetteer names keep their type, except a known non-country place named as a side.
   */
  private void articleCues(List<Piece> pieces) {
    Set<String> dateline = new java.util.HashSet<>();
    Set<String> sides = new java.util.HashSet<>();
    Set<String> orgs = new java.util.HashSet<>();
    for (Piece p : pieces) {
      dateline.addAll(p.datelineKeys);
      for (String k : p.sideKeys) {
        boolean nation = HOME_NATIONS.contains(k) || NameLists.standard().isCountry(k)
            || gazetteer.find(EntityType.PLACE, k).map(gazetteer::hasDemonym).orElse(false);
        if (!nation) {
          sides.add(k);
        }
      }
      List<Token> t = p.tokens;
      for (Mention m : p.mentions) {
        String key = String.join(" ", m.nameKeys());
        int s = m.tokenStart();
        int e = m.tokenEnd();
        String prev = s > 0 && !hardGap(p.text, t.get(s - 1).end(), t.get(s).start())
            ? t.get(s - 1).key() : "";
        String next = e < t.size() && !hardGap(p.text, t.get(e - 1).end(), t.get(e).start())
            ? t.get(e).key() : "";
        String next2 = e + 1 < t.size() && !next.isEmpty() && !t.get(e + 1).breakBefore()
            ? t.get(e + 1).key() : "";
        boolean placeLike = m.type() != EntityType.PERSON || knownPlace(t, s, e);
        boolean wonOver = "over".equals(prev) && s >= 2 && SIDE_WINS.contains(t.get(s - 2).key());
        if (!isNation(m, key)
            && ((placeLike && (SIDE_VERBS_AFTER.contains(next) || SIDE_VERBS_BEFORE.contains(prev)
                    || SIDE_ROLES.contains(next) || wonOver))
                || SIDE_NOUNS.contains(prev))) {
          sides.add(key);
        }
        if (m.entry() == null && m.type() != EntityType.ORG
            && (MEDIA_BEFORE.contains(prev) || MEDIA_AFTER.contains(next)
                || ("news".equals(next) && "agency".equals(next2))
                || COMPANY_AFTER.contains(next) || COMPANY_ROLES.contains(next)
                || ("of".equals(prev) && s >= 2 && t.get(s - 2).key().equals("shares"))
                || (m.type() == EntityType.PERSON
                    && p.text.substring(t.get(s).start(), t.get(e - 1).end()).contains("&")))
            && (m.type() == EntityType.PERSON || !knownPlace(t, s, e))) {
          orgs.add(key);
        }
      }
    }
    for (int round = 0; round < 3 && !sides.isEmpty(); round++) {
      int before = sides.size();
      coordinatedSides(pieces, sides);
      if (sides.size() == before) {
        break;
      }
    }
    if (dateline.isEmpty() && sides.isEmpty() && orgs.isEmpty()) {
      return;
    }
    for (Piece p : pieces) {
      List<Token> t = p.tokens;
      for (int i = 0; i < p.mentions.size(); i++) {
        Mention m = p.mentions.get(i);
        String key = String.join(" ", m.nameKeys());
        int s = m.tokenStart();
        String prev = s > 0 && !t.get(s).breakBefore() ? t.get(s - 1).key() : "";
        boolean datelineItself = false;
        for (Mention d : p.datelineMentions) {
          datelineItself |= d == m;
        }
        if (datelineItself || (dateline.contains(key) && !sides.contains(key))) {
          if (m.type() != EntityType.PLACE && m.entry() == null) {
            p.mentions.set(i, m.withType(EntityType.PLACE));
          }
        } else if (sides.contains(key)) {
          boolean known = m.entry() != null;
          if (m.type() != EntityType.ORG && !VENUE_BEFORE.contains(prev)
              && (!known || m.entry().type() == EntityType.PLACE)) {
            p.mentions.set(i, new Mention(EntityType.ORG, null, m.name(), m.nameKeys(), null,
                Mention.Evidence.STRONG, m.tokenStart(), m.tokenEnd(), null));
          }
        } else if (orgs.contains(key) && m.entry() == null && m.type() != EntityType.ORG) {
          p.mentions.set(i, m.withType(EntityType.ORG));
        }
      }
    }
  }

  private static final Pattern COORDINATION = Pattern.compile("\\s*(?:,|,? and|,? or|&)\\s*");

  /**
   * Names listed together with a side are sides too: "title rivals Lancashire, Durham and Yorkshire"
   * when Yorkshire is one (places only, countries excepted).
   */
  private void coordinatedSides(List<Piece> pieces, Set<String> sides) {
    for (Piece p : pieces) {
      List<Mention> ms = new ArrayList<>(p.mentions);
      ms.sort(java.util.Comparator.comparingInt(Mention::tokenStart));
      int from = 0;
      while (from < ms.size()) {
        int to = from + 1;
        while (to < ms.size() && ms.get(to).tokenStart() >= ms.get(to - 1).tokenEnd()
            && COORDINATION.matcher(p.text.substring(p.tokens.get(ms.get(to - 1).tokenEnd() - 1).end(),
                p.tokens.get(ms.get(to).tokenStart()).start())).matches()) {
          to++;
        }
        boolean anySide = false;
        for (int i = from; i < to; i++) {
          anySide |= sides.contains(String.join(" ", ms.get(i).nameKeys()));
        }
        if (anySide && to - from > 1) {
          for (int i = from; i < to; i++) {
            Mention m = ms.get(i);
            String key = String.join(" ", m.nameKeys());
            if ((m.type() != EntityType.PERSON
                    || knownPlace(p.tokens, m.tokenStart(), m.tokenEnd()))
                && !isNation(m, key)) {
              sides.add(key);
            }
          }
        }
        from = to;
      }
    }
  }

  /** A country (open lists, or a gazetteer place with a demonym) or a home nation. */
  private boolean isNation(Mention m, String key) {
    if (HOME_NATIONS.contains(key) || NameLists.standard().isCountry(key)) {
      return true;
    }
    if (m.entry() != null) {
      return gazetteer.hasDemonym(m.entry());
    }
    return gazetteer.find(EntityType.PLACE, m.name()).map(gazetteer::hasDemonym).orElse(false);
  }

  /** Whether tokens {@code [s, e)} are a place the gazetteer or the open place lists know. */
  private boolean knownPlace(List<Token> t, int s, int e) {
    Gazetteer.Match g = gazetteer.longestMatch(t, s);
    if (g != null && g.end() == e && g.entry().type() == EntityType.PLACE) {
      return true;
    }
    return (NameLists.standard().bits(String.join(" ", keys(t, s, e))) & NameLists.LOC) != 0;
  }

  /**
   * A place followed straight on by capitalised words that end in, or include, an event word:
   * "Hong Kong Open", "Texas Open", "Gulf War", "Cannes Film Festival",
   * "MONACO GRAND PRIX". The place is part of the event's name, not a mention of its own.
   */
  private static boolean eventName(List<Token> t, Mention m) {
    if (t.get(m.tokenEnd() - 1).possessive()) {
      return false;
    }
    for (int i = m.tokenEnd(); i < t.size() && i < m.tokenEnd() + 4; i++) {
      Token tok = t.get(i);
      if (tok.breakBefore() || !tok.capitalised() || tok.numeric()
          || Lexicon.isNeverName(tok.key())) {
        return false; // "... DRAW WITH ICELAND IN WORLD CUP QUALIFIER": not one name
      }
      if (EVENT_WORDS.contains(tok.key())) {
        return true;
      }
      if (tok.possessive()) {
        return false;
      }
    }
    return false;
  }

  /**
   * Two or three capitalised words starting with a given name (the curated list or the open
   * first-name list), none of them a place word, and not a place the gazetteer or the open place
   * lists know: "Albert Okoro", "Pete Lindqvist" (but not "Alice Springs" or "Charles City").
   */
  private boolean givenNameAndSurname(List<Token> t, int s, int e) {
    if (e - s < 2 || e - s > 3) {
      return false;
    }
    String first = t.get(s).key();
    int bits = NameLists.standard().bits(first);
    if ((!Lexicon.isFirstName(first) && (bits & NameLists.FIRST) == 0)
        || (bits & NameLists.LOC) != 0) {
      return false; // "Atlanta Games": a place's name first
    }
    for (int i = s; i < e; i++) {
      Token tok = t.get(i);
      String k = tok.key();
      if (!tok.capitalised() || tok.allCaps() || tok.numeric() || Lexicon.isPlaceNounAfter(k)
          || EVENT_WORDS.contains(k) || k.endsWith("ian") && i == e - 1
          || Lexicon.isConnector(k) || Lexicon.isNameParticle(k) && i == s) {
        return false;
      }
    }
    return !knownPlace(t, s, e) && gazetteer.longestMatch(t, s) == null;
  }

  /**
   * A list of people ("Anil Varma, Tomas Berglund, Kofi Mensah", a squad or a list of
   * speakers): when at least two items of a comma or "and" list are people, the other items of
   * two or three capitalised words the model left out are people too.
   */
  private void listedPeople(Piece p) {
    List<Token> t = p.tokens;
    int people = 0;
    for (Mention m : p.mentions) {
      if (m.type() == EntityType.PERSON && listItem(p, m.tokenStart(), m.tokenEnd())) {
        people++;
      }
    }
    if (people < 2) {
      return;
    }
    int s = 0;
    while (s < t.size()) {
      int e = s;
      while (e < t.size() && !p.covered[e] && t.get(e).capitalised() && !t.get(e).allCaps()
          && !t.get(e).numeric() && !Lexicon.isNeverName(t.get(e).key())
          && (e == s || !t.get(e).breakBefore())) {
        e++;
        if (t.get(e - 1).possessive()) {
          break;
        }
      }
      if (e - s >= 2 && e - s <= 3 && !t.get(e - 1).possessive() && listItem(p, s, e)
          && gazetteer.longestMatch(t, s) == null && !knownPlace(t, s, e)) {
        add(p, new Mention(EntityType.PERSON, null, text(t, s, e), keys(t, s, e), null,
            Mention.Evidence.STRONG, s, e, null));
      }
      s = Math.max(e, s + 1);
    }
  }

  /** Whether tokens {@code [s, e)} stand as one item of a list: a comma or "and" on each side. */
  private static boolean listItem(Piece p, int s, int e) {
    List<Token> t = p.tokens;
    String x = p.text;
    String left = s == 0 ? "" : x.substring(t.get(s - 1).end(), t.get(s).start());
    boolean leftOk = (s == 0 || left.contains(",") || left.contains(";") || left.contains(":")
        || (t.get(s - 1).key().equals("and") && s >= 2));
    if (s > 0 && t.get(s - 1).key().equals("and")) {
      leftOk = true;
    }
    String right = e >= t.size() ? x.substring(t.get(e - 1).end())
        : x.substring(t.get(e - 1).end(), t.get(e).start());
    boolean rightOk = right.contains(",") || right.contains(";") || right.strip().equals(".")
        || (e < t.size() && t.get(e).key().equals("and")) || (e >= t.size() && right.isBlank());
    return leftOk && rightOk && (left.contains(",") || right.contains(",") || left.contains(";")
        || right.contains(";"));
  }

  /** Every word one letter without a period: "W L", "N", "B". */
  private static boolean singleLetters(List<Token> t, Mention m) {
    for (int i = m.tokenStart(); i < m.tokenEnd(); i++) {
      if (t.get(i).text().length() != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * A place glued by a hyphen to a lower-case word, "London-based", "Dublin-born", "U.S.-led",
   * "pro-Moscow", "ex-England": the name is part of an adjective (CoNLL-2003, like most name
   * tagging schemes, does not tag it as a place either).
   */
  private static boolean hyphenModifier(Piece p, Mention m) {
    int from = p.tokens.get(m.tokenStart()).start();
    int to = p.tokens.get(m.tokenEnd() - 1).end();
    String x = p.text;
    boolean after = to + 1 < x.length() && x.charAt(to) == '-' && Character.isLowerCase(x.charAt(to + 1));
    boolean before = from >= 2 && x.charAt(from - 1) == '-' && Character.isLowerCase(x.charAt(from - 2));
    return after || before;
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
