package org.sekisho.passenger.egate.adapter.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.DeclarationForm;
import org.sekisho.passenger.egate.domain.declaration.DeclarationQrFormat;

/**
 * The largest declaration the form lets through (every text at its longest in CJK, 20 members'
 * passports, {@value DeclarationQrFormat#MAX_GOODS} goods rows of CJK names) still fits one QR code
 * at error correction M, which reads back to the same declaration.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LargestDeclarationQrTest {

  @Test
  void theLargestDeclarationTheFormAllowsFitsOneQrCodeAndReadsBack() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    // ECDSA: the longer of the two signatures the keys may make
    KeyPair keys = g.generateKeyPair();
    List<CustomsDeclaration.MemberPassport> members = new ArrayList<>();
    for (int i = 0; i < DeclarationQrFormat.MAX_MEMBERS; i++) {
      members.add(new CustomsDeclaration.MemberPassport("UTO", "X" + (10_000_000 + i)));
    }
    List<CustomsDeclaration.Good> goods = new ArrayList<>();
    for (int i = 0; i < DeclarationQrFormat.MAX_GOODS; i++) {
      goods.add(
          new CustomsDeclaration.Good(
              "品".repeat(DeclarationForm.MAX_GOOD_CHARS),
              DeclarationForm.MAX_GOOD_QUANTITY,
              DeclarationForm.MAX_GOOD_VALUE));
    }
    assertThat(goods.get(0).name().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSize(DeclarationForm.MAX_GOOD_BYTES);
    CustomsDeclaration d =
        new CustomsDeclaration(
            "NH11099A",
            "東".repeat(60),
            LocalDate.of(2026, 11, 29),
            "A".repeat(39),
            "B".repeat(39),
            "UTO",
            LocalDate.of(1980, 1, 1),
            "L898902C3",
            "職".repeat(60),
            "住".repeat(80),
            "+81 3-5555-0142 0000",
            new CustomsDeclaration.FamilyMembers(20, 0, 0),
            new CustomsDeclaration.Answers(true, true, true, true, true, true),
            99,
            members,
            goods);
    String text =
        DeclarationQrFormat.seal(
            d, "JC-2026-1", keys.getPrivate(), Instant.parse("2026-11-29T01:00:00Z"));
    // version 40-M holds 3391 alphanumeric characters
    assertThat(text.length()).isLessThanOrEqualTo(3391);
    ZxingQrImages qr = new ZxingQrImages();
    String read = qr.read(qr.png(text)).orElseThrow();
    assertThat(read).isEqualTo(text);
    assertThat(
            DeclarationQrFormat.open(read, Map.of("JC-2026-1", keys.getPublic()))
                .orElseThrow()
                .declaration())
        .isEqualTo(d);
  }
}
