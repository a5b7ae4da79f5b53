package org.sekisho.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Match keys for names and addresses: two spellings that a customs officer would call the same
 * company, person or address get the same key (株式会社サクラ物産, ㈱サクラ物産 and サクラ物産株式会社; 港島1丁目11番4号 and
 * 〒650-0045 港島1-11-4). The intelligence database resolves entities by them and targeting compares
 * list entries with declared parties by them, so that a party an analyst puts on a list is matched
 * as the database links it. Pure; results of repeated inputs are kept.
 */
public final class MatchKeys {
  private MatchKeys() {}

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  // Legal forms, compared after NFKC, upper-casing and punctuation removal; multi-word forms first.
  private static final List<String> LEGAL_FORM_PHRASES =
      List.of(
          "CO LTD",
          "COMPANY LIMITED",
          "PTE LTD",
          "PTY LTD",
          "SDN BHD",
          "S A",
          "S R L",
          "B V",
          "N V",
          "K K",
          "G K",
          "Y K");
  private static final Set<String> LEGAL_FORM_WORDS =
      Set.of(
          "KK",
          "GK",
          "YK",
          "LTD",
          "LIMITED",
          "INC",
          "INCORPORATED",
          "CORP",
          "CORPORATION",
          "LLC",
          "LLP",
          "GMBH",
          "AG",
          "SA",
          "SAS",
          "SARL",
          "SRL",
          "SPA",
          "BV",
          "NV",
          "PLC",
          "PTE",
          "PTY",
          "OOO",
          "ООО",
          "ЗАО",
          "ОАО",
          "ПАО",
          "АО",
          "CO",
          "COMPANY",
          "JSC",
          "TRADING_CO");
  private static final List<String> LEGAL_FORM_CJK =
      List.of(
          "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "(合)", "㈱", "㈲", "股份有限公司", "有限责任公司",
          "有限公司", "주식회사", "(주)", "유한회사");
  private static final Set<String> HONORIFICS =
      Set.of("MR", "MRS", "MS", "MISS", "DR", "PROF", "SIR", "MME", "HERR", "FRAU");
  private static final List<String> HONORIFICS_CJK = List.of("様", "さん", "殿", "氏", "先生");

  /**
   * NFKC (full-width Latin and digits to half-width, half-width kana to full-width), upper case.
   */
  public static String fold(String s) {
    return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
        .toUpperCase(Locale.ROOT)
        .strip();
  }

  private static String words(String folded) {
    return SPACES.matcher(NON_WORD.matcher(folded).replaceAll(" ")).replaceAll(" ").strip();
  }

  /**
   * Company key: folded, legal forms removed wherever they stand, punctuation and spacing ignored.
   */
  public static String companyKey(String name) {
    return COMPANY_KEYS.apply(name == null ? "" : name);
  }

  private static final Memo COMPANY_KEYS = new Memo(100_000, MatchKeys::computeCompanyKey);

  private static String computeCompanyKey(String name) {
    String s = fold(name);
    for (String f : LEGAL_FORM_CJK) {
      s = s.replace(f, " ");
    }
    s = " " + words(s) + " ";
    for (String phrase : LEGAL_FORM_PHRASES) {
      s = s.replace(" " + phrase + " ", " ");
    }
    List<String> kept = new ArrayList<>();
    for (String w : s.strip().split(" ")) {
      if (!w.isEmpty() && !LEGAL_FORM_WORDS.contains(w)) {
        kept.add(w);
      }
    }
    return String.join(" ", kept);
  }

  /** Person key: folded, honorifics removed, name parts sorted (order differs between sources). */
  public static String personKey(String name) {
    return PERSON_KEYS.apply(name == null ? "" : name);
  }

  private static final Memo PERSON_KEYS = new Memo(100_000, MatchKeys::computePersonKey);

  private static String computePersonKey(String name) {
    String s = fold(name);
    for (String h : HONORIFICS_CJK) {
      s = s.replace(h, " ");
    }
    String[] parts =
        Arrays.stream(words(s).split(" "))
            .filter(w -> !w.isEmpty() && !HONORIFICS.contains(w))
            .sorted()
            .toArray(String[]::new);
    return String.join(" ", parts);
  }

  private static final Pattern CHOME = Pattern.compile("(\\d+)\\s*丁目\\s*");
  private static final Pattern BANCHI = Pattern.compile("(\\d+)\\s*番地?\\s*");
  private static final Pattern GO = Pattern.compile("(\\d+)\\s*号");
  private static final Pattern DIGIT_RUNS = Pattern.compile("(\\d) (?=\\d)");

  // A Japanese postcode (〒650-0045, 〒6500045, 650-0045) before or after the address: written on
  // some records and not on others, it is no part of where the address is. Without the mark it
  // must have its hyphen, and at the end stand apart, so that block numbers are never taken for
  // one.
  private static final Pattern POSTCODE_LEAD =
      Pattern.compile("^(?:〒\\s*\\d{3}-?\\d{4}|\\d{3}-\\d{4})(?![\\d-])[\\s,、]*");
  private static final Pattern POSTCODE_TRAIL =
      Pattern.compile("(?:〒\\s*\\d{3}-?\\d{4}|(?<=[\\s,、])\\d{3}-\\d{4})$");

  /**
   * Address key: folded; a leading or trailing Japanese postcode left out; Japanese block numbers
   * written 1丁目2番3号 and 1-2-3 become the same.
   */
  public static String addressKey(String address) {
    String s = fold(address);
    s = POSTCODE_LEAD.matcher(s).replaceFirst("");
    s = POSTCODE_TRAIL.matcher(s).replaceFirst("");
    if (!isAscii(s)) {
      s = CHOME.matcher(s).replaceAll("$1-");
      s = BANCHI.matcher(s).replaceAll("$1-");
      s = GO.matcher(s).replaceAll("$1");
      s = s.replace("〒", " ");
    }
    return DIGIT_RUNS.matcher(words(s.replace("-", " "))).replaceAll("$1-");
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
