package org.sekisho.maritime.adapter.web;

import org.sekisho.platform.i18n.Messages;

/**
 * AIS "type of ship and cargo" codes (ITU-R M.1371-5, table 53) as words: 30 is fishing, 52 a tug,
 * 70-79 cargo (the second digit 1-4 a hazardous category A-D).
 */
public final class ShipTypes {
  private ShipTypes() {}

  /** The type in the reader's language with its code, e.g. "Fishing (30)"; blank when 0. */
  public static String name(Messages t, int code) {
    if (code <= 0) {
      return t.get("maritime.shiptype.0");
    }
    int tens = code / 10;
    int unit = code % 10;
    String words;
    if ((code >= 30 && code <= 37) || (code >= 50 && code <= 59)) {
      words = t.get("maritime.shiptype." + code);
    } else if (tens == 2 || tens == 4 || (tens >= 6 && tens <= 9)) {
      words = t.get("maritime.shiptype.class." + tens);
      if (unit >= 1 && unit <= 4) {
        words = t.get("maritime.shiptype.hazard", words, String.valueOf((char) ('A' + unit - 1)));
      }
    } else {
      words = t.get("maritime.shiptype.reserved");
    }
    return words + " (" + code + ")";
  }
}
