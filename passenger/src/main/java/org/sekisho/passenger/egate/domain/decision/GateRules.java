package org.sekisho.passenger.egate.domain.decision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
          new Rule("declaration not used before", GateRules::declarationUsedBefore),
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
          referProblem(
              Reason.DOCUMENT_INVALID,
              "MRZ unreadable: " + first(r.problems()),
              "detail.mrzUnreadable",
              r.problems());
      case Outcome.Accepted<MachineReadableZone> a ->
          a.value().valid()
              ? Optional.empty()
              : referProblem(
                  Reason.DOCUMENT_INVALID,
                  first(a.value().problems()),
                  "detail.problem",
                  a.value().problems());
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
            "document code " + (code.isEmpty() ? "(none)" : code) + " in " + m.format() + " layout",
            "detail.notAPassport",
            code.isEmpty() ? "-" : code,
            m.format().name());
      }
    }
    return Optional.empty();
  }

  static Optional<Referral> documentExpired(GateInputs in) {
    if (in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> a
        && a.value().expiredOn(in.today())) {
      String on =
          a.value().expiryDate().map(Object::toString).orElse(a.value().field("expiry_date"));
      return refer(
          Reason.DOCUMENT_EXPIRED,
          "expired " + a.value().field("expiry_date"),
          "detail.expired",
          Referral.value(on));
    }
    return Optional.empty();
  }

  static Optional<Referral> passiveAuthentication(GateInputs in) {
    return in.chip() instanceof Outcome.Rejected<ChipReading> r
        ? referProblem(
            Reason.PASSIVE_AUTHENTICATION_FAILED,
            first(r.problems()),
            "detail.problem",
            r.problems())
        : Optional.empty();
  }

  static Optional<Referral> chipMatchesPrint(GateInputs in) {
    if (in.chip() instanceof Outcome.Accepted<ChipReading> c
        && in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> p
        && !c.value().mrz().lines().equals(p.value().lines())) {
      return refer(
          Reason.CHIP_MRZ_MISMATCH,
          "the chip's DG1 differs from the printed MRZ",
          "detail.chipMrzMismatch");
    }
    return Optional.empty();
  }

  static Optional<Referral> faceMismatch(GateInputs in) {
    if (in.face() == null || in.face().match()) {
      return Optional.empty();
    }
    String similarity = String.format(java.util.Locale.ROOT, "%.3f", in.face().similarity());
    String threshold = String.format(java.util.Locale.ROOT, "%.3f", in.face().threshold());
    return refer(
        Reason.FACE_MISMATCH,
        "similarity "
            + similarity
            + " below threshold "
            + threshold
            + " ("
            + in.face().model()
            + ")",
        "detail.faceMismatch",
        similarity,
        threshold,
        Referral.value(in.face().model()));
  }

  /** Nobody compared the face: a reason of its own, never "does not match". */
  static Optional<Referral> faceNotCompared(GateInputs in) {
    if (in.face() != null) {
      return Optional.empty();
    }
    String why =
        !in.faceNotCompared().isEmpty()
            ? in.faceNotCompared()
            : in.chip().isAccepted()
                ? "no live face image"
                : "no authenticated chip portrait to compare with";
    String key =
        switch (why) {
          case "no live face image" -> "detail.face.noLiveImage";
          case "no authenticated chip portrait to compare with" -> "detail.face.noPortrait";
          case "no face model configured" -> "detail.face.noModel";
          default -> "";
        };
    return key.isEmpty()
        ? refer(Reason.FACE_NOT_COMPARED, why)
        : refer(Reason.FACE_NOT_COMPARED, why, key);
  }

  static Optional<Referral> declarationInvalid(GateInputs in) {
    return in.declaration() instanceof Outcome.Rejected<SealedDeclaration> r
        ? referProblem(
            Reason.DECLARATION_INVALID, first(r.problems()), "detail.problem", r.problems())
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
      if (familyMember(in).isPresent()) {
        // an accompanying family member's own passport, listed by the head of family
        return Optional.empty();
      }
      List<String> differ = new ArrayList<>();
      List<String> differKeys = new ArrayList<>();
      if (!decl.passportNumber().equalsIgnoreCase(m.documentNumber())) {
        differ.add("passport number");
        differKeys.add("detail.field.passportNumber");
      }
      if (!m.birthDate().map(b -> b.equals(decl.birthDate())).orElse(false)) {
        differ.add("birth date");
        differKeys.add("detail.field.birthDate");
      }
      if (!decl.nationality().equalsIgnoreCase(m.nationality())) {
        differ.add("nationality");
        differKeys.add("detail.field.nationality");
      }
      boolean truncated = nameTruncated(m);
      if (!sameName(decl.surname(), m.field("primary_identifier"), truncated)) {
        differ.add("surname");
        differKeys.add("detail.field.surname");
      }
      if (!sameName(decl.givenNames(), m.field("secondary_identifier"), truncated)) {
        differ.add("given names");
        differKeys.add("detail.field.givenNames");
      }
      if (!differ.isEmpty()) {
        String declName = (decl.surname() + " " + decl.givenNames()).strip();
        String passName =
            (m.field("primary_identifier") + " " + m.field("secondary_identifier"))
                .replace('<', ' ')
                .strip()
                .replaceAll(" +", " ");
        String passBorn = m.birthDate().map(Object::toString).orElse("-");
        // both sides, labelled: what the declaration says and what the passport presented says
        return refer(
            Reason.DECLARATION_NOT_FOR_THIS_PASSPORT,
            "differs in "
                + String.join(", ", differ)
                + ": declaration names "
                + declName
                + " ("
                + decl.nationality()
                + "), passport "
                + decl.passportNumber()
                + " born "
                + decl.birthDate()
                + "; the passport presented names "
                + passName
                + " ("
                + m.nationality()
                + "), passport "
                + m.documentNumber()
                + " born "
                + passBorn,
            "detail.notThisPassport",
            "@" + String.join("|", differKeys),
            Referral.value(declName),
            Referral.value(decl.nationality()),
            Referral.value(decl.passportNumber()),
            decl.birthDate().toString(),
            Referral.value(passName),
            Referral.value(m.nationality()),
            Referral.value(m.documentNumber()),
            passBorn);
      }
    }
    return Optional.empty();
  }

  /**
   * The family member the declaration shown names by the passport presented: the passport is not
   * the declarant's own but one the head of family listed (nationality and number), so the
   * traveller is covered by the head's declaration. Empty when the declaration was not verified,
   * the passport not read, or the passport is the declarant's or not listed.
   */
  public static Optional<CustomsDeclaration.MemberPassport> familyMember(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d
        && in.printedMrz() instanceof Outcome.Accepted<MachineReadableZone> p) {
      CustomsDeclaration decl = d.value().declaration();
      MachineReadableZone m = p.value();
      boolean own =
          decl.passportNumber().equalsIgnoreCase(m.documentNumber())
              && decl.nationality().equalsIgnoreCase(m.nationality());
      return own ? Optional.empty() : decl.member(m.nationality(), m.documentNumber());
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
            "declaration is for arrival on " + arrival + ", today is " + in.today(),
            "detail.notForToday",
            arrival.toString(),
            in.today().toString());
      }
    }
    return Optional.empty();
  }

  /**
   * A declaration is good for one crossing by each passport it covers: shown again (a copy, a
   * screenshot, the same QR at another gate) it is referred, naming the gate and the time of its
   * first use and that capture, so that the officer can read both.
   */
  static Optional<Referral> declarationUsedBefore(GateInputs in) {
    return switch (in.declarationUse()) {
      case DeclarationUse.First f -> Optional.empty();
      case DeclarationUse.Earlier e -> {
        String at = e.at().format(USED_AT);
        yield refer(
            Reason.DECLARATION_ALREADY_USED,
            "this declaration was already used at gate "
                + e.kiosk()
                + " at "
                + at
                + " (capture id "
                + e.captureId()
                + ")",
            "detail.alreadyUsed",
            Referral.value(e.kiosk()),
            at,
            Referral.value(e.captureId()));
      }
      case DeclarationUse.Unknown u ->
          refer(
              Reason.DECLARATION_USE_NOT_CHECKED,
              "whether this declaration was used before could not be checked: " + u.why(),
              "detail.useNotChecked",
              Referral.value(u.why()));
    };
  }

  /**
   * A first use's time as an officer reads it: the administration's date, time and zone, the zone
   * by its English short name (JST; the root locale has none and writes GMT+09:00).
   */
  private static final DateTimeFormatter USED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

  static Optional<Referral> goodsToDeclare(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d) {
      CustomsDeclaration.Answers a = d.value().declaration().answers();
      if (a.goodsToDeclare()) {
        List<String> what = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (a.prohibitedOrRestricted()) {
          what.add("prohibited or restricted goods");
          keys.add("detail.goods.prohibited");
        }
        if (a.overDutyFreeAllowance()) {
          what.add("goods over the duty-free allowance");
          keys.add("detail.goods.overAllowance");
        }
        if (a.commercialGoods()) {
          what.add("commercial goods");
          keys.add("detail.goods.commercial");
        }
        if (a.goodsForOthers()) {
          what.add("goods carried for others");
          keys.add("detail.goods.forOthers");
        }
        if (a.unaccompaniedBaggage()) {
          int pieces = d.value().declaration().unaccompaniedPieces();
          what.add(pieces + " unaccompanied pieces");
          keys.add("detail.goods.unaccompanied:" + pieces);
        }
        return refer(
            Reason.GOODS_TO_DECLARE,
            String.join(", ", what),
            "detail.goods",
            "@" + String.join("|", keys));
      }
    }
    return Optional.empty();
  }

  static Optional<Referral> cashDeclared(GateInputs in) {
    if (in.declaration() instanceof Outcome.Accepted<SealedDeclaration> d
        && d.value().declaration().answers().cashOverOneMillionYen()) {
      return refer(
          Reason.CASH_DECLARED, "cash or instruments over ¥1,000,000 declared", "detail.cash");
    }
    return Optional.empty();
  }

  static Optional<Referral> prohibitedItems(GateInputs in) {
    return in.carryingProhibitedItems()
        ? refer(
            Reason.PROHIBITED_ITEMS_ANSWERED,
            "answered yes at the kiosk: carrying controlled drugs, firearms, swords or explosives",
            "detail.prohibitedItems")
        : Optional.empty();
  }

  /** The severities a screening hit opens with ({@code severity source: title}). */
  private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

  /**
   * Each hit as screening words it ({@code severity source: title}): its severity worded in the
   * reader's language ({@code detail.hit.<severity>}), source and title as they are; a hit of
   * another form is shown as it is ({@code detail.hit}).
   */
  static Optional<Referral> targetingHit(GateInputs in) {
    if (in.targetingHits().isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    for (String hit : in.targetingHits()) {
      int space = hit.indexOf(' ');
      String severity = space < 0 ? "" : hit.substring(0, space);
      keys.add(
          SEVERITIES.contains(severity)
              ? "detail.hit." + severity + ":" + escape(hit.substring(space + 1))
              : "detail.hit:" + escape(hit));
    }
    return refer(
        Reason.TARGETING_HIT,
        String.join("; ", in.targetingHits()),
        "detail.hits",
        "@" + String.join("|", keys));
  }

  /** Free text inside a list of keys: {@code |} and the backslash escaped with a backslash. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|");
  }

  private static Optional<Referral> refer(Reason r, String detail) {
    return Optional.of(new Referral(r, detail));
  }

  /** A referral whose detail {@code key} words in the reader's language with {@code args}. */
  private static Optional<Referral> refer(Reason r, String detail, String key, String... args) {
    return Optional.of(new Referral(r, detail, key, List.of(args)));
  }

  /**
   * A referral for a problem: worded by its code ({@code problem.<code>} keys), naming its field;
   * {@code key} takes the field and the code's wording.
   */
  private static Optional<Referral> referProblem(
      Reason r, String detail, String key, List<Problem> problems) {
    if (problems.isEmpty()) {
      return refer(r, detail);
    }
    Problem p = problems.get(0);
    return refer(
        r,
        detail,
        key,
        Referral.value(p.field().isEmpty() ? "-" : p.field()),
        "@problem." + p.code(),
        Referral.value(p.code()));
  }

  private static String first(List<Problem> problems) {
    return problems.isEmpty() ? "" : problems.get(0).toString();
  }
}
