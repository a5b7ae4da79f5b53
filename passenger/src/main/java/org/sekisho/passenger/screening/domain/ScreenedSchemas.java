package org.sekisho.passenger.screening.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Which FollowTheMoney (OpenSanctions) entities passenger screening imports from a watchlist file,
 * and why it leaves the others out. Passengers are people, so a list is screened against the
 * entities that are, or may be, a person:
 *
 * <ul>
 *   <li>{@code Person};
 *   <li>{@code LegalEntity}: the schema a publisher uses when its source does not say whether the
 *       party is a person or an organisation, so a listed person may be filed under it (leaving it
 *       out could miss them).
 * </ul>
 *
 * <p>Organisations ({@code Organization}, {@code Company}, {@code PublicBody}) and vessels,
 * aircraft and vehicles are parties or things that never board a flight as a passenger: a
 * traveller's name matching a company's is noise the PNR unit would have to dismiss, not a lead.
 * The other schemas (sanctions, addresses, identifications, relations between parties such as
 * ownership or family) are no party at all: FollowTheMoney keeps them as entities of their own
 * beside the party they describe. Pure; thread-safe.
 */
public final class ScreenedSchemas {
  /** The schemas imported. */
  public static final Set<String> IMPORTED = Set.of("Person", "LegalEntity");

  private static final Set<String> ORGANISATIONS = Set.of("Organization", "Company", "PublicBody");
  private static final Set<String> THINGS = Set.of("Vessel", "Airplane", "Vehicle");

  private ScreenedSchemas() {}

  /**
   * Why entities of one schema are left out.
   *
   * @param code {@code organisation}, {@code not-a-person} or {@code not-a-party}
   * @param reason the reason in words, for import reports
   */
  public record LeftOut(String code, String reason) {}

  /** Whether entities of {@code schema} are imported. */
  public static boolean imported(String schema) {
    return IMPORTED.contains(schema);
  }

  /** Why entities of {@code schema} are left out; empty when they are imported. */
  public static Optional<LeftOut> leftOut(String schema) {
    if (imported(schema)) {
      return Optional.empty();
    }
    if (ORGANISATIONS.contains(schema)) {
      return Optional.of(
          new LeftOut(
              "organisation",
              "an organisation, not a person: passengers are people, and a traveller whose name"
                  + " matches an organisation's is not a lead"));
    }
    if (THINGS.contains(schema)) {
      return Optional.of(
          new LeftOut(
              "not-a-person",
              "a vessel, aircraft or vehicle, not a person who could travel as a passenger"));
    }
    return Optional.of(
        new LeftOut(
            "not-a-party",
            "not a listed party: FollowTheMoney keeps sanctions, addresses, identifications and"
                + " relations between parties as entities of their own"));
  }
}
