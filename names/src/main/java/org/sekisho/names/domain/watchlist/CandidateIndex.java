package org.sekisho.names.domain.watchlist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sekisho.names.domain.NormalisedName;
import org.sekisho.names.domain.PhoneticKeys;
import org.sekisho.names.domain.Script;
import org.sekisho.names.domain.Scripts;

/**
 * Inverted index from phonetic and spelling keys of name parts to names, held in flat primitive
 * arrays so that millions of names fit in a few hundred megabytes. Each name part contributes its
 * Double Metaphone code, the first four letters of its romanisation fold and its consonant
 * skeleton; each name also contributes the start of its parts written together (for names whose
 * syllables are split differently). A search adds up, per name, the inverse document frequency of
 * the keys it shares with the query and returns the best-scoring names; the caller then scores
 * those with the full matcher.
 *
 * <p>Immutable once built; {@link #search} is thread-safe (per-thread scratch arrays).
 */
public final class CandidateIndex {

  private static final int FLAG_NON_LATIN = 1;
  private static final int FLAG_ABJAD = 2;
  private static final int FLAG_ORGANISATION = 4;

  private final Map<String, Integer> keyIds;
  private final int[] postingStart;
  private final int[] postings;
  private final int[] entryOfName;
  private final byte[] text;
  private final int[] textStart;
  private final byte[] flags;
  private final int nameCount;
  private final ThreadLocal<Scratch> scratch;

  private CandidateIndex(Builder b) {
    this.nameCount = b.nameCount;
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
    this.entryOfName = Arrays.copyOf(b.entryOfName, nameCount);
    this.text = Arrays.copyOf(b.text, b.textLength);
    this.textStart = Arrays.copyOf(b.textStart, nameCount + 1);
    this.flags = Arrays.copyOf(b.flags, nameCount);
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(nameCount));
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
    Set<Script> scripts =
        (f & FLAG_ABJAD) != 0
            ? Set.of(Script.ARABIC)
            : (f & FLAG_NON_LATIN) != 0 ? Set.of(Script.OTHER) : Set.of(Script.LATIN);
    return new NormalisedName(
        s,
        List.of(s.split(" ")),
        List.of(),
        List.of(),
        (f & FLAG_ORGANISATION) != 0,
        new Scripts(scripts));
  }

  /** Keys a tokenised name is indexed (and searched) under. */
  static Set<String> keys(List<String> tokens) {
    Set<String> keys = new LinkedHashSet<>();
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
    return keys;
  }

  /**
   * The ids of up to {@code limit} names sharing the most (and rarest) keys with {@code query},
   * best first. An empty query gives an empty array.
   */
  public int[] search(NormalisedName query, int limit) {
    Set<String> keys = new LinkedHashSet<>(keys(query.tokens()));
    if (!query.alternate().isEmpty()) {
      keys.addAll(keys(query.alternate()));
    }
    Scratch s = scratch.get();
    s.touchedCount = 0;
    for (String key : keys) {
      Integer kid = keyIds.get(key);
      if (kid == null) {
        continue;
      }
      int from = postingStart[kid];
      int to = postingStart[kid + 1];
      float w = (float) Math.log(1.0 + (double) nameCount / (to - from));
      for (int p = from; p < to; p++) {
        int id = postings[p];
        if (s.score[id] == 0) {
          s.touch(id);
        }
        s.score[id] += w;
      }
    }
    int[] best = s.top(limit);
    s.reset();
    return best;
  }

  private static final class Scratch {
    final float[] score;
    int[] touched = new int[1024];
    int touchedCount;

    Scratch(int n) {
      score = new float[n];
    }

    void touch(int id) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touched.length * 2);
      }
      touched[touchedCount++] = id;
    }

    // a bounded min-heap over the touched names keeps the k best without sorting them all
    int[] top(int k) {
      int size = Math.min(k, touchedCount);
      int[] heap = new int[size];
      int n = 0;
      for (int t = 0; t < touchedCount; t++) {
        int id = touched[t];
        if (n < size) {
          heap[n++] = id;
          siftUp(heap, n - 1);
        } else if (better(id, heap[0])) {
          heap[0] = id;
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
        out[i] = boxed[i];
      }
      return out;
    }

    private boolean better(int a, int b) {
      return score[a] > score[b] || (score[a] == score[b] && a < b);
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
        score[touched[t]] = 0;
      }
      touchedCount = 0;
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

    /** Indexes one name (its tokens and its bracketed reading) for the entry at {@code entry}. */
    public Builder add(int entry, NormalisedName name) {
      if (!name.tokens().isEmpty()) {
        addForm(entry, name.tokens(), name);
      }
      if (!name.alternate().isEmpty()) {
        addForm(entry, name.alternate(), name);
      }
      return this;
    }

    private void addForm(int entry, List<String> tokens, NormalisedName name) {
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
