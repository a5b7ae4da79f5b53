package org.sekisho.passenger.egate.domain.decision;

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
          new Rule("document not expired", GateRules::documentExpired),
          new Rule("chip passes passive authentication", GateRules::passiveAuthentication),
          new Rule("chip MRZ equals printed MRZ", GateRules::chipMatchesPrint),
          new Rule("face matches chip portrait", GateRules::faceMismatch),
          new Rule("declaration QR verifies", GateRules::declarationInvalid),
          new Rule("declaration belongs to this passport", GateRules::declarationForAnother),
          new Rule("no goods to declare", GateRules::goodsToDeclare),
          new Rule("no cash over ¥1,000,000", GateRules::cashDeclared),
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
    if (in.face() == null) {
      return refer(Reason.FACE_MISMATCH, "no face comparison");
    }
    return in.face().match()
        ? Optional.empty()
        : refer(
            Reason.FACE_MISMATCH,
            String.format(
                java.util.Locale.ROOT,
                "similarity %.3f below threshold %.3f (%s)",
                in.face().similarity(),
                in.face().threshold(),
                in.face().model()));
  }

  static Optional<Referral> declarationInvalid(GateInputs in) {
    return in.declaration() instanceof Outcome.Rejected<SealedDeclaration> r
        ? refer(Reason.DECLARATION_INVALID, first(r.problems()))
        : Optional.empty();
  }

  static Optional<Referral> declarationForAnother(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d
        && in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> p) {
      CustomsDeclaration decl = d.value().declaration();
      MachineReadableZone m = p.value();
      boolean sameNumber = decl.passportNumber().equalsIgnoreCase(m.documentNumber());
      boolean sameBirth = m.birthDate().map(b -> b.equals(decl.birthDate())).orElse(false);
      if (!sameNumber || !sameBirth) {
        return refer(
            Reason.DECLARATION_NOT_FOR_THIS_PASSPORT,
            "declaration names passport " + decl.passportNumber() + " born " + decl.birthDate());
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
