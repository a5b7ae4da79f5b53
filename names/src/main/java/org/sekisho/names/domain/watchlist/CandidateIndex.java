package org.sekisho.names.domain.watchlist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sekisho.names.domain.KatakanaRomaji;
import org.sekisho.names.domain.NormalisedName;
import org.sekisho.names.domain.PhoneticKeys;
import org.sekisho.names.domain.Script;
import org.sekisho.names.domain.Scripts;

/**
 * Inverted index from phonetic and spelling keys of name parts to names, held in flat primitive
 * arrays so that millions of names fit in a few hundred megabytes. Each name part contributes its
 * Double Metaphone code, the first four letters of its romanisation fold and its consonant
 * skeleton, and a part that may be Japanese romaji the same of its passport form as well; each name
 * also contributes the start of its parts written together (for names whose syllables are split
 * differently). A search adds up, per name, the inverse document frequency of the keys it shares
 * with the query and returns the best-scoring names; the caller then scores those with the full
 * matcher.
 *
 * <p>At millions of names the keys of a common given name are held by tens of thousands of names; a
 * search therefore reads the rarest keys first, stops reading when no unseen name can reach the
 * best ones any more, and does not read a key longer than the posting budget once it has enough
 * candidates: such a key only ranks the names found (see {@link #search}).
 *
 * <p>Immutable once built; {@link #search} is thread-safe (per-thread scratch tables).
 */
public final class CandidateIndex {

  /** Longest posting list read once there are enough candidates; see the builder. */
  public static final int DEFAULT_POSTING_BUDGET = 4096;

  private static final int FLAG_NON_LATIN = 1;
  private static final int FLAG_ABJAD = 2;
  private static final int FLAG_ORGANISATION = 4;
  // the form spells how the name is said in Japanese (NormalisedName#spoken)
  private static final int FLAG_SPOKEN = 8;
  private static final int KEY_SLOT = 16;
  private static final Scripts LATIN = new Scripts(Set.of(Script.LATIN));
  private static final Scripts NON_LATIN = new Scripts(Set.of(Script.OTHER));
  private static final Scripts ABJAD = new Scripts(Set.of(Script.ARABIC));

  private final Map<String, Integer> keyIds;
  private final int[] postingStart;
  private final int[] postings;
  private final float[] weight;
  // where each name's text starts; name n+1's start ends name n
  private final int[] textStart;
  // each name's keys in a slot of its own, KEY_SLOT ints (one cache line) long: the key count,
  // then the keys — or, for a name with too many keys to fit, minus one minus where they start in
  // overflowKeys, then their count. Re-scoring a candidate then costs one trip to main memory.
  private final int[] keySlots;
  private final int[] overflowKeys;
  private final int[] entryOfName;
  private final byte[] text;
  private final byte[] flags;
  // each name's text length (255 standing for 255 or more): ranks candidates tied on score without
  // a trip to the text offsets, in an array small enough to stay in the processor's cache
  private final byte[] nameLength;
  private final int nameCount;
  private final int postingBudget;
  private final ThreadLocal<Scratch> scratch;

  private CandidateIndex(Builder b) {
    this.nameCount = b.nameCount;
    this.postingBudget = b.postingBudget;
    this.keyIds = b.keyIds;
    int keys = keyIds.size();
    int pairs = b.pairCount;
    int[] counts = new int[keys + 1];
    for (int p = 0; p < pairs; p++) {
      counts[b.pairKey[p] + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      counts[k + 1] += counts[k];
    }
    this.postingStart = counts.clone();
    this.postings = new int[pairs];
    int[] fill = Arrays.copyOf(counts, keys);
    for (int p = 0; p < pairs; p++) {
      postings[fill[b.pairKey[p]]++] = b.pairName[p];
    }
    this.weight = new float[keys];
    for (int k = 0; k < keys; k++) {
      weight[k] =
          (float) Math.log(1.0 + (double) nameCount / (postingStart[k + 1] - postingStart[k]));
    }
    // the pairs were added name by name: each name's keys are consecutive
    this.keySlots = new int[nameCount * KEY_SLOT];
    int overflow = 0;
    for (int p = 0, n = 0; n < nameCount; n++) {
      int q = p;
      while (q < pairs && b.pairName[q] == n) {
        q++;
      }
      if (q - p >= KEY_SLOT) {
        overflow += q - p;
      }
      p = q;
    }
    this.overflowKeys = new int[overflow];
    int o = 0;
    for (int p = 0, n = 0; n < nameCount; n++) {
      int q = p;
      while (q < pairs && b.pairName[q] == n) {
        q++;
      }
      int slot = n * KEY_SLOT;
      if (q - p < KEY_SLOT) {
        keySlots[slot] = q - p;
        System.arraycopy(b.pairKey, p, keySlots, slot + 1, q - p);
      } else {
        keySlots[slot] = -1 - o;
        keySlots[slot + 1] = q - p;
        System.arraycopy(b.pairKey, p, overflowKeys, o, q - p);
        o += q - p;
      }
      p = q;
    }
    this.textStart = Arrays.copyOf(b.textStart, nameCount + 1);
    this.entryOfName = Arrays.copyOf(b.entryOfName, nameCount);
    this.text = Arrays.copyOf(b.text, b.textLength);
    this.flags = Arrays.copyOf(b.flags, nameCount);
    this.nameLength = new byte[nameCount];
    for (int n = 0; n < nameCount; n++) {
      nameLength[n] = (byte) Math.min(255, b.textStart[n + 1] - b.textStart[n]);
    }
    this.scratch = ThreadLocal.withInitial(Scratch::new);
  }

  /** Number of indexed names (primary names, aliases and readings). */
  public int size() {
    return nameCount;
  }

  /** Number of (key, name) postings, a measure of the index's size. */
  public int postingCount() {
    return postings.length;
  }

  /** The entry a name belongs to. */
  public int entryOf(int nameId) {
    return entryOfName[nameId];
  }

  /** The stored normalised form of a name. */
  public NormalisedName name(int nameId) {
    String s =
        new String(
            text,
            textStart[nameId],
            textStart[nameId + 1] - textStart[nameId],
            StandardCharsets.US_ASCII);
    int f = flags[nameId];
    Scripts scripts = (f & FLAG_ABJAD) != 0 ? ABJAD : (f & FLAG_NON_LATIN) != 0 ? NON_LATIN : LATIN;
    return new NormalisedName(
        s,
        List.of(s.split(" ")),
        List.of(),
        List.of(),
        (f & FLAG_ORGANISATION) != 0,
        scripts,
        List.of(),
        (f & FLAG_SPOKEN) != 0 ? 1 : 0);
  }

  /** Keys a tokenised name is indexed (and searched) under. */
  static Set<String> keys(List<String> tokens) {
    Set<String> keys = new LinkedHashSet<>();
    partKeys(tokens, keys);
    // a part that may be Japanese romaji is also keyed under its passport form, so that TUTIYA
    // (Kunrei-shiki) and TSUCHIYA (Hepburn, or 土屋 read) meet
    List<String> passport = new ArrayList<>(tokens.size());
    boolean other = false;
    for (String t : tokens) {
      String c = t.length() > 1 && KatakanaRomaji.isRomaji(t) ? KatakanaRomaji.canonical(t) : t;
      passport.add(c);
      other |= !c.equals(t);
    }
    if (other) {
      partKeys(passport, keys);
    }
    return keys;
  }

  private static void partKeys(List<String> tokens, Set<String> keys) {
    StringBuilder joined = new StringBuilder();
    for (String t : tokens) {
      joined.append(t);
      if (t.length() < 2) {
        continue; // initials would match everything
      }
      String dm = PhoneticKeys.metaphone(t);
      if (!dm.isEmpty()) {
        keys.add("m" + dm);
      }
      String fold = PhoneticKeys.fold(t);
      keys.add("f" + fold.substring(0, Math.min(4, fold.length())));
      String sk = PhoneticKeys.skeleton(t);
      if (sk.length() >= 2) {
        keys.add("s" + sk.substring(0, Math.min(4, sk.length())));
      }
    }
    if (tokens.size() > 1 || joined.length() >= 6) {
      String fj = PhoneticKeys.fold(joined.toString());
      if (fj.length() >= 4) {
        keys.add("j" + fj.substring(0, Math.min(6, fj.length())));
      }
    }
  }

  /**
   * The ids of up to {@code limit} names sharing the most (and rarest) keys with {@code query},
   * best first (ties: lower id first). An empty query gives an empty array.
   *
   * <p>A name's score is the sum of the inverse document frequencies of the keys it shares with the
   * query. The result is the exact top {@code limit} by that score, but found without scanning
   * every posting list: keys are taken rarest first, and once the {@code limit}-th best score seen
   * so far exceeds what the keys still unread could give a name not yet seen, the common keys (a
   * frequent given name such as Mohammed or Wang, whose lists run to tens of thousands) are not
   * scanned; the names already found are then scored in full from the name-to-keys table.
   */
  public int[] search(NormalisedName query, int limit) {
    return search(query, limit, null);
  }

  /**
   * What a search for {@code query} costs: keys looked up, keys whose posting lists were read,
   * postings read and names scored in full. For benchmarks and tuning.
   */
  public SearchCost searchCost(NormalisedName query, int limit) {
    long[] cost = new long[4];
    search(query, limit, cost);
    return new SearchCost((int) cost[0], (int) cost[1], cost[2], (int) cost[3]);
  }

  /**
   * The work one search did.
   *
   * @param keys distinct query keys present in the index
   * @param keysScanned keys whose posting lists were read in full
   * @param postingsScanned postings read
   * @param namesScored names scored in full before taking the best
   */
  public record SearchCost(int keys, int keysScanned, long postingsScanned, int namesScored) {}

  /** Distinct ids of the index keys of a query, both readings included. */
  int[] queryKeyIds(NormalisedName query) {
    Set<String> keys = new LinkedHashSet<>(keys(query.tokens()));
    if (!query.alternate().isEmpty()) {
      keys.addAll(keys(query.alternate()));
    }
    for (int i = 1; i < query.readings().size(); i++) {
      keys.addAll(keys(query.readings().get(i)));
    }
    int[] ids = new int[keys.size()];
    int n = 0;
    for (String key : keys) {
      Integer kid = keyIds.get(key);
      if (kid != null) {
        ids[n++] = kid;
      }
    }
    return Arrays.copyOf(ids, n);
  }

  // float compare slack: partial sums and full sums add the same weights in different orders
  private static final float SLACK = 1e-3f;

  // names scored in full from their own keys once common keys were left unread
  private static final int RESCORED = 256;

  private int[] search(NormalisedName query, int limit, long[] cost) {
    int[] qk = queryKeyIds(query);
    if (qk.length == 0 || limit <= 0) {
      return new int[0];
    }
    // rarest first; ties by key id keep the order independent of how the query was written
    long[] order = new long[qk.length];
    for (int i = 0; i < qk.length; i++) {
      order[i] = ((long) postingLength(qk[i]) << 32) | qk[i];
    }
    Arrays.sort(order);
    int[] kids = new int[qk.length];
    for (int i = 0; i < qk.length; i++) {
      kids[i] = (int) order[i];
    }
    // rest[i]: the most a name could still gain from keys i.. (all of them at most once)
    float[] rest = new float[kids.length + 1];
    for (int i = kids.length - 1; i >= 0; i--) {
      rest[i] = rest[i + 1] + weight[kids[i]];
    }
    Scratch s = scratch.get();
    long scanned = 0;
    int stop = kids.length;
    float bar = 0;
    for (int i = 0; i < kids.length; i++) {
      int kid = kids[i];
      int from = postingStart[kid];
      int to = postingStart[kid + 1];
      if (i > 0 && s.touchedCount >= limit) {
        if (to - from > postingBudget) {
          // enough candidates from rarer keys: a key this common (and every key after it) only
          // ranks them, it does not bring in names that share nothing rarer with the query
          bar = s.kthBest(limit);
          stop = i;
          break;
        }
        if (rest[0] - rest[i] > rest[i] + SLACK && to - from > s.touchedCount / 4) {
          // could the names seen so far already shut out every name not yet seen?
          bar = s.kthBest(limit);
          if (bar > rest[i] + SLACK) {
            stop = i;
            break;
          }
        }
      }
      float w = weight[kid];
      for (int p = from; p < to; p++) {
        s.add(postings[p], w);
      }
      scanned += to - from;
    }
    if (stop == kids.length) {
      bar = s.touchedCount >= limit ? s.kthBest(limit) : 0;
    }
    // names that could still reach the bar are scored in full from their own keys, so that the
    // score does not depend on which keys were scanned
    Arrays.sort(qk);
    float[] qw = new float[qk.length];
    for (int i = 0; i < qk.length; i++) {
      qw[i] = weight[qk[i]];
    }
    KeyPositions positions = new KeyPositions(qk);
    float cut = bar - rest[stop] - SLACK;
    boolean complete = stop == kids.length;
    if (!complete && s.touchedCount > RESCORED) {
      // looking up a name's own keys costs a trip to main memory: only the names that did best
      // on the rarer keys (all of them on a tie) are worth it
      cut = Math.max(cut, s.kthBest(RESCORED));
    }
    int scored = s.keepAtLeast(cut);
    int queryLength = query.text().length();
    if (!complete) {
      rescore(s, scored, positions, qw);
    }
    int[] best = s.top(limit, this, queryLength);
    s.reset();
    if (cost != null) {
      cost[0] = kids.length;
      cost[1] = stop;
      cost[2] = scanned;
      cost[3] = scored;
    }
    return best;
  }

  /** How far a name's text length is from the query's. */
  int lengthGap(int id, int queryLength) {
    int len = nameLength[id] & 0xff;
    if (len == 255) {
      len = textStart[id + 1] - textStart[id];
    }
    return Math.abs(len - queryLength);
  }

  private int postingLength(int kid) {
    return postingStart[kid + 1] - postingStart[kid];
  }

  /**
   * Scores the candidates in full from their own keys. The names lie scattered over the index, so
   * each costs a trip to main memory; done in three passes — the head of every candidate's key
   * slot, then their keys copied side by side, then the scoring — the loads of one pass do not wait
   * on each other or on the scoring's branches, and the processor overlaps them.
   */
  private void rescore(Scratch s, int count, KeyPositions positions, float[] keyWeights) {
    int[] from = s.intBuffer(0, count + 1);
    int[] keys = s.intBuffer(1, count * KEY_SLOT);
    // first only the slots' heads, a gather with nothing to wait for between loads
    for (int c = 0; c < count; c++) {
      from[c] = keySlots[s.candidate[c] * KEY_SLOT];
    }
    int at = 0;
    for (int c = 0; c < count; c++) {
      int slot = s.candidate[c] * KEY_SLOT;
      int n = from[c];
      from[c] = at;
      if (n >= 0) {
        System.arraycopy(keySlots, slot + 1, keys, at, n);
        at += n;
      } else {
        // a long name: its keys elsewhere (the buffer has room for KEY_SLOT per candidate)
        int len = keySlots[slot + 1];
        if (at + len + (count - c) * KEY_SLOT > keys.length) {
          keys = s.growIntBuffer(1, at + len + (count - c) * KEY_SLOT);
        }
        System.arraycopy(overflowKeys, -1 - n, keys, at, len);
        at += len;
      }
    }
    from[count] = at;
    for (int c = 0; c < count; c++) {
      s.candidateScore[c] = fullScore(keys, from[c], from[c + 1], positions, keyWeights);
    }
  }

  // a name has about ten keys, each looked up among the query's
  private static float fullScore(
      int[] keys, int from, int to, KeyPositions sortedKeys, float[] keyWeights) {
    long shared = 0;
    float sum = 0;
    for (int p = from; p < to; p++) {
      int at = sortedKeys.positionOf(keys[p]);
      if (at >= 64) {
        sum += keyWeights[at];
      } else if (at >= 0) {
        shared |= 1L << at;
      }
    }
    // added in the query's key order, so that names sharing the same keys tie exactly
    for (long m = shared; m != 0; m &= m - 1) {
      sum += keyWeights[Long.numberOfTrailingZeros(m)];
    }
    return sum;
  }

  /**
   * Where each of a query's distinct key ids stands in its sorted key array: a small
   * open-addressing table, because re-scoring looks up every key of a few hundred names (a binary
   * search per key took a third of a flight's screening time).
   */
  private static final class KeyPositions {
    private final int[] keys;
    private final int[] positions;
    private final int shift;

    KeyPositions(int[] sortedDistinctKeys) {
      int bits = 2;
      while ((1 << bits) < sortedDistinctKeys.length * 4) {
        bits++;
      }
      keys = new int[1 << bits];
      positions = new int[1 << bits];
      Arrays.fill(keys, -1);
      shift = 32 - bits;
      int mask = keys.length - 1;
      for (int i = 0; i < sortedDistinctKeys.length; i++) {
        int h = (sortedDistinctKeys[i] * 0x9E3779B1) >>> shift;
        while (keys[h] != -1) {
          h = (h + 1) & mask;
        }
        keys[h] = sortedDistinctKeys[i];
        positions[h] = i;
      }
    }

    /** The key's position in the sorted array, or -1 when the query does not have it. */
    int positionOf(int key) {
      int mask = keys.length - 1;
      int h = (key * 0x9E3779B1) >>> shift;
      while (true) {
        int k = keys[h];
        if (k == key) {
          return positions[h];
        }
        if (k == -1) {
          return -1;
        }
        h = (h + 1) & mask;
      }
    }
  }

  /**
   * Per-thread working memory of a search: the names touched so far and their partial scores, in a
   * small open-addressing table (a few thousand names fit in the processor's cache, unlike an array
   * over every name in the index).
   */
  private static final class Scratch {
    private int bits = 12;
    private int[] slotId = new int[1 << bits]; // name id + 1; 0 marks a free slot
    private float[] slotScore = new float[1 << bits];
    private int[] touched = new int[1 << (bits - 1)]; // name ids in the order first seen
    private int[] touchedSlot = new int[1 << (bits - 1)];
    int touchedCount;
    int[] candidate = new int[256];
    float[] candidateScore = new float[256];
    int[] candidateGap = new int[256];
    int candidateCount;

    void add(int id, float w) {
      int mask = slotId.length - 1;
      int h = (id * 0x9E3779B1) >>> (32 - bits);
      while (true) {
        int v = slotId[h];
        if (v == id + 1) {
          slotScore[h] += w;
          return;
        }
        if (v == 0) {
          slotId[h] = id + 1;
          slotScore[h] = w;
          touched[touchedCount] = id;
          touchedSlot[touchedCount] = h;
          touchedCount++;
          if (touchedCount == touched.length) {
            grow();
          }
          return;
        }
        h = (h + 1) & mask;
      }
    }

    // keeps the table at most half full
    private void grow() {
      float[] scores = new float[touchedCount];
      for (int t = 0; t < touchedCount; t++) {
        scores[t] = slotScore[touchedSlot[t]];
      }
      bits++;
      slotId = new int[1 << bits];
      slotScore = new float[1 << bits];
      touched = Arrays.copyOf(touched, 1 << (bits - 1));
      touchedSlot = new int[1 << (bits - 1)];
      int mask = slotId.length - 1;
      for (int t = 0; t < touchedCount; t++) {
        int id = touched[t];
        int h = (id * 0x9E3779B1) >>> (32 - bits);
        while (slotId[h] != 0) {
          h = (h + 1) & mask;
        }
        slotId[h] = id + 1;
        slotScore[h] = scores[t];
        touchedSlot[t] = h;
      }
    }

    // the k-th best partial score among the touched names (a bounded min-heap of scores)
    float kthBest(int k) {
      float[] heap = new float[k];
      int n = 0;
      for (int t = 0; t < touchedCount; t++) {
        float v = slotScore[touchedSlot[t]];
        if (n < k) {
          int i = n++;
          heap[i] = v;
          while (i > 0 && heap[(i - 1) / 2] > heap[i]) {
            float tmp = heap[(i - 1) / 2];
            heap[(i - 1) / 2] = heap[i];
            heap[i] = tmp;
            i = (i - 1) / 2;
          }
        } else if (v > heap[0]) {
          heap[0] = v;
          int i = 0;
          while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < n && heap[l] < heap[m]) {
              m = l;
            }
            if (r < n && heap[r] < heap[m]) {
              m = r;
            }
            if (m == i) {
              break;
            }
            float tmp = heap[m];
            heap[m] = heap[i];
            heap[i] = tmp;
            i = m;
          }
        }
      }
      return n < k ? 0 : heap[0];
    }

    /** Copies the touched names scoring at least {@code cut} to the candidates; their count. */
    int keepAtLeast(float cut) {
      if (candidate.length < touchedCount) {
        candidate = new int[touchedCount];
        candidateScore = new float[touchedCount];
        candidateGap = new int[touchedCount];
      }
      int n = 0;
      for (int t = 0; t < touchedCount; t++) {
        float v = slotScore[touchedSlot[t]];
        if (v >= cut) {
          candidate[n] = touched[t];
          candidateScore[n] = v;
          candidateGap[n] = -1;
          n++;
        }
      }
      candidateCount = n;
      return n;
    }

    private final int[][] buffers = {new int[1024], new int[8192]};

    /** Scratch int array {@code which} with room for at least {@code size} values. */
    int[] intBuffer(int which, int size) {
      if (buffers[which].length < size) {
        buffers[which] = new int[Math.max(size, buffers[which].length * 2)];
      }
      return buffers[which];
    }

    /** Scratch int array {@code which}, grown (contents kept) to at least {@code size}. */
    int[] growIntBuffer(int which, int size) {
      buffers[which] = Arrays.copyOf(buffers[which], Math.max(size, buffers[which].length * 2));
      return buffers[which];
    }

    private CandidateIndex index;
    private int queryLength;

    // a bounded min-heap over the candidates keeps the k best without sorting them all
    int[] top(int k, CandidateIndex names, int queryTextLength) {
      this.index = names;
      this.queryLength = queryTextLength;
      int size = Math.min(k, candidateCount);
      int[] heap = new int[size]; // candidate positions
      int n = 0;
      for (int c = 0; c < candidateCount; c++) {
        if (n < size) {
          heap[n++] = c;
          siftUp(heap, n - 1);
        } else if (better(c, heap[0])) {
          heap[0] = c;
          siftDown(heap, n);
        }
      }
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = heap[i];
      }
      Arrays.sort(boxed, (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = candidate[boxed[i]];
      }
      return out;
    }

    // higher score first; on a tie the closer length, then the lower name id
    private boolean better(int a, int b) {
      float sa = candidateScore[a];
      float sb = candidateScore[b];
      if (sa != sb) {
        return sa > sb;
      }
      int ga = gap(a);
      int gb = gap(b);
      return ga < gb || (ga == gb && candidate[a] < candidate[b]);
    }

    // among names sharing the same keys, one of about the query's length is likelier the same;
    // looked up only on a tie
    private int gap(int c) {
      int g = candidateGap[c];
      if (g < 0) {
        int id = candidate[c];
        g = index.lengthGap(id, queryLength);
        candidateGap[c] = g;
      }
      return g;
    }

    private void siftUp(int[] h, int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (better(h[parent], h[i])) {
          int tmp = h[parent];
          h[parent] = h[i];
          h[i] = tmp;
          i = parent;
        } else {
          return;
        }
      }
    }

    private void siftDown(int[] h, int n) {
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int worst = i;
        if (l < n && better(h[worst], h[l])) {
          worst = l;
        }
        if (r < n && better(h[worst], h[r])) {
          worst = r;
        }
        if (worst == i) {
          return;
        }
        int tmp = h[worst];
        h[worst] = h[i];
        h[i] = tmp;
        i = worst;
      }
    }

    void reset() {
      for (int t = 0; t < touchedCount; t++) {
        slotId[touchedSlot[t]] = 0;
      }
      touchedCount = 0;
      candidateCount = 0;
    }
  }

  /** Collects names; not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> keyIds = new HashMap<>();
    private int[] pairKey = new int[1024];
    private int[] pairName = new int[1024];
    private int pairCount;
    private int[] entryOfName = new int[256];
    private byte[] text = new byte[4096];
    private int textLength;
    private int[] textStart = new int[257];
    private byte[] flags = new byte[256];
    private int nameCount;
    private int postingBudget = DEFAULT_POSTING_BUDGET;

    /**
     * The longest posting list a search reads in full once it has enough candidates: keys are read
     * rarest first, and a key held by more names than this (a common given name) then only ranks
     * the names found through rarer keys.
     */
    public Builder postingBudget(int postings) {
      this.postingBudget = postings;
      return this;
    }

    /**
     * Indexes one name (its tokens, its bracketed reading and its other Japanese readings) for the
     * entry at {@code entry}.
     */
    public Builder add(int entry, NormalisedName name) {
      if (!name.tokens().isEmpty()) {
        addForm(entry, name.tokens(), name, name.spoken(0));
      }
      if (!name.alternate().isEmpty()) {
        addForm(entry, name.alternate(), name, false);
      }
      for (int i = 1; i < name.readings().size(); i++) {
        addForm(entry, name.readings().get(i), name, name.spoken(i));
      }
      return this;
    }

    private void addForm(int entry, List<String> tokens, NormalisedName name, boolean spoken) {
      int id = nameCount++;
      if (id + 1 >= entryOfName.length) {
        int cap = entryOfName.length * 2;
        entryOfName = Arrays.copyOf(entryOfName, cap);
        textStart = Arrays.copyOf(textStart, cap + 1);
        flags = Arrays.copyOf(flags, cap);
      }
      entryOfName[id] = entry;
      byte[] bytes = String.join(" ", tokens).getBytes(StandardCharsets.US_ASCII);
      if (textLength + bytes.length > text.length) {
        text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + bytes.length));
      }
      System.arraycopy(bytes, 0, text, textLength, bytes.length);
      textStart[id] = textLength;
      textLength += bytes.length;
      textStart[id + 1] = textLength;
      int f = 0;
      if (name.scripts().nonLatin()) {
        f |= FLAG_NON_LATIN;
      }
      if (name.scripts().abjad()) {
        f |= FLAG_ABJAD;
      }
      if (name.organisation()) {
        f |= FLAG_ORGANISATION;
      }
      if (spoken) {
        f |= FLAG_SPOKEN;
      }
      flags[id] = (byte) f;
      for (String key : keys(tokens)) {
        Integer kid = keyIds.get(key);
        if (kid == null) {
          kid = keyIds.size();
          keyIds.put(key, kid);
        }
        if (pairCount == pairKey.length) {
          pairKey = Arrays.copyOf(pairKey, pairKey.length * 2);
          pairName = Arrays.copyOf(pairName, pairName.length * 2);
        }
        pairKey[pairCount] = kid;
        pairName[pairCount] = id;
        pairCount++;
      }
    }

    public CandidateIndex build() {
      return new CandidateIndex(this);
    }
  }

  /** For tests: the keys a name is indexed under. */
  static List<String> keysOf(List<String> tokens) {
    return new ArrayList<>(keys(tokens));
  }
}
