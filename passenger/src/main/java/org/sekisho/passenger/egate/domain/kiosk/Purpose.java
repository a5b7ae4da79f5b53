package org.sekisho.passenger.egate.domain.kiosk;

/** Why an authority may hold a field captured at the integrated kiosk. */
public enum Purpose {
  /** Customs clearance of the traveller and their goods (Form C No. 5360, the gate decision). */
  CUSTOMS,
  /** Immigration control: identity, landing permission (the ED card questions). */
  IMMIGRATION
}
