package org.sekisho.passenger.egate.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeclarationQrFormatTest {
  static final KeyPair KEYS = ed25519();
  static final Instant SIGNED = Instant.parse("2026-01-14T22:00:00Z");
  private final Map<String, PublicKey> trusted = Map.of("JC-2026-1", KEYS.getPublic());

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String sealed(CustomsDeclaration d) {
    return DeclarationQrFormat.seal(d, "JC-2026-1", KEYS.getPrivate(), SIGNED);
  }

  @Test
  void aSealedDeclarationOpensToTheSameContent() {
    CustomsDeclaration d = Declarations.withCash();
    Outcome<SealedDeclaration> o = DeclarationQrFormat.open(sealed(d), trusted);
    assertThat(o.problems()).isEmpty();
    assertThat(o.orElseThrow().declaration()).isEqualTo(d);
    assertThat(o.orElseThrow().signedAt()).isEqualTo(SIGNED);
    assertThat(o.orElseThrow().keyId()).isEqualTo("JC-2026-1");
  }

  @Test
  void familyMembersPassportsAreSignedInVersion2AndADeclarationWithoutThemStaysVersion1() {
    CustomsDeclaration plain = Declarations.withCash();
    CustomsDeclaration family =
        new CustomsDeclaration(
            plain.flight(),
            plain.departedFrom(),
            plain.arrival(),
            plain.surname(),
            plain.givenNames(),
            plain.nationality(),
            plain.birthDate(),
            plain.passportNumber(),
            plain.occupation(),
            plain.addressInJapan(),
            plain.phone(),
            new CustomsDeclaration.FamilyMembers(1, 1, 0),
            plain.answers(),
            plain.unaccompaniedPieces(),
            java.util.List.of(
                new CustomsDeclaration.MemberPassport("UTO", "TK7654321"),
                new CustomsDeclaration.MemberPassport("JPN", "TR1234567")));
    SealedDeclaration opened = DeclarationQrFormat.open(sealed(family), trusted).orElseThrow();
    assertThat(opened.declaration()).isEqualTo(family);
    assertThat(opened.declaration().member("uto", "tk7654321")).isPresent();
    assertThat(opened.declaration().member("UTO", plain.passportNumber())).isEmpty();
    assertThat(DeclarationQrFormat.body(family, "JC-2026-1", SIGNED)[0]).isEqualTo((byte) 2);
    assertThat(DeclarationQrFormat.body(plain, "JC-2026-1", SIGNED)[0]).isEqualTo((byte) 1);
  }

  @Test
  void theTextIsCompactAndUsesOnlyQrAlphanumericCharacters() {
    String text = sealed(Declarations.nothingToDeclare());
    assertThat(text).startsWith("SKD1:").matches("[0-9A-Z $%*+\\-./:]+");
    // 1 QR code at error correction M holds 3,391 alphanumeric characters; we need far fewer.
    assertThat(text.length()).isLessThan(450);
  }

  @Test
  void anAlteredAnswerIsRefusedAsAlteredOrForged() {
    CustomsDeclaration d = Declarations.withCash();
    String honest = sealed(d);
    byte[] bytes = Base45.decode(honest.substring(5)).orElseThrow();
    byte[] body = DeclarationQrFormat.body(d, "JC-2026-1", SIGNED);
    // Clear the cash answer in the answers byte (second to last byte of the body).
    bytes[body.length - 2] = (byte) 0;
    String altered = "SKD1:" + Base45.encode(bytes);
    Outcome<SealedDeclaration> o = DeclarationQrFormat.open(altered, trusted);
    assertThat(o.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("qr-signature-invalid");
              assertThat(p.message()).contains("altered or forged");
            });
  }

  @Test
  void aDeclarationSignedWithAnotherKeyUnderTheSameIdIsRefused() {
    String forged =
        DeclarationQrFormat.seal(
            Declarations.nothingToDeclare(), "JC-2026-1", ed25519().getPrivate(), SIGNED);
    assertThat(DeclarationQrFormat.open(forged, trusted).problems().get(0).code())
        .isEqualTo("qr-signature-invalid");
  }

  @Test
  void anUnknownKeyIdIsRefusedNamingTheKey() {
    String other =
        DeclarationQrFormat.seal(
            Declarations.nothingToDeclare(), "ROGUE", ed25519().getPrivate(), SIGNED);
    Outcome<SealedDeclaration> o = DeclarationQrFormat.open(other, trusted);
    assertThat(o.problems().get(0).code()).isEqualTo("qr-unknown-key");
    assertThat(o.problems().get(0).message()).contains("ROGUE");
  }

  @Test
  void aTruncatedPayloadNamesTheFieldItStopsIn() {
    String text = sealed(Declarations.nothingToDeclare());
    byte[] bytes = Base45.decode(text.substring(5)).orElseThrow();
    byte[] cut = java.util.Arrays.copyOf(bytes, 20);
    Outcome<SealedDeclaration> o = DeclarationQrFormat.open("SKD1:" + Base45.encode(cut), trusted);
    assertThat(o.problems().get(0).code()).isEqualTo("qr-truncated");
    assertThat(o.problems().get(0).message()).contains("inside field");
  }

  @Test
  void ecdsaKeysWorkToo() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair ec = g.generateKeyPair();
    String text =
        DeclarationQrFormat.seal(Declarations.nothingToDeclare(), "EC1", ec.getPrivate(), SIGNED);
    assertThat(DeclarationQrFormat.open(text, Map.of("EC1", ec.getPublic())).isAccepted()).isTrue();
  }

  @Test
  void otherQrTextIsNotTakenForADeclaration() {
    assertThat(DeclarationQrFormat.open("https://example.org", trusted).problems().get(0).code())
        .isEqualTo("qr-not-a-declaration");
    assertThat(DeclarationQrFormat.open("SKD1:abc", trusted).problems().get(0).code())
        .isEqualTo("qr-encoding");
  }

  @Test
  void base45MatchesTheRfcExamples() {
    assertThat(Base45.encode("AB".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("BB8");
    assertThat(Base45.encode("Hello!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("%69 VD92EX0");
    assertThat(
            new String(
                Base45.decode("QED8WEX0").orElseThrow(),
                java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("ietf!");
  }
}
