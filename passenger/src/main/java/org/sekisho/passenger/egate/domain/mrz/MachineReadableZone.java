package org.sekisho.passenger.egate.domain.mrz;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Problem;

/**
 * An MRZ as read: the layout it was recognised as, its fields as printed, every check digit and
 * every problem found. A reading is {@link #valid()} when the layout, the codes and every check
 * digit are right; expiry is judged apart ({@link #expiredOn(LocalDate)}) because an expired
 * passport is still a correctly printed one.
 *
 * @param format the layout recognised from the number and width of the lines
 * @param lines the lines as given (trimmed)
 * @param fields field name to value as printed; names replace '<' with spaces, the document number
 *     has its fillers removed, dates stay YYMMDD (see {@link #FIELD_ORDER})
 * @param checks every check digit, in MRZ order
 * @param problems layout, code and check-digit problems; empty when valid
 * @param birthDate the birth date when it is a calendar date (century from the reading date)
 * @param expiryDate the expiry date when it is a calendar date
 */
public record MachineReadableZone(
    MrzFormat format,
    List<String> lines,
    Map<String, String> fields,
    List<MrzCheck> checks,
    List<Problem> problems,
    Optional<LocalDate> birthDate,
    Optional<LocalDate> expiryDate) {

  /** Field names in the order they are reported. */
  public static final List<String> FIELD_ORDER =
      List.of(
          "document_code",
          "issuing_state",
          "document_number",
          "birth_date",
          "sex",
          "expiry_date",
          "nationality",
          "primary_identifier",
          "secondary_identifier",
          "optional1",
          "optional2",
          "optional",
          "personal_number");

  public MachineReadableZone {
    lines = List.copyOf(lines);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    checks = List.copyOf(checks);
    problems = List.copyOf(problems);
  }

  /** Layout, codes and every check digit are right. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** The document expired before {@code today}; false when the expiry date cannot be read. */
  public boolean expiredOn(LocalDate today) {
    return expiryDate.map(d -> d.isBefore(today)).orElse(false);
  }

  public String field(String name) {
    return fields.getOrDefault(name, "");
  }

  public String documentNumber() {
    return field("document_number");
  }

  public String issuingState() {
    return field("issuing_state").replace("<", "");
  }

  public String nationality() {
    return field("nationality").replace("<", "");
  }

  /** Surname(s) followed by given names, as printed in the MRZ. */
  public String fullName() {
    return (field("primary_identifier") + " " + field("secondary_identifier")).strip();
  }
}
