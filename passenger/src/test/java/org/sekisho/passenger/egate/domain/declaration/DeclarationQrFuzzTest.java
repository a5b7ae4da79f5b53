package org.sekisho.passenger.egate.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;

/** Mutated QR payloads never crash the reader and are never accepted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeclarationQrFuzzTest {
  private static final KeyPair KEYS = DeclarationQrFormatTest.ed25519();
  private static final Map<String, PublicKey> TRUSTED = Map.of("K", KEYS.getPublic());
  private static final byte[] HONEST =
      Base45.decode(
              DeclarationQrFormat.seal(
                      Declarations.withCash(),
                      "K",
                      KEYS.getPrivate(),
                      DeclarationQrFormatTest.SIGNED)
                  .substring(5))
          .orElseThrow();

  @Property(tries = 1000)
  void aPayloadWithAnyByteChangedIsRefusedWithAReason(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] b = HONEST.clone();
    b[position % b.length] ^= (byte) xor;
    Outcome<SealedDeclaration> o = DeclarationQrFormat.open("SKD1:" + Base45.encode(b), TRUSTED);
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).message()).isNotBlank();
  }

  @Property(tries = 2000)
  void arbitraryTextNeverCrashesTheReader(@ForAll String tail) {
    Outcome<SealedDeclaration> o = DeclarationQrFormat.open("SKD1:" + tail, TRUSTED);
    assertThat(o.isAccepted()).isFalse();
  }
}
