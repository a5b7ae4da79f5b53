package org.sekisho.targeting.criteria.domain;

/**
 * A party of a declaration as criteria see it; every field normalised ({@link Normal}), absent
 * fields empty.
 */
public record PartyView(String id, String name, String country, String address, String phone) {
  public static final PartyView NONE = new PartyView("", "", "", "", "");

  public PartyView {
    id = Normal.code(id);
    name = Normal.code(name);
    country = Normal.code(country);
    address = Normal.code(address);
    phone = Normal.phone(phone);
  }

  /** The key the party's history is counted under: its id, else its name; empty for nobody. */
  public String traderKey() {
    return id.isEmpty() ? name : id;
  }
}
