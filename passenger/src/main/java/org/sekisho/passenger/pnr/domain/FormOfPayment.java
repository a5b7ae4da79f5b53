package org.sekisho.passenger.pnr.domain;

/**
 * How a booking or ticket was paid (FOP, with the billing details of the following IFT 4:43).
 *
 * @param type payment type, e.g. {@code CC} credit card, {@code CA} cash, {@code MS} other
 * @param amount amount as sent
 * @param vendor card vendor code, e.g. {@code VI}, {@code AX}
 * @param account account or card number as sent (usually masked by the carrier)
 * @param expiry card expiry as sent ({@code MMYY})
 * @param holderName card holder name
 * @param billingAddress billing address text
 * @param billingPhone billing telephone
 * @param passengerReference passenger the payment was given for, empty for the whole booking
 */
public record FormOfPayment(
    String type,
    String amount,
    String vendor,
    String account,
    String expiry,
    String holderName,
    String billingAddress,
    String billingPhone,
    String passengerReference) {

  FormOfPayment withBilling(String name, String address, String phone) {
    return new FormOfPayment(
        type, amount, vendor, account, expiry, name, address, phone, passengerReference);
  }
}
