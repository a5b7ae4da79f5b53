package org.sekisho.passenger.egate.adapter.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.chip.ChipReading;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmrtdPassiveAuthenticationTest {
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String MRZ =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
          + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  private static final SpecimenChipIssuer UTOPIA = SpecimenChipIssuer.create("UT", NOW);
  private static final byte[] PORTRAIT = SpecimenChipIssuer.placeholderPortrait(48, 64, 90);

  private final JmrtdPassiveAuthentication gate =
      new JmrtdPassiveAuthentication(new CscaMasterList(List.of(UTOPIA.csca())), CLOCK);

  private ChipFiles chip() {
    return UTOPIA.issue(MRZ, PORTRAIT, 48, 64);
  }

  @Test
  void aGenuineChipPassesAndYieldsItsMrzAndFace() {
    Outcome<ChipReading> o = gate.verify(chip());
    assertThat(o.problems()).isEmpty();
    ChipReading r = o.orElseThrow();
    assertThat(r.mrz().documentNumber()).isEqualTo("L898902C3");
    assertThat(r.mrz().valid()).isTrue();
    assertThat(r.face()).isEqualTo(PORTRAIT);
    assertThat(r.faceMimeType()).isEqualTo("image/jpeg");
    assertThat(r.verifiedDataGroups()).containsExactly(1, 2);
    assertThat(r.csca()).contains("CN=CSCA UT");
    assertThat(r.ldsVersion()).isEqualTo("1.7");
  }

  @Test
  void anAlteredMrzInDg1IsRefusedAsAHashMismatch() {
    byte[] dg1 = chip().dataGroup(1);
    String s = new String(dg1, StandardCharsets.ISO_8859_1).replace("ERIKSSON", "ERIKSSEN");
    Outcome<ChipReading> o =
        gate.verify(chip().withDataGroup(1, s.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).code()).isEqualTo("chip-hash-mismatch");
    assertThat(o.problems().get(0).field()).isEqualTo("DG1");
  }

  @Test
  void aSwappedFaceImageIsRefused() {
    ChipFiles other = UTOPIA.issue(MRZ, SpecimenChipIssuer.placeholderPortrait(48, 64, 10), 48, 64);
    ChipFiles tampered = chip().withDataGroup(2, other.dataGroup(2));
    Outcome<ChipReading> o = gate.verify(tampered);
    assertThat(o.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("DG2"));
  }

  @Test
  void aChipFromAnAuthorityOutsideTheMasterListIsRefused() {
    SpecimenChipIssuer forger = SpecimenChipIssuer.create("UT", NOW);
    Outcome<ChipReading> o = gate.verify(forger.issue(MRZ, PORTRAIT, 48, 64));
    assertThat(o.problems().get(0).code()).isEqualTo("chip-unknown-csca");
  }

  @Test
  void aSodWithADamagedSignatureIsRefused() {
    byte[] sod = chip().sod();
    sod[sod.length - 5] ^= 0x01;
    ChipFiles f = new ChipFiles(chip().com(), chip().dataGroups(), sod);
    Outcome<ChipReading> o = gate.verify(f);
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).code()).isIn("chip-signature-invalid", "chip-unreadable");
  }

  @Test
  void aDocumentSignerIsCheckedOnceButEveryChipItSignedIsStillCheckedInFull() {
    MovableClock clock = new MovableClock(NOW);
    JmrtdPassiveAuthentication gate =
        new JmrtdPassiveAuthentication(new CscaMasterList(List.of(UTOPIA.csca())), clock);
    assertThat(gate.verify(chip()).problems()).isEmpty();
    // a second passport from the same signer passes on the remembered chain
    ChipFiles second =
        UTOPIA.issue(MRZ, SpecimenChipIssuer.placeholderPortrait(48, 64, 20), 48, 64);
    assertThat(gate.verify(second).problems()).isEmpty();
    // its data groups and its SOD signature are still checked
    ChipFiles swapped = second.withDataGroup(2, chip().dataGroup(2));
    assertThat(gate.verify(swapped).problems().get(0).code()).isEqualTo("chip-hash-mismatch");
    byte[] sod = second.sod();
    sod[sod.length - 5] ^= 0x01;
    assertThat(gate.verify(new ChipFiles(second.com(), second.dataGroups(), sod)).isAccepted())
        .isFalse();
    // a forger's signer with the same names is another certificate: refused
    SpecimenChipIssuer forger = SpecimenChipIssuer.create("UT", NOW);
    assertThat(gate.verify(forger.issue(MRZ, PORTRAIT, 48, 64)).problems().get(0).code())
        .isEqualTo("chip-unknown-csca");
    // and the remembered signer's validity is checked against the clock on every chip
    clock.now = NOW.plus(java.time.Duration.ofDays(365L * 40));
    assertThat(gate.verify(chip()).problems().get(0).code()).isEqualTo("chip-signer-invalid");
  }

  /** A clock the test moves. */
  private static final class MovableClock extends java.time.Clock {
    java.time.Instant now;

    MovableClock(java.time.Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void aDataGroupTheSodDoesNotCoverIsRefused() {
    Outcome<ChipReading> o = gate.verify(chip().withDataGroup(11, new byte[] {0x6B, 0x00}));
    assertThat(o.problems().get(0).code()).isEqualTo("chip-unsigned-data-group");
  }

  @Test
  void garbageInsteadOfASodIsRefusedWithoutAnException() {
    ChipFiles f = new ChipFiles(new byte[0], chip().dataGroups(), new byte[] {0x77, 0x03, 1, 2, 3});
    assertThat(gate.verify(f).problems().get(0).code()).isEqualTo("chip-unreadable");
  }

  @Test
  void theMasterListLoadsFromPemFiles(@TempDir Path dir) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(UTOPIA.csca().getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    Files.writeString(dir.resolve("utopia.pem"), pem);
    CscaMasterList loaded = CscaMasterList.load(dir);
    assertThat(loaded.certificates()).containsExactly(UTOPIA.csca());
    assertThat(new JmrtdPassiveAuthentication(loaded, CLOCK).verify(chip()).isAccepted()).isTrue();
  }
}
