package org.sekisho.passenger.egate.domain.declaration;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;

/**
 * The Sekisho declaration QR payload, version 1 (published in {@code
 * docs/formats/declaration-qr.md}): {@code SKD1:} followed by the Base45 of a compact binary body
 * and its signature (Ed25519, or ECDSA P-256 in DER).
 *
 * <p>Contract: {@link #open} never throws; it refuses text that is not a declaration, is cut short,
 * names an unknown key, or whose signature does not verify (altered or forged), naming the reason.
 * Stateless and thread-safe; keys are passed in by the caller (from configuration, never from the
 * repository).
 */
public final class DeclarationQrFormat {
  /** Text prefix: format name and version. */
  public static final String PREFIX = "SKD1:";

  static final int VERSION = 1;

  /**
   * The body's version when the declaration names family members' passports: version 1's fields,
   * then their count and each one's nationality and number. A declaration naming none is written as
   * version 1, byte for byte as before.
   */
  static final int VERSION_WITH_MEMBERS = 2;

  /** The most members' passports one declaration names (the form's family counts, at most 20). */
  public static final int MAX_MEMBERS = 20;

  /**
   * The body's version when the declaration lists goods: version 2's layout with a member count
   * that may be 0, then the goods' count and each one's name, quantity (2 bytes) and value in yen
   * (4 bytes). A declaration listing none is written as version 1 or 2, byte for byte as before.
   */
  static final int VERSION_WITH_GOODS = 3;

  /**
   * The most goods rows one declaration lists: with every other field at its longest (20 members'
   * passports, CJK text) and each row's name at {@link DeclarationForm#MAX_GOOD_BYTES}, the QR
   * still fits a version 40 code at error correction M (3391 alphanumeric characters).
   */
  public static final int MAX_GOODS = 10;

  private static final byte[] DOMAIN = "SEKISHO-DECLARATION-QR".getBytes(StandardCharsets.US_ASCII);
  private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

  private DeclarationQrFormat() {}

  /**
   * Encodes and signs {@code d}.
   *
   * @throws IllegalArgumentException when a field does not fit (strings over 255 bytes, dates
   *     outside 1900-2079, counts over 255) or the key cannot sign
   */
  public static String seal(CustomsDeclaration d, String keyId, PrivateKey key, Instant signedAt) {
    byte[] body = body(d, keyId, signedAt);
    byte[] sig = sign(body, key);
    byte[] all = Arrays.copyOf(body, body.length + sig.length);
    System.arraycopy(sig, 0, all, body.length, sig.length);
    return PREFIX + Base45.encode(all);
  }

  /** Reads and verifies a QR text against the configured keys (key id to public key). */
  public static Outcome<SealedDeclaration> open(String text, Map<String, PublicKey> keys) {
    return open(text, keys, null);
  }

  /**
   * Reads and verifies a QR text against the configured keys, verifying signatures with {@code
   * provider} (null: the JDK's provider order). The keys must be usable by that provider.
   */
  public static Outcome<SealedDeclaration> open(
      String text, Map<String, PublicKey> keys, Provider provider) {
    if (text == null || !text.startsWith(PREFIX)) {
      String head = text == null ? "" : text.substring(0, Math.min(8, text.length()));
      return Outcome.rejected(
          "qr-not-a-declaration",
          "prefix",
          "expected text starting with '" + PREFIX + "', got '" + head + "'");
    }
    Optional<byte[]> bytes = Base45.decode(text.substring(PREFIX.length()));
    if (bytes.isEmpty()) {
      return Outcome.rejected(
          "qr-encoding", "payload", "the payload after '" + PREFIX + "' is not valid Base45");
    }
    Reader r = new Reader(bytes.get());
    try {
      int version = r.u8("version");
      if (version != VERSION && version != VERSION_WITH_MEMBERS && version != VERSION_WITH_GOODS) {
        return Outcome.rejected(
            "qr-version",
            "version",
            "version " + version + " is not supported (expected 1, 2 or 3)");
      }
      String keyId = r.str("key_id");
      Instant signedAt = Instant.ofEpochSecond(r.u32("signed_at"));
      CustomsDeclaration d =
          new CustomsDeclaration(
              r.str("flight"),
              r.str("departed_from"),
              r.date("arrival"),
              r.str("surname"),
              r.str("given_names"),
              r.str("nationality"),
              r.date("birth_date"),
              r.str("passport_number"),
              r.str("occupation"),
              r.str("address_in_japan"),
              r.str("phone"),
              new CustomsDeclaration.FamilyMembers(
                  r.u8("family_20_and_over"), r.u8("family_6_to_19"), r.u8("family_under_6")),
              answers(r.u8("answers")),
              r.u8("unaccompanied_pieces"),
              version == VERSION ? java.util.List.of() : members(r, version == VERSION_WITH_GOODS),
              version == VERSION_WITH_GOODS ? goods(r) : java.util.List.of());
      int bodyEnd = r.pos;
      byte[] sig = Arrays.copyOfRange(bytes.get(), bodyEnd, bytes.get().length);
      if (sig.length == 0) {
        return Outcome.rejected("qr-truncated", "signature", "the signature is missing");
      }
      PublicKey key = keys.get(keyId);
      if (key == null) {
        return Outcome.rejected(
            "qr-unknown-key",
            "key_id",
            "signed with key '" + keyId + "', which is not among the configured declaration keys");
      }
      if (!verify(Arrays.copyOf(bytes.get(), bodyEnd), sig, key, provider)) {
        return Outcome.rejected(
            "qr-signature-invalid",
            "signature",
            "the signature does not match the content: the QR was altered or forged");
      }
      return Outcome.accepted(
          new SealedDeclaration(d, keyId, signedAt, id(key, Arrays.copyOf(bytes.get(), bodyEnd))));
    } catch (Truncated t) {
      return Outcome.rejected(
          "qr-truncated",
          t.field,
          "the payload ends at byte "
              + t.at
              + " inside field "
              + t.field
              + ": cut short or damaged");
    } catch (IllegalArgumentException e) {
      return Outcome.rejected("qr-invalid-field", "payload", e.getMessage());
    }
  }

  static byte[] body(CustomsDeclaration d, String keyId, Instant signedAt) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(160);
    o.write(
        !d.goods().isEmpty()
            ? VERSION_WITH_GOODS
            : d.memberPassports().isEmpty() ? VERSION : VERSION_WITH_MEMBERS);
    str(o, "key_id", keyId);
    long t = signedAt.getEpochSecond();
    if (t < 0 || t > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("signed_at out of range: " + signedAt);
    }
    for (int s = 24; s >= 0; s -= 8) {
      o.write((int) (t >> s) & 0xFF);
    }
    str(o, "flight", d.flight());
    str(o, "departed_from", d.departedFrom());
    date(o, "arrival", d.arrival());
    str(o, "surname", d.surname());
    str(o, "given_names", d.givenNames());
    str(o, "nationality", d.nationality());
    date(o, "birth_date", d.birthDate());
    str(o, "passport_number", d.passportNumber());
    str(o, "occupation", d.occupation());
    str(o, "address_in_japan", d.addressInJapan());
    str(o, "phone", d.phone());
    u8(o, "family_20_and_over", d.family().aged20AndOver());
    u8(o, "family_6_to_19", d.family().aged6To19());
    u8(o, "family_under_6", d.family().under6());
    CustomsDeclaration.Answers a = d.answers();
    int flags =
        (a.prohibitedOrRestricted() ? 1 : 0)
            | (a.overDutyFreeAllowance() ? 2 : 0)
            | (a.commercialGoods() ? 4 : 0)
            | (a.goodsForOthers() ? 8 : 0)
            | (a.cashOverOneMillionYen() ? 16 : 0)
            | (a.unaccompaniedBaggage() ? 32 : 0);
    o.write(flags);
    u8(o, "unaccompanied_pieces", d.unaccompaniedPieces());
    if (!d.memberPassports().isEmpty() || !d.goods().isEmpty()) {
      if (d.memberPassports().size() > MAX_MEMBERS) {
        throw new IllegalArgumentException(
            "member_passports: at most " + MAX_MEMBERS + ", got " + d.memberPassports().size());
      }
      o.write(d.memberPassports().size());
      for (CustomsDeclaration.MemberPassport m : d.memberPassports()) {
        str(o, "member_nationality", m.nationality());
        str(o, "member_passport_number", m.number());
      }
    }
    if (!d.goods().isEmpty()) {
      if (d.goods().size() > MAX_GOODS) {
        throw new IllegalArgumentException(
            "goods: at most " + MAX_GOODS + ", got " + d.goods().size());
      }
      o.write(d.goods().size());
      for (CustomsDeclaration.Good g : d.goods()) {
        str(o, "good_name", g.name());
        if (g.quantity() > 0xFFFF) {
          throw new IllegalArgumentException("good_quantity must be 1-65535, got " + g.quantity());
        }
        o.write(g.quantity() >> 8);
        o.write(g.quantity() & 0xFF);
        if (g.valueYen() > 0xFFFFFFFFL) {
          throw new IllegalArgumentException(
              "good_value must be 0-4294967295, got " + g.valueYen());
        }
        for (int s = 24; s >= 0; s -= 8) {
          o.write((int) (g.valueYen() >> s) & 0xFF);
        }
      }
    }
    return o.toByteArray();
  }

  private static java.util.List<CustomsDeclaration.Good> goods(Reader r) {
    int n = r.u8("good_count");
    if (n == 0 || n > MAX_GOODS) {
      throw new IllegalArgumentException(
          "good_count must be 1-" + MAX_GOODS + " in version 3, got " + n);
    }
    java.util.List<CustomsDeclaration.Good> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = r.str("good_name");
      int quantity = (r.u8("good_quantity") << 8) | r.u8("good_quantity");
      long value = r.u32("good_value");
      // the record refuses a quantity of 0 with IllegalArgumentException: qr-invalid-field
      out.add(new CustomsDeclaration.Good(name, quantity, value));
    }
    return out;
  }

  private static java.util.List<CustomsDeclaration.MemberPassport> members(
      Reader r, boolean mayBeNone) {
    int n = r.u8("member_count");
    if ((n == 0 && !mayBeNone) || n > MAX_MEMBERS) {
      throw new IllegalArgumentException(
          "member_count must be 1-" + MAX_MEMBERS + " in version 2, got " + n);
    }
    java.util.List<CustomsDeclaration.MemberPassport> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new CustomsDeclaration.MemberPassport(
              r.str("member_nationality"), r.str("member_passport_number")));
    }
    return out;
  }

  private static CustomsDeclaration.Answers answers(int f) {
    if ((f & 0xC0) != 0) {
      throw new IllegalArgumentException("answers byte has reserved bits set: " + f);
    }
    return new CustomsDeclaration.Answers(
        (f & 1) != 0, (f & 2) != 0, (f & 4) != 0, (f & 8) != 0, (f & 16) != 0, (f & 32) != 0);
  }

  private static void str(ByteArrayOutputStream o, String field, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 255) {
      throw new IllegalArgumentException(field + " is longer than 255 bytes in UTF-8");
    }
    o.write(b.length);
    o.writeBytes(b);
  }

  private static void u8(ByteArrayOutputStream o, String field, int v) {
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException(field + " must be 0-255, got " + v);
    }
    o.write(v);
  }

  private static void date(ByteArrayOutputStream o, String field, LocalDate d) {
    long days = d.toEpochDay() - EPOCH.toEpochDay();
    if (days < 0 || days > 0xFFFF) {
      throw new IllegalArgumentException(field + " must fall in 1900-2079, got " + d);
    }
    o.write((int) (days >> 8));
    o.write((int) days & 0xFF);
  }

  private static String algorithm(java.security.Key key) {
    return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519";
  }

  private static byte[] sign(byte[] body, PrivateKey key) {
    try {
      Signature s = Signature.getInstance(algorithm(key));
      s.initSign(key);
      s.update(DOMAIN);
      s.update(body);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key", e);
    }
  }

  /**
   * The declaration's identity: SHA-256 over the verifying key and the signed body, in hex. Not
   * over the signature, which an ECDSA holder could rewrite into a second valid one (s to n - s)
   * for the same body, and so a second "declaration".
   */
  static String id(PublicKey key, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key.getEncoded());
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static boolean verify(byte[] body, byte[] sig, PublicKey key, Provider provider) {
    try {
      Signature s =
          provider == null
              ? Signature.getInstance(algorithm(key))
              : Signature.getInstance(algorithm(key), provider);
      s.initVerify(key);
      s.update(DOMAIN);
      s.update(body);
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      // A malformed signature (wrong length, bad DER) is a failed verification.
      return false;
    }
  }

  /** A read past the end of the payload. */
  private static final class Truncated extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final int at;

    Truncated(String field, int at) {
      super(null, null, false, false);
      this.field = field;
      this.at = at;
    }
  }

  /** Sequential reader over the payload bytes. */
  private static final class Reader {
    final byte[] b;
    int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    int u8(String field) {
      if (pos >= b.length) {
        throw new Truncated(field, pos);
      }
      return b[pos++] & 0xFF;
    }

    long u32(String field) {
      long v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | u8(field);
      }
      return v;
    }

    String str(String field) {
      int n = u8(field);
      if (pos + n > b.length) {
        throw new Truncated(field, b.length);
      }
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    LocalDate date(String field) {
      int days = (u8(field) << 8) | u8(field);
      return EPOCH.plusDays(days);
    }
  }
}
