package org.sekisho.app.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sekisho.app.demo.DemoVocabulary.ForeignNames;
import org.sekisho.app.demo.DemoVocabulary.JpWord;
import org.sekisho.app.demo.DemoVocabulary.Place;

/**
 * The people and companies of a generated day. Each entity is a pure function of (seed, index), so
 * a record can name entity {@code k} without a list of all entities in memory; each mention is
 * written in a variant form (script, width, legal form, phone and address notation) chosen by the
 * mentioning record, as real declarations do, so entity resolution has work to do.
 */
final class DemoParties {
  private final long seed;

  DemoParties(long seed) {
    this.seed = seed;
  }

  /** A random source for entity {@code k} of a kind ({@code salt}); same inputs, same stream. */
  SplittableRandom rng(long salt, long k) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL + k));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  // ---------------------------------------------------------------- Japanese companies

  /** A Japanese company: name parts, registered address and office phone (national digits). */
  record JpCompany(
      int index, JpWord root, JpWord trade, Address address, String phone, String id) {}

  /** A Japanese address: place, block numbers, building. */
  record Address(Place place, int chome, int ban, int go, String building) {}

  /**
   * Company {@code k}: root {@code k mod 30}, trade word {@code (k / 30) mod 10}, and from the
   * 300th company on a regional prefix, so different companies have different names (no homonyms
   * below 3,300 companies, i.e. scale 11).
   */
  JpCompany jpCompany(int k) {
    SplittableRandom r = rng(11, k);
    int roots = DemoVocabulary.JP_ROOTS.size();
    int trades = DemoVocabulary.JP_TRADES.size();
    JpWord root = DemoVocabulary.JP_ROOTS.get(Math.floorMod(k, roots));
    int generation = Math.floorMod(k, Integer.MAX_VALUE) / (roots * trades);
    if (generation > 0) {
      JpWord region =
          DemoVocabulary.JP_REGIONS.get((generation - 1) % DemoVocabulary.JP_REGIONS.size());
      root =
          new JpWord(
              region.kanji() + root.kanji(),
              region.kana() + root.kana(),
              region.romaji() + " " + root.romaji(),
              region.halfKana() + root.halfKana());
    }
    JpWord trade = DemoVocabulary.JP_TRADES.get(Math.floorMod(k / roots, trades));
    Address a = address(r);
    String area = areaCode(a.place().prefecture());
    return new JpCompany(k, root, trade, a, landline(r, area), "JP" + digits(r, 13));
  }

  /** The company's name as one record writes it. */
  static String companyName(JpCompany c, SplittableRandom r) {
    String kanji = c.root().kanji() + c.trade().kanji();
    String roman = c.root().romaji() + " " + c.trade().romaji();
    int v = r.nextInt(20);
    return switch (v) {
      case 0, 1, 2, 3, 4 -> "株式会社" + kanji;
      case 5, 6 -> kanji + "株式会社";
      case 7 -> "㈱" + kanji;
      case 8 -> "(株)" + kanji;
      case 9 -> "（株）" + kanji;
      case 10, 11 -> roman.toUpperCase(Locale.ROOT) + " KK";
      case 12, 13, 14 -> roman + " Co., Ltd.";
      case 15 -> roman.toUpperCase(Locale.ROOT) + " CO.,LTD";
      case 16 -> fullWidth(roman.toUpperCase(Locale.ROOT) + " KK");
      case 17 -> "ｶ)" + c.root().halfKana() + c.trade().halfKana();
      case 18 -> "株式会社" + c.root().kana() + c.trade().kana();
      default -> roman + " K.K.";
    };
  }

  Map<String, Object> companyParty(JpCompany c, SplittableRandom r, boolean withId) {
    return JsonLine.obj(
        "kind",
        "company",
        "name",
        companyName(c, r),
        "id",
        withId && r.nextInt(3) > 0 ? c.id() : null,
        "address",
        r.nextInt(5) > 0 ? address(c.address(), r) : null,
        "phone",
        r.nextInt(4) > 0 ? phone(c.phone(), r) : null,
        "country",
        "JP");
  }

  // ---------------------------------------------------------------- Japanese persons

  record JpPerson(int index, JpWord family, JpWord given, Address address, String mobile) {}

  JpPerson jpPerson(int k) {
    SplittableRandom r = rng(13, k);
    JpWord family = pick(r, DemoVocabulary.JP_ROOTS.subList(0, 10));
    JpWord given = pick(r, DemoVocabulary.JP_GIVEN);
    return new JpPerson(k, family, given, address(r), mobile(r));
  }

  static String personName(JpPerson p, SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0, 1, 2, 3 -> p.family().kanji() + " " + p.given().kanji();
      case 4, 5 -> p.family().kanji() + p.given().kanji();
      case 6 -> p.family().kana() + " " + p.given().kana();
      case 7 -> (p.family().romaji() + " " + p.given().romaji()).toUpperCase(Locale.ROOT);
      case 8 -> p.given().romaji() + " " + p.family().romaji();
      default -> p.family().halfKana() + " " + p.given().halfKana();
    };
  }

  Map<String, Object> personParty(JpPerson p, SplittableRandom r) {
    return JsonLine.obj(
        "kind",
        "person",
        "name",
        personName(p, r),
        "address",
        address(p.address(), r),
        "phone",
        r.nextInt(3) > 0 ? phone(p.mobile(), r) : null,
        "country",
        "JP");
  }

  // ---------------------------------------------------------------- foreign parties

  record ForeignCompany(int index, String country, String word, String trade, int form) {}

  ForeignCompany foreignCompany(int k, String country) {
    SplittableRandom r = rng(17, k);
    return new ForeignCompany(
        k,
        country,
        pick(r, DemoVocabulary.FOREIGN_WORDS),
        pick(r, DemoVocabulary.FOREIGN_TRADES),
        r.nextInt(3));
  }

  static String foreignCompanyName(ForeignCompany c, SplittableRandom r) {
    String form = DemoVocabulary.legalForm(c.country(), c.form() + (r.nextInt(4) == 0 ? 1 : 0));
    String name =
        form.equals("PT")
            ? "PT " + c.word() + " " + c.trade()
            : c.word() + " " + c.trade() + " " + form;
    return r.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT) : name;
  }

  Map<String, Object> foreignCompanyParty(ForeignCompany c, SplittableRandom r) {
    SplittableRandom own = rng(19, c.index());
    return JsonLine.obj(
        "kind",
        "company",
        "name",
        foreignCompanyName(c, r),
        "phone",
        r.nextInt(3) == 0 ? foreignPhone(c.country(), own) : null,
        "country",
        c.country());
  }

  record ForeignPerson(
      int index, String country, String given, String family, boolean familyFirst, String phone) {}

  ForeignPerson foreignPerson(int k) {
    SplittableRandom r = rng(23, k);
    ForeignNames n = pick(r, DemoVocabulary.FOREIGN_NAMES);
    return new ForeignPerson(
        k,
        n.country(),
        pick(r, n.given()),
        pick(r, n.family()),
        n.familyFirst(),
        foreignPhone(n.country(), r));
  }

  static String foreignPersonName(ForeignPerson p, SplittableRandom r) {
    String natural = p.familyFirst() ? p.family() + " " + p.given() : p.given() + " " + p.family();
    return switch (r.nextInt(6)) {
      case 0 -> natural.toUpperCase(Locale.ROOT);
      case 1 -> p.family().toUpperCase(Locale.ROOT) + " " + p.given().toUpperCase(Locale.ROOT);
      case 2 -> p.family() + ", " + p.given();
      default -> natural;
    };
  }

  Map<String, Object> foreignPersonParty(ForeignPerson p, SplittableRandom r) {
    return JsonLine.obj(
        "kind",
        "person",
        "name",
        foreignPersonName(p, r),
        "phone",
        r.nextInt(3) == 0 ? p.phone() : null,
        "country",
        p.country());
  }

  // ---------------------------------------------------------------- addresses and phones

  Address address(SplittableRandom r) {
    return new Address(
        pick(r, DemoVocabulary.PLACES),
        1 + r.nextInt(6),
        1 + r.nextInt(25),
        1 + r.nextInt(30),
        pick(r, DemoVocabulary.BUILDINGS));
  }

  /** One written form of an address: kanji blocks, dashes, full-width digits, with a postcode. */
  static String address(Address a, SplittableRandom r) {
    return address(a, r, true);
  }

  /**
   * As {@link #address(Address, SplittableRandom)}; without {@code postcode} the {@code 〒} form is
   * never chosen (planted networks use this: the intel address key keeps a leading postcode, so a
   * postcode variant would hide the shared address from an exact join).
   */
  static String address(Address a, SplittableRandom r, boolean postcode) {
    Place p = a.place();
    String base = p.prefecture() + p.city() + p.town();
    String b = a.building().isEmpty() ? "" : " " + a.building();
    int v = r.nextInt(6);
    if (v == 2 && !postcode) {
      v = 0;
    }
    return switch (v) {
      case 0, 1 -> base + a.chome() + "丁目" + a.ban() + "番" + a.go() + "号" + b;
      case 2 -> "〒" + p.postcode() + " " + base + a.chome() + "-" + a.ban() + "-" + a.go() + b;
      case 3 -> fullWidth(base + a.chome() + "-" + a.ban() + "-" + a.go()) + b;
      case 4 -> base + a.chome() + "－" + a.ban() + "－" + a.go() + b;
      default -> base + a.chome() + "-" + a.ban() + "-" + a.go() + b;
    };
  }

  /** The address in its fullest written form: kanji block numbers, building, no postcode. */
  static String canonicalAddress(Address a) {
    Place p = a.place();
    String b = a.building().isEmpty() ? "" : " " + a.building();
    return p.prefecture()
        + p.city()
        + p.town()
        + a.chome()
        + "丁目"
        + a.ban()
        + "番"
        + a.go()
        + "号"
        + b;
  }

  static String areaCode(String prefecture) {
    return switch (prefecture) {
      case "東京都" -> "03";
      case "神奈川県" -> "045";
      case "千葉県" -> "043";
      case "愛知県" -> "052";
      case "大阪府" -> "06";
      case "兵庫県" -> "078";
      case "福岡県" -> "092";
      case "静岡県" -> "054";
      case "沖縄県" -> "098";
      case "北海道" -> "011";
      case "宮城県" -> "022";
      default -> "082";
    };
  }

  /** A ten-digit national landline number starting with the area code. */
  static String landline(SplittableRandom r, String area) {
    return area + (1 + r.nextInt(9)) + digits(r, 10 - area.length() - 1);
  }

  /** An eleven-digit national mobile number (070, 080 or 090). */
  static String mobile(SplittableRandom r) {
    return "0" + (7 + r.nextInt(3)) + "0" + (1 + r.nextInt(9)) + digits(r, 7);
  }

  /** One written form of a national number: dashes, no separators, or +81 international. */
  static String phone(String national, SplittableRandom r) {
    String area;
    String middle;
    String last = national.substring(national.length() - 4);
    if (national.length() == 11) {
      area = national.substring(0, 3);
      middle = national.substring(3, 7);
    } else {
      int a = national.startsWith("03") || national.startsWith("06") ? 2 : 3;
      area = national.substring(0, a);
      middle = national.substring(a, 6);
    }
    String intl = area.substring(1);
    return switch (r.nextInt(8)) {
      case 0, 1, 2 -> area + "-" + middle + "-" + last;
      case 3 -> national;
      case 4 -> "+81 " + intl + " " + middle + " " + last;
      case 5 -> "+81-" + intl + "-" + middle + "-" + last;
      case 6 -> "+81" + intl + middle + last;
      default -> "(" + area + ") " + middle + "-" + last;
    };
  }

  static String foreignPhone(String country, SplittableRandom r) {
    return "+"
        + DemoVocabulary.dialCode(country)
        + " "
        + (1 + r.nextInt(9))
        + digits(r, 2)
        + " "
        + digits(r, 4)
        + " "
        + digits(r, 4);
  }

  static String digits(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  /**
   * ASCII letters, digits, dash and space to their full-width forms (as typed with a Japanese IME).
   */
  static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        sb.append('\u3000');
      } else if (c == '-') {
        sb.append('－');
      } else if (c > ' ' && c < 0x7F) {
        sb.append((char) (c + 0xFEE0));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
