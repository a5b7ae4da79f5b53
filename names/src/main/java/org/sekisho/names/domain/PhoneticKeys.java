package org.sekisho.names.domain;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.EncoderException;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.bm.BeiderMorseEncoder;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * Keys under which differently spelt forms of one name part meet: Double Metaphone, Beider–Morse
 * (Commons Codec), a romanisation fold for the spellings that different transliteration systems
 * produce (Kim/Gim, Jong/Jeong, Hussein/Husain, Pinnock/Pinokku) and a consonant skeleton for names
 * that came from Arabic or Hebrew, which do not write short vowels (Mohammed ~ mhmd).
 *
 * <p>Input is a folded ASCII token (see {@link NameNormaliser}). Thread-safe.
 */
public final class PhoneticKeys {

  private static final ThreadLocal<DoubleMetaphone> DM =
      ThreadLocal.withInitial(
          () -> {
            DoubleMetaphone dm = new DoubleMetaphone();
            dm.setMaxCodeLen(6);
            return dm;
          });

  private static final ThreadLocal<BeiderMorseEncoder> BM =
      ThreadLocal.withInitial(
          () -> {
            BeiderMorseEncoder bm = new BeiderMorseEncoder();
            bm.setNameType(NameType.GENERIC);
            bm.setRuleType(RuleType.APPROX);
            bm.setConcat(true);
            bm.setMaxPhonemes(8);
            return bm;
          });

  private static final int BM_CACHE_SIZE = 20_000;

  // Beider–Morse costs tens of microseconds a token; the same name parts recur all the time
  private static final ThreadLocal<Map<String, Set<String>>> BM_CACHE =
      ThreadLocal.withInitial(
          () ->
              new LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                  return size() > BM_CACHE_SIZE;
                }
              });

  private PhoneticKeys() {}

  /** Double Metaphone primary code (up to six letters); empty for a token without letters. */
  public static String metaphone(String token) {
    String code = DM.get().doubleMetaphone(token);
    return code == null ? "" : code;
  }

  /** Double Metaphone alternate code. */
  public static String metaphoneAlternate(String token) {
    String code = DM.get().doubleMetaphone(token, true);
    return code == null ? "" : code;
  }

  /** True when the two tokens share a Double Metaphone code (primary or alternate). */
  public static boolean metaphoneMatch(String a, String b) {
    String pa = metaphone(a);
    if (pa.length() < 2) {
      return false;
    }
    String pb = metaphone(b);
    String aa = metaphoneAlternate(a);
    String ab = metaphoneAlternate(b);
    return pa.equals(pb) || pa.equals(ab) || aa.equals(pb) || aa.equals(ab);
  }

  /** Beider–Morse approximate phonetic codes of the token (generic names). */
  public static Set<String> beiderMorse(String token) {
    Map<String, Set<String>> cache = BM_CACHE.get();
    Set<String> codes = cache.get(token);
    if (codes == null) {
      codes = new HashSet<>();
      try {
        for (String c : BM.get().encode(token).split("[|()-]")) {
          if (!c.isEmpty()) {
            codes.add(c);
          }
        }
      } catch (EncoderException | IllegalArgumentException | IllegalStateException e) {
        // Commons Codec refuses some inputs; no code means no phonetic evidence, nothing more
        codes = Set.of();
      }
      codes = Collections.unmodifiableSet(codes);
      cache.put(token, codes);
    }
    return codes;
  }

  /** True when the two tokens share a Beider–Morse code. */
  public static boolean beiderMorseMatch(String a, String b) {
    Set<String> ca = beiderMorse(a);
    Set<String> cb = beiderMorse(b);
    for (String c : ca) {
      if (cb.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A lossy spelling fold that makes romanisations of the same sound agree: vowel digraphs (eo→o,
   * eu→u, ou→u, ai→e …), consonant digraphs (kh→k, sh→s, ph→f …), voiced and voiceless stops (g→k,
   * d→t, b→p), c/q/k, w/v, z/s, y→i, doubled letters collapsed.
   */
  public static String fold(String token) {
    StringBuilder out = new StringBuilder(token.length());
    int n = token.length();
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      char f;
      switch (c) {
        case 'e' -> {
          if (next == 'o' || next == 'u' || next == 'i' || next == 'a' || next == 'e') {
            f = next == 'e' ? 'i' : next == 'i' || next == 'a' ? 'e' : next;
            i++;
          } else {
            f = 'e';
          }
        }
        case 'o' -> {
          if (next == 'u' || next == 'o') {
            f = 'u';
            i++;
          } else {
            f = 'o';
          }
        }
        case 'a' -> {
          if (next == 'i' || next == 'e' || next == 'y') {
            f = 'e';
            i++;
          } else {
            f = 'a';
          }
        }
        case 'k', 'g', 'q', 'c' -> {
          if (c == 'c' && (next == 'e' || next == 'i')) {
            f = 's';
          } else {
            f = 'k';
          }
          if (next == 'h' || next == 'k') {
            i++;
          }
        }
        case 's', 'z' -> {
          f = 's';
          if (next == 'h') {
            i++;
          }
        }
        case 't', 'd' -> {
          f = 't';
          if (next == 'h') {
            i++;
          }
        }
        case 'p', 'b', 'f' -> {
          f = c == 'f' ? 'f' : 'p';
          if (c == 'p' && next == 'h') {
            f = 'f';
            i++;
          }
        }
        case 'v', 'w' -> f = 'v';
        case 'y', 'j' -> f = c == 'y' ? 'i' : 'j';
        case 'x' -> {
          out.append('k');
          f = 's';
        }
        case 'h' -> {
          // an h after a vowel or at the end is not heard in most romanisations
          if (i == n - 1 || (out.length() > 0 && isVowel(out.charAt(out.length() - 1)))) {
            continue;
          }
          f = 'h';
        }
        default -> f = c;
      }
      if (out.length() == 0 || out.charAt(out.length() - 1) != f) {
        out.append(f);
      }
    }
    return out.toString();
  }

  /**
   * Consonant skeleton of a fold: vowels, y, w and h removed. Names romanised from Arabic or Hebrew
   * keep only consonants, so Mohammed and mhmd share the skeleton mhmt → "mmt".
   */
  public static String skeleton(String token) {
    String f = fold(token);
    StringBuilder out = new StringBuilder(f.length());
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (isVowel(c) || c == 'h' || c == 'v') {
        continue;
      }
      if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
}
