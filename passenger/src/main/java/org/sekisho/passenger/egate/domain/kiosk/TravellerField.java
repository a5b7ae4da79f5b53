package org.sekisho.passenger.egate.domain.kiosk;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every field the integrated kiosk captures, each tagged with the purposes it may serve. This table
 * is the field-level purpose rule: a field reaches an authority's record only when it is tagged
 * with that authority's purpose. Adding a field means deciding its purposes here, nowhere else.
 */
public enum TravellerField {
  /**
   * The office whose kiosk received the traveller (the kiosk account's office): the referral is
   * that office's to deal with.
   */
  KIOSK_OFFICE("kiosk_office", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  // Passport data page and chip: identity, needed by both authorities.
  DOCUMENT_NUMBER("document_number", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  SURNAME("surname", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  GIVEN_NAMES("given_names", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  NATIONALITY("nationality", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  BIRTH_DATE("birth_date", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  // Document particulars only immigration examines.
  DOCUMENT_TYPE("document_type", Purpose.IMMIGRATION),
  ISSUING_STATE("issuing_state", Purpose.IMMIGRATION),
  SEX("sex", Purpose.IMMIGRATION),
  DOCUMENT_EXPIRY("document_expiry", Purpose.IMMIGRATION),
  CHIP_AUTHENTICATION("chip_authentication", Purpose.IMMIGRATION),
  FACE_VERIFICATION("face_verification", Purpose.IMMIGRATION),
  // Journey: on both the customs declaration and the ED card.
  FLIGHT("flight", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  ARRIVAL_DATE("arrival_date", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  ADDRESS_IN_JAPAN("address_in_japan", Purpose.CUSTOMS, Purpose.IMMIGRATION),
  // Customs declaration (Form C No. 5360) only.
  DEPARTED_FROM("departed_from", Purpose.CUSTOMS),
  OCCUPATION("occupation", Purpose.CUSTOMS),
  PHONE_IN_JAPAN("phone_in_japan", Purpose.CUSTOMS),
  FAMILY_MEMBERS("family_members", Purpose.CUSTOMS),
  DECLARATION_ANSWERS("declaration_answers", Purpose.CUSTOMS),
  UNACCOMPANIED_PIECES("unaccompanied_pieces", Purpose.CUSTOMS),
  /**
   * The goods the declaration lists (the form's B side), one per line: name, quantity and value in
   * yen separated by tabs (the form refuses control characters in a name, so neither can occur in
   * it).
   */
  DECLARED_GOODS("declared_goods", Purpose.CUSTOMS),
  DECLARATION_SIGNATURE("declaration_signature", Purpose.CUSTOMS),
  /**
   * The verified declaration's id: a declaration is good for one crossing by each passport, and a
   * second use names the capture of the first.
   */
  DECLARATION_ID("declaration_id", Purpose.CUSTOMS),
  TARGETING_HITS("targeting_hits", Purpose.CUSTOMS),
  GATE_DECISION("gate_decision", Purpose.CUSTOMS),
  /** Each referral reason with the officer's detail (scores, mismatching fields, hits). */
  GATE_REFERRALS("gate_referrals", Purpose.CUSTOMS),
  /**
   * Each referral's message key and arguments, so that its detail reads in the officer's language.
   */
  GATE_REFERRAL_DETAILS("gate_referral_details", Purpose.CUSTOMS),
  /**
   * The name on a verified declaration when the passport's MRZ could not be read: the officer still
   * knows whom to call.
   */
  DECLARED_NAME("declared_name", Purpose.CUSTOMS),
  /**
   * A family member's passing under the head of family's declaration: the declarant's passport
   * (nationality and number) whose declaration lists this passport.
   */
  DECLARED_BY("declared_by", Purpose.CUSTOMS),
  // Immigration items (the ED card questions) only.
  PURPOSE_OF_VISIT("purpose_of_visit", Purpose.IMMIGRATION),
  INTENDED_STAY_DAYS("intended_stay_days", Purpose.IMMIGRATION),
  DEPORTATION_OR_REFUSAL_HISTORY("deportation_or_refusal_history", Purpose.IMMIGRATION),
  CRIMINAL_CONVICTION("criminal_conviction", Purpose.IMMIGRATION),
  CARRYING_PROHIBITED_ITEMS("carrying_prohibited_items", Purpose.IMMIGRATION);

  private final String key;
  private final Set<Purpose> purposes;

  TravellerField(String key, Purpose first, Purpose... more) {
    this.key = key;
    this.purposes = Set.copyOf(EnumSet.of(first, more));
  }

  /** The field's name in records sent to the authorities. */
  public String key() {
    return key;
  }

  public Set<Purpose> purposes() {
    return purposes;
  }

  public boolean serves(Purpose p) {
    return purposes.contains(p);
  }
}
