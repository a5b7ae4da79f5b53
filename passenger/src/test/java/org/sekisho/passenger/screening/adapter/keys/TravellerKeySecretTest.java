package org.sekisho.passenger.screening.adapter.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.screening.domain.ApiTravellerKeys;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TravellerKeySecretTest {
  private static final LocalDate DOB = LocalDate.of(1999, 3, 9);

  private static String alice(ApiTravellerKeys keys) {
    return keys.key("Newton", "Alice", DOB, "GB1234567", "GB");
  }

  @Test
  void theSecretIsMadeOnceInTheDataDirectoryAndGivesTheSameKeysAfterARestart(@TempDir Path dir)
      throws Exception {
    String first = alice(TravellerKeySecret.load(dir, Map.of()));
    Path file = dir.resolve(TravellerKeySecret.FILE);
    assertThat(file).isRegularFile();
    String secret = Files.readString(file);
    assertThat(alice(TravellerKeySecret.load(dir, Map.of()))).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo(secret);
    assertThat(first).startsWith("API/").hasSize(20);
  }

  @Test
  void anotherInstallationsSecretGivesOtherKeysAndNoKeyIsAPlainDigestOfTheName(@TempDir Path a)
      throws Exception {
    Path b = Files.createDirectories(a.resolve("other"));
    String here = alice(TravellerKeySecret.load(a, Map.of()));
    assertThat(alice(TravellerKeySecret.load(b, Map.of()))).isNotEqualTo(here);
    for (String guess :
        new String[] {"NEWTON/ALICE/1999-03-09", "NEWTON/ALICE/1999-03-09/GB1234567/GB"}) {
      String plain =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(guess.getBytes(StandardCharsets.UTF_8)));
      assertThat(here).isNotEqualTo("API/" + plain.substring(0, 16));
    }
  }

  @Test
  void theEnvironmentsSecretWinsOverTheFileAndABadOneIsRefusedNamingTheVariable(@TempDir Path dir) {
    String hex = "00112233445566778899aabbccddeeff";
    String fromEnv = alice(TravellerKeySecret.load(dir, Map.of(TravellerKeySecret.ENV, hex)));
    assertThat(fromEnv).isEqualTo(alice(ApiTravellerKeys.of(HexFormat.of().parseHex(hex))));
    assertThat(dir.resolve(TravellerKeySecret.FILE)).doesNotExist();
    assertThatThrownBy(() -> TravellerKeySecret.load(dir, Map.of(TravellerKeySecret.ENV, "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TravellerKeySecret.ENV);
  }

  @Test
  void namesakesWithOneDateOfBirthButAnotherPassportGetAnotherKey() {
    ApiTravellerKeys keys = ApiTravellerKeys.random();
    assertThat(keys.key("Yamada", "Taro", DOB, "TR4471023", "JP"))
        .isNotEqualTo(keys.key("Yamada", "Taro", DOB, "TR9999999", "JP"))
        .isEqualTo(keys.key(" YAMADA", "taro ", DOB, "tr4471023", "jp"));
  }
}
