package org.sekisho.names.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Compares two names and explains the result. Each name is normalised and transliterated to Latin
 * ({@link NameNormaliser}); then every part of one name is compared with every part of the other
 * (exact, transliterated, phonetic, consonant skeleton, edit distance, Jaro–Winkler, initial), the
 * best pairs are taken greedily whatever their order, and parts left without a partner lower the
 * score — a missing part on the longer name (a middle name) less than a part that disagrees. The
 * names written together are compared as well, which catches Abdulrahman ~ Abdul Rahman and Chinese
 * or Korean names whose syllables are split differently.
 *
 * <p>When every part of both names could be Japanese romaji, parts are also compared by their
 * passport-Hepburn key ({@link KatakanaRomaji#canonical}): Kunrei-shiki and Nihon-shiki spellings
 * (TUTIYA, HUZITA SYUN, TIBA ZYUNKO) and long vowels written ou, oo, oh or uu (YOUKO, OHNO, SATOH,
 * YUUKO) are the reading they spell. Long i and e are not folded (ISHII is not ISHI; KEIKO keeps
 * its ei), and OUCHI meets OCHI, since the letters cannot tell 大内 from a long o. Between two
 * spellings of how a name is said — Latin letters, the dictionary's reading of kanji, hiragana — a
 * part whose key differs is another reading, not a sound-alike: it scores no more than the edit
 * distance of the keys, so SATO and SAITO, KONO and KANO (and 佐藤 and SAITO) stay apart — though a
 * full name with one such part and the others equal can still reach the threshold, as a one-letter
 * typing error would. Pinyin and katakana spell letters as heard, and keep the looser comparison.
 *
 * <p>Stateless apart from per-thread caches; thread-safe.
 */
public final class NameMatcher {

  /**
   * Score at or above which two names are reported as the same. Chosen on the development half of
   * the evaluation sets (see docs and {@code names evaluate}), not on the held-out half.
   */
  public static final double DEFAULT_THRESHOLD = 0.85;

  private static final double MIN_PAIR_SIMILARITY = 0.6;
  // the same Japanese reading in two romanisations (TUTIYA, TSUCHIYA; SATOH, SATO): all but
  // written the same, and said so in the explanation
  private static final double SAME_READING = 0.97;
  private static final double PARTICLE_WEIGHT = 0.3;
  private static final double INITIAL_WEIGHT = 0.5;
  // a part present on one side only, when that side has more parts (a middle name, a second
  // family name), costs less than a part that has a partner but disagrees
  private static final double EXTRA_PART_COST = 0.3;

  /** Name particles: they count, but little (al, bin, van, de …). */
  private static final Set<String> PARTICLES =
      Set.of(
          "al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "bin", "ben", "ibn", "bint",
          "binti", "bte", "bt", "ould", "van", "von", "der", "den", "de", "da", "di", "du", "del",
          "della", "la", "le", "dos", "das", "do", "y", "e", "mac", "ter", "ten", "zu");

  private final NameNormaliser normaliser;
  private final boolean beiderMorse;

  /**
   * @param normaliser the normaliser applied to raw names
   * @param beiderMorse whether to try Beider–Morse codes when cheaper evidence is missing (slower,
   *     finds more spelling variants of European names)
   */
  public NameMatcher(NameNormaliser normaliser, boolean beiderMorse) {
    this.normaliser = normaliser;
    this.beiderMorse = beiderMorse;
  }

  /** A matcher with the default normaliser and Beider–Morse switched on. */
  public NameMatcher() {
    this(new NameNormaliser(), true);
  }

  public NameNormaliser normaliser() {
    return normaliser;
  }

  /** Compares two raw names. Never throws; empty names score 0. */
  public NameComparison compare(String left, String right) {
    return compare(normaliser.normalise(left), normaliser.normalise(right));
  }

  /** Compares two normalised names. */
  public NameComparison compare(NormalisedName left, NormalisedName right) {
    return compare(left, right, 0);
  }

  /**
   * Compares two normalised names when only a score above {@code floor} is of use (a watchlist
   * screening at a threshold): the comparison is the one {@link #compare(NormalisedName,
   * NormalisedName)} gives whenever its score is above {@code floor}; otherwise the score is some
   * value not above {@code floor}, because the costliest comparisons (edit distances of the names
   * written together) stop once they cannot get above it.
   */
  public NameComparison compare(NormalisedName left, NormalisedName right, double floor) {
    if (left.isEmpty() || right.isEmpty()) {
      List<TokenMatch> none = new ArrayList<>();
      none.add(new TokenMatch(left.text(), right.text(), MatchKind.UNMATCHED, 0));
      return new NameComparison(0, none, false, left, right);
    }
    boolean transliterated = left.scripts().nonLatin() || right.scripts().nonLatin();
    boolean abjad = left.scripts().abjad() || right.scripts().abjad();
    boolean romaji = romaji(left) && romaji(right);
    Context spelt = new Context(transliterated, abjad, romaji, false);
    Context said = new Context(transliterated, abjad, romaji, romaji);
    Candidate best = null;
    List<Form> rightForms = forms(right, left);
    for (Form lf : forms(left, right)) {
      for (Form rf : rightForms) {
        // two readings compare as readings, whatever script each was written in
        Context ctx = lf.spoken && rf.spoken ? said : spelt;
        List<String> l = lf.tokens;
        List<String> r = rf.tokens;
        Candidate c = compareTokens(l, r, ctx, floor);
        if (best == null || c.score > best.score) {
          best = c;
        }
        // one side may write two parts as one (ALQAHTANI for Al-Qahtani, MINJUN for Min-jun)
        List<String> lj = joinedTo(l, r, ctx);
        if (lj != null) {
          c = compareTokens(lj, r, ctx, floor);
          if (c.score > best.score) {
            best = c;
          }
        }
        List<String> rj = joinedTo(r, l, ctx);
        if (rj != null) {
          c = compareTokens(l, rj, ctx, floor);
          if (c.score > best.score) {
            best = c;
          }
        }
      }
    }
    return new NameComparison(clamp(best.score), best.matches, best.reordered, left, right);
  }

  /**
   * {@code parts} with each two neighbouring parts written together where that matches a part of
   * {@code other} that {@code parts} lacks ({@code al qahtani} for {@code alqahtani}, {@code min
   * jun} for {@code minjun}); null when no two parts join so.
   */
  private List<String> joinedTo(List<String> parts, List<String> other, Context ctx) {
    if (parts.size() < 2 || parts.size() > 8 || other.size() > 8) {
      return null;
    }
    List<String> out = new ArrayList<>(parts.size());
    boolean any = false;
    int i = 0;
    while (i < parts.size()) {
      String a = parts.get(i);
      if (i + 1 < parts.size()) {
        String b = parts.get(i + 1);
        // initials are not halves of a name
        if (a.length() > 1 && b.length() > 1 && joins(a + b, parts, other, ctx)) {
          out.add(a + b);
          any = true;
          i += 2;
          continue;
        }
      }
      out.add(a);
      i++;
    }
    return any ? out : null;
  }

  private boolean joins(String joined, List<String> parts, List<String> other, Context ctx) {
    for (String t : other) {
      if (!t.isEmpty()
          && Math.abs(t.length() - joined.length()) <= 2
          && t.charAt(0) == joined.charAt(0)
          && !parts.contains(t)
          && compareToken(joined, t, ctx).similarity() >= 0.85) {
        return true;
      }
    }
    return false;
  }

  /**
   * One spelling of a name to compare.
   *
   * @param spoken the spelling says how the name is said, as a passport spells it: Latin letters as
   *     written, or a reading of kanji or hiragana ({@link NormalisedName#spoken}); not pinyin, nor
   *     katakana as heard
   */
  private record Form(List<String> tokens, boolean spoken) {}

  /**
   * The spellings of {@code n} to compare: its tokens, its bracketed reading, its other Japanese
   * readings and, against a name read as Japanese, its romaji in passport form (SATOH → sato).
   */
  private static List<Form> forms(NormalisedName n, NormalisedName other) {
    boolean latin = !n.scripts().nonLatin();
    boolean passport = other.japanese() && !n.japanese() && latin;
    if (n.alternate().isEmpty() && n.readings().size() < 2 && !passport) {
      return List.of(new Form(n.tokens(), latin || n.spoken(0)));
    }
    List<Form> out = new ArrayList<>(4);
    out.add(new Form(n.tokens(), latin || n.spoken(0)));
    if (!n.alternate().isEmpty()) {
      out.add(new Form(n.alternate(), latin));
    }
    for (int i = 1; i < n.readings().size(); i++) {
      out.add(new Form(n.readings().get(i), n.spoken(i)));
    }
    if (passport) {
      List<String> canonical = new ArrayList<>(n.tokens().size());
      for (String t : n.tokens()) {
        canonical.add(KatakanaRomaji.canonical(t));
      }
      if (!canonical.equals(n.tokens())) {
        out.add(new Form(canonical, true));
      }
    }
    return out;
  }

  /**
   * @param transliterated one side was written in another script
   * @param abjad one side was written in Arabic or Hebrew
   * @param romaji every part of both names could be Japanese romaji: parts are then also compared
   *     by their romaji key ({@link KatakanaRomaji#canonical})
   * @param readings both spellings compared are {@code romaji} and say how the name is said ({@link
   *     Form#spoken}): a part whose key differs is then a different reading, not a spelling
   *     variant, however the name was written (佐藤 is SATO, no looser a spelling of SAITO than SATO
   *     is)
   */
  private record Context(boolean transliterated, boolean abjad, boolean romaji, boolean readings) {}

  /** True when each part of the name could be Japanese romaji (an initial counts as such). */
  private static boolean romaji(NormalisedName n) {
    for (String t : n.tokens()) {
      if (t.length() > 1 && !KatakanaRomaji.isRomaji(t)) {
        return false;
      }
    }
    return true;
  }

  private record Candidate(double score, List<TokenMatch> matches, boolean reordered) {}

  private record Pair(int i, int j, TokenMatch match) {}

  private Candidate compareTokens(
      List<String> left, List<String> right, Context ctx, double floor) {
    int m = left.size();
    int n = right.size();
    List<Pair> pairs = new ArrayList<>(m * n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        TokenMatch t = compareToken(left.get(i), right.get(j), ctx);
        if (t.similarity() >= MIN_PAIR_SIMILARITY) {
          pairs.add(new Pair(i, j, t));
        }
      }
    }
    // best pairs first; on a tie prefer the pair in written order, so reordering is reported only
    // when it was needed
    pairs.sort(
        Comparator.comparingDouble((Pair p) -> -p.match.similarity())
            .thenComparingInt(p -> Math.abs(p.i - p.j)));
    boolean[] usedL = new boolean[m];
    boolean[] usedR = new boolean[n];
    List<Pair> chosen = new ArrayList<>();
    for (Pair p : pairs) {
      if (!usedL[p.i] && !usedR[p.j]) {
        usedL[p.i] = true;
        usedR[p.j] = true;
        chosen.add(p);
      }
    }
    double num = 0;
    double den = 0;
    for (Pair p : chosen) {
      double w = (weight(left.get(p.i)) + weight(right.get(p.j))) / 2;
      num += w * p.match.similarity();
      den += w;
    }
    List<TokenMatch> unmatched = new ArrayList<>();
    double costL = m > n ? EXTRA_PART_COST : 1.0;
    double costR = n > m ? EXTRA_PART_COST : 1.0;
    for (int i = 0; i < m; i++) {
      if (!usedL[i]) {
        den += weight(left.get(i)) * costL;
        unmatched.add(new TokenMatch(left.get(i), "", MatchKind.UNMATCHED, 0));
      }
    }
    for (int j = 0; j < n; j++) {
      if (!usedR[j]) {
        den += weight(right.get(j)) * costR;
        unmatched.add(new TokenMatch("", right.get(j), MatchKind.UNMATCHED, 0));
      }
    }
    double tokenScore = den == 0 ? 0 : num / den;
    // every matched part a bare initial is weak evidence however well it agrees
    if (!chosen.isEmpty() && chosen.stream().allMatch(p -> p.match.how() == MatchKind.INITIAL)) {
      tokenScore = Math.min(tokenScore, 0.5);
    }
    chosen.sort(Comparator.comparingInt(Pair::i));
    boolean reordered = false;
    for (int k = 1; k < chosen.size(); k++) {
      if (chosen.get(k).j < chosen.get(k - 1).j) {
        reordered = true;
        break;
      }
    }
    List<TokenMatch> matches = new ArrayList<>();
    for (Pair p : chosen) {
      matches.add(p.match);
    }
    matches.addAll(unmatched);

    if ((m > 1 || n > 1) && tokenScore < 0.98) {
      String jl = String.join("", left);
      String jr = String.join("", right);
      // exact only above its floor: at or below the caller's floor the parts' score stands
      TokenMatch joined = compareJoined(jl, jr, ctx, Math.max(tokenScore, floor));
      if (joined.similarity() > Math.max(tokenScore, floor)) {
        return new Candidate(joined.similarity(), List.of(joined), false);
      }
    }
    return new Candidate(tokenScore, matches, reordered);
  }

  /**
   * The names written together. The similarity is exact when it exceeds {@code floor} (the score
   * the parts already reached); below that only "not above the floor" is known, which lets the edit
   * distances stop early.
   */
  private static TokenMatch compareJoined(String a, String b, Context ctx, double floor) {
    if (a.equals(b)) {
      return new TokenMatch(a, b, MatchKind.JOINED, 1.0);
    }
    int longer = Math.max(a.length(), b.length());
    if (!ctx.transliterated && Math.abs(a.length() - b.length()) > 0.4 * longer) {
      // too different in length to be one name written together; skip the costly comparisons
      return new TokenMatch(a, b, MatchKind.JOINED, 0);
    }
    if (ctx.romaji && KatakanaRomaji.canonical(a).equals(KatakanaRomaji.canonical(b))) {
      return new TokenMatch(a, b, MatchKind.JOINED, SAME_READING);
    }
    double lev = boundedLevenshteinSimilarity(a, b, floor);
    double factor = ctx.transliterated ? 0.97 : 0.9;
    double folded =
        floor / factor >= 1
            ? 0
            : boundedLevenshteinSimilarity(
                PhoneticKeys.fold(a), PhoneticKeys.fold(b), floor / factor);
    double sim = Math.max(lev, folded * factor);
    if (ctx.abjad) {
      String sa = PhoneticKeys.skeleton(a);
      if (sa.length() >= 3 && sa.equals(PhoneticKeys.skeleton(b))) {
        sim = Math.max(sim, 0.9);
      }
    }
    return new TokenMatch(a, b, MatchKind.JOINED, sim);
  }

  /** Compares two name parts; the similarity is in [0, 1]. */
  TokenMatch compareToken(String a, String b, Context ctx) {
    if (a.equals(b)) {
      return new TokenMatch(
          a, b, ctx.transliterated ? MatchKind.TRANSLITERATED : MatchKind.EXACT, 1.0);
    }
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      // a part that transliterated to nothing (a lone modifier letter, say) is no evidence
      return new TokenMatch(a, b, MatchKind.UNMATCHED, 0);
    }
    if (la == 1 || lb == 1) {
      boolean initial = a.charAt(0) == b.charAt(0);
      return new TokenMatch(a, b, MatchKind.INITIAL, initial ? 0.9 : 0);
    }
    // the most a Japanese reading that differs from the other's can score (see Context.romaji)
    double cap = 1.0;
    if (ctx.romaji) {
      String ca = KatakanaRomaji.canonical(a);
      String cb = KatakanaRomaji.canonical(b);
      if (ca.equals(cb)) {
        return new TokenMatch(a, b, MatchKind.PHONETIC, SAME_READING);
      }
      if (ctx.readings) {
        // SATO and SAITO, KONO and KANO (佐藤 and 斎藤, 河野 and 加納) are different surnames,
        // however alike they sound: only the letters that differ count, as typing errors
        cap = levenshteinSimilarity(ca, cb);
      }
    }
    TokenMatch t = compareSpellings(a, b, ctx);
    return t.similarity() > cap ? new TokenMatch(a, b, MatchKind.EDIT, cap) : t;
  }

  private TokenMatch compareSpellings(String a, String b, Context ctx) {
    int la = a.length();
    int lb = b.length();
    double best = 0;
    MatchKind how = MatchKind.UNMATCHED;
    double jw = JaroWinkler.similarity(a, b);
    if (!ctx.transliterated && !ctx.abjad && jw < 0.7) {
      // same-script parts this far apart have never been spelling variants in the evaluation data
      return new TokenMatch(a, b, MatchKind.UNMATCHED, 0);
    }
    double lev = levenshteinSimilarity(a, b);
    if (lev >= 0.7) {
      best = lev;
      how = MatchKind.EDIT;
    }
    if (Math.min(la, lb) >= 4) {
      if (jw >= 0.88 && jw * 0.97 > best) {
        best = jw * 0.97;
        how = MatchKind.JARO_WINKLER;
      }
    }
    if (best >= 0.93) {
      return new TokenMatch(a, b, how, best);
    }
    String fa = PhoneticKeys.fold(a);
    String fb = PhoneticKeys.fold(b);
    if (fa.length() >= 2 && fa.equals(fb) && 0.93 > best) {
      best = 0.93;
      how = MatchKind.PHONETIC;
    } else if (ctx.transliterated && Math.min(fa.length(), fb.length()) >= 3) {
      double jwf = JaroWinkler.similarity(fa, fb) * 0.95;
      if (jwf >= 0.85 && jwf > best) {
        best = jwf;
        how = MatchKind.PHONETIC;
      }
    }
    if (best < 0.9 && Math.min(la, lb) >= 3 && PhoneticKeys.metaphoneMatch(a, b)) {
      // sounding alike is evidence, but weaker for short parts where codes collide easily
      double sim = Math.min(la, lb) >= 5 ? 0.9 : 0.86;
      if (sim > best) {
        best = sim;
        how = MatchKind.PHONETIC;
      }
    }
    if (ctx.abjad && best < 0.9) {
      String sa = PhoneticKeys.skeleton(a);
      String sb = PhoneticKeys.skeleton(b);
      if (sa.equals(sb) && (sa.length() >= 2 || (sa.length() == 1 && Math.min(la, lb) <= 3))) {
        best = sa.length() >= 2 ? 0.9 : 0.85;
        how = MatchKind.SKELETON;
      } else if (Math.min(sa.length(), sb.length()) >= 3) {
        double s = levenshteinSimilarity(sa, sb) * 0.9;
        if (s >= 0.7 && s > best) {
          best = s;
          how = MatchKind.SKELETON;
        }
      }
    }
    if (beiderMorse
        && best < 0.86
        && Math.min(la, lb) >= 4
        && PhoneticKeys.beiderMorseMatch(a, b)) {
      best = 0.86;
      how = MatchKind.PHONETIC;
    }
    return new TokenMatch(a, b, how, best);
  }

  private static double weight(String token) {
    if (token.length() == 1) {
      return INITIAL_WEIGHT;
    }
    return PARTICLES.contains(token) ? PARTICLE_WEIGHT : 1.0;
  }

  /**
   * {@link #levenshteinSimilarity}, exact when it exceeds {@code floor}; otherwise some value not
   * above the floor (the distance computation gives up once it cannot get there).
   */
  static double boundedLevenshteinSimilarity(String a, String b, double floor) {
    int max = Math.max(a.length(), b.length());
    if (max == 0) {
      return 1.0;
    }
    // similarity > floor needs distance < (1 - floor) * max; one more for rounding
    int limit = (int) Math.floor((1 - Math.max(0, floor)) * max) + 1;
    if (floor > 0 && 1.0 - (double) distanceAtLeast(a, b) / max <= floor) {
      return 0; // cannot get above the floor: skip the edit-distance table
    }
    int d = EditDistance.atMost(a, b, limit);
    return d < 0 ? 0 : 1.0 - (double) d / max;
  }

  private static final ThreadLocal<int[]> LETTER_COUNTS =
      ThreadLocal.withInitial(() -> new int[128]);

  /**
   * A lower bound of the edit distance of two strings, in linear time: the difference in length,
   * and half the letters one string has that the other lacks (counted with multiplicity), since one
   * edit changes that count by at most two. Letters outside ASCII share buckets, which can only
   * lower the bound.
   */
  static int distanceAtLeast(String a, String b) {
    int[] count = LETTER_COUNTS.get();
    for (int i = 0; i < a.length(); i++) {
      count[a.charAt(i) & 127]++;
    }
    for (int i = 0; i < b.length(); i++) {
      count[b.charAt(i) & 127]--;
    }
    int unmatched = 0;
    for (int i = 0; i < a.length(); i++) {
      int k = a.charAt(i) & 127;
      unmatched += Math.abs(count[k]);
      count[k] = 0;
    }
    for (int i = 0; i < b.length(); i++) {
      int k = b.charAt(i) & 127;
      unmatched += Math.abs(count[k]);
      count[k] = 0;
    }
    return Math.max(Math.abs(a.length() - b.length()), (unmatched + 1) / 2);
  }

  static double levenshteinSimilarity(String a, String b) {
    int max = Math.max(a.length(), b.length());
    if (max == 0) {
      return 1.0;
    }
    return 1.0 - (double) EditDistance.atMost(a, b, max) / max;
  }

  private static double clamp(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    return Math.max(0, Math.min(1, v));
  }
}
