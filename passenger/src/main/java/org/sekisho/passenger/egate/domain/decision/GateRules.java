package org.sekisho.passenger.egate.domain.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.egate.domain.chip.ChipReading;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.NameTransliteration;

/**
 * The e-Gate rules: a named list of small pure functions, each returning a referral or nothing. The
 * traveller passes only when no rule refers. Stateless and thread-safe.
 */
public final class GateRules {

  /** A named rule. */
  public record Rule(String name, Function<GateInputs, Optional<Referral>> check) {}

  /** Every rule, in the order their reasons are listed to the officer. */
  public static final List<Rule> ALL =
      List.of(
          new Rule("printed MRZ readable and valid", GateRules::documentInvalid),
          new Rule("document is a passport", GateRules::documentNotAPassport),
          new Rule("document not expired", GateRules::documentExpired),
          new Rule("chip passes passive authentication", GateRules::passiveAuthentication),
          new Rule("chip MRZ equals printed MRZ", GateRules::chipMatchesPrint),
          new Rule("face matches chip portrait", GateRules::faceMismatch),
          new Rule("face compared", GateRules::faceNotCompared),
          new Rule("declaration QR verifies", GateRules::declarationInvalid),
          new Rule("declaration belongs to this passport", GateRules::declarationForAnother),
          new Rule("declaration is for today's arrival", GateRules::declarationNotForToday),
          new Rule("no goods to declare", GateRules::goodsToDeclare),
          new Rule("no cash over ¥1,000,000", GateRules::cashDeclared),
          new Rule(
              "no controlled drugs, firearms, swords or explosives", GateRules::prohibitedItems),
          new Rule("no passenger-targeting hit", GateRules::targetingHit));

  private GateRules() {}

  public static GateDecision decide(GateInputs in) {
    List<Referral> referrals = new ArrayList<>();
    for (Rule r : ALL) {
      r.check().apply(in).ifPresent(referrals::add);
    }
    return referrals.isEmpty()
        ? new GateDecision.Pass()
        : new GateDecision.SecondaryInspection(referrals);
  }

  static Optional<Referral> documentInvalid(GateInputs in) {
    return switch (in.printedMrz()) {
      case Outcome.Rejected<MachineReadableZone> r ->
          refer(Reason.DOCUMENT_INVALID, "MRZ unreadable: " + first(r.problems()));
      case Outcome.Accepted<MachineReadableZone> a ->
          a.value().valid()
              ? Optional.empty()
              : refer(Reason.DOCUMENT_INVALID, first(a.value().problems()));
    };
  }

  /**
   * This is a passport gate: identity cards (TD1, TD2) and visas are not travel documents here, and
   * a visa is never the identity document. ICAO 9303 passport document codes begin with 'P'.
   */
  static Optional<Referral> documentNotAPassport(GateInputs in) {
    if (in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> a) {
      MachineReadableZone m = a.value();
      String code = m.field("document_code").replace("<", "");
      if (m.format() != MrzFormat.TD3 || !code.startsWith("P")) {
        return refer(
            Reason.DOCUMENT_NOT_A_PASSPORT,
            "document code "
                + (code.isEmpty() ? "(none)" : code)
                + " in "
                + m.format()
                + " layout");
      }
    }
    return Optional.empty();
  }

  static Optional<Referral> documentExpired(GateInputs in) {
    if (in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> a
        && a.value().expiredOn(in.today())) {
      return refer(Reason.DOCUMENT_EXPIRED, "expired " + a.value().field("expiry_date"));
    }
    return Optional.empty();
  }

  static Optional<Referral> passiveAuthentication(GateInputs in) {
    return in.chip() instanceof Outcome.Rejected<ChipReading> r
        ? refer(Reason.PASSIVE_AUTHENTICATION_FAILED, first(r.problems()))
        : Optional.empty();
  }

  static Optional<Referral> chipMatchesPrint(GateInputs in) {
    if (in.chip() instanceof Outcome.Accepted<ChipReading> c
        && in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> p
        && !c.value().mrz().lines().equals(p.value().lines())) {
      return refer(Reason.CHIP_MRZ_MISMATCH, "the chip's DG1 differs from the printed MRZ");
    }
    return Optional.empty();
  }

  static Optional<Referral> faceMismatch(GateInputs in) {
    if (in.face() == null || in.face().match()) {
      return Optional.empty();
    }
    return refer(
        Reason.FACE_MISMATCH,
        String.format(
            java.util.Locale.ROOT,
            "similarity %.3f below threshold %.3f (%s)",
            in.face().similarity(),
            in.face().threshold(),
            in.face().model()));
  }

  /** Nobody compared the face: a reason of its own, never "does not match". */
  static Optional<Referral> faceNotCompared(GateInputs in) {
    if (in.face() != null) {
      return Optional.empty();
    }
    if (!in.faceNotCompared().isEmpty()) {
      return refer(Reason.FACE_NOT_COMPARED, in.faceNotCompared());
    }
    return refer(
        Reason.FACE_NOT_COMPARED,
        in.chip().isAccepted()
            ? "no live face image"
            : "no authenticated chip portrait to compare with");
  }

  static Optional<Referral> declarationInvalid(GateInputs in) {
    return in.declaration() instanceof Outcome.Rejected<SealedDeclaration> r
        ? refer(Reason.DECLARATION_INVALID, first(r.problems()))
        : Optional.empty();
  }

  /**
   * The declaration must name the passport's holder: number, birth date, nationality and name.
   * Names are compared in the MRZ alphabet (the declaration's spelling transliterated as ICAO 9303
   * does), and a given name the MRZ had to truncate may continue in the declaration.
   */
  static Optional<Referral> declarationForAnother(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d
        && in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> p) {
      CustomsDeclaration decl = d.value().declaration();
      MachineReadableZone m = p.value();
      List<String> differ = new ArrayList<>();
      if (!decl.passportNumber().equalsIgnoreCase(m.documentNumber())) {
        differ.add("passport number");
      }
      if (!m.birthDate().map(b -> b.equals(decl.birthDate())).orElse(false)) {
        differ.add("birth date");
      }
      if (!decl.nationality().equalsIgnoreCase(m.nationality())) {
        differ.add("nationality");
      }
      boolean truncated = nameTruncated(m);
      if (!sameName(decl.surname(), m.field("primary_identifier"), truncated)) {
        differ.add("surname");
      }
      if (!sameName(decl.givenNames(), m.field("secondary_identifier"), truncated)) {
        differ.add("given names");
      }
      if (!differ.isEmpty()) {
        return refer(
            Reason.DECLARATION_NOT_FOR_THIS_PASSPORT,
            "differs in "
                + String.join(", ", differ)
                + ": declaration names "
                + (decl.surname() + " " + decl.givenNames()).strip()
                + " ("
                + decl.nationality()
                + "), passport "
                + decl.passportNumber()
                + " born "
                + decl.birthDate());
      }
    }
    return Optional.empty();
  }

  private static boolean sameName(String declared, String printed, boolean truncated) {
    String a = mrzName(declared);
    String b = mrzName(printed);
    return a.equals(b) || (truncated && !b.isEmpty() && a.startsWith(b));
  }

  private static String mrzName(String name) {
    return NameTransliteration.toMrz(name, NameTransliteration.Variant.ICAO)
        .replace('<', ' ')
        .strip()
        .replaceAll(" +", " ");
  }

  /** The name field runs to the end of its line, so the issuer may have truncated it. */
  private static boolean nameTruncated(MachineReadableZone m) {
    List<String> lines = m.lines();
    String nameLine = m.format() == MrzFormat.TD1 ? lines.get(lines.size() - 1) : lines.get(0);
    return !nameLine.endsWith("<");
  }

  /**
   * The declaration is made for one arrival; an older one shown again (a replay on a later trip) or
   * one made for a later day is referred. The day before is allowed: a flight delayed past midnight
   * lands the day after the date the traveller wrote.
   */
  static Optional<Referral> declarationNotForToday(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d) {
      LocalDate arrival = d.value().declaration().arrival();
      if (arrival.isAfter(in.today()) || arrival.isBefore(in.today().minusDays(1))) {
        return refer(
            Reason.DECLARATION_NOT_FOR_TODAY,
            "declaration is for arrival on " + arrival + ", today is " + in.today());
      }
    }
    return Optional.empty();
  }

  static Optional<Referral> goodsToDeclare(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d) {
      CustomsDeclaration.Answers a = d.value().declaration().answers();
      if (a.goodsToDeclare()) {
        List<String> what = new ArrayList<>();
        if (a.prohibitedOrRestricted()) {
          what.add("prohibited or restricted goods");
        }
        if (a.overDutyFreeAllowance()) {
          what.add("goods over the duty-free allowance");
        }
        if (a.commercialGoods()) {
          what.add("commercial goods");
        }
        if (a.goodsForOthers()) {
          what.add("goods carried for others");
        }
        if (a.unaccompaniedBaggage()) {
          what.add(d.value().declaration().unaccompaniedPieces() + " unaccompanied pieces");
        }
        return refer(Reason.GOODS_TO_DECLARE, String.join(", ", what));
      }
    }
    return Optional.empty();
  }

  static Optional<Referral> cashDeclared(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d
        && d.value().declaration().answers().cashOverOneMillionYen()) {
      return refer(Reason.CASH_DECLARED, "cash or instruments over ¥1,000,000 declared");
    }
    return Optional.empty();
  }

  static Optional<Referral> prohibitedItems(GateInputs in) {
    return in.carryingProhibitedItems()
        ? refer(
            Reason.PROHIBITED_ITEMS_ANSWERED,
            "answered yes at the kiosk: carrying controlled drugs, firearms, swords or explosives")
        : Optional.empty();
  }

  static Optional<Referral> targetingHit(GateInputs in) {
    return in.targetingHits().isEmpty()
        ? Optional.empty()
        : refer(Reason.TARGETING_HIT, String.join("; ", in.targetingHits()));
  }

  private static Optional<Referral> refer(Reason r, String detail) {
    return Optional.of(new Referral(r, detail));
  }

  private static String first(List<Problem> problems) {
    return problems.isEmpty() ? "" : problems.get(0).toString();
  }
}
