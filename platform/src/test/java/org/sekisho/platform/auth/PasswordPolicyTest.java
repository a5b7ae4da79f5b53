package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.platform.i18n.Messages;

/** The password rules, as pure functions: which rule refuses what, and what each lets through. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PasswordPolicyTest {
  private static final List<String> CUSTOMS = List.of("customs-jp", "Japan Customs");

  private static Optional<String> rule(String username, String password) {
    return PasswordPolicy.judge(
            new PasswordPolicy.Candidate("password", password, username, CUSTOMS))
        .map(AccountRefusal::key);
  }

  @Test
  void oneCharacterOrAShortPatternRepeatedIsRefused() {
    for (String p :
        List.of(
            "aaaaaaaaaaaa",
            "AAAAAAAAAAAAAAAAAAAA",
            "abababababab",
            "abcabcabcabc",
            "2026!2026!2026!",
            "xyz1xyz1xyz1!",
            "Xk!7aaaaaaaaa",
            "ｐｐｐｐｐｐｐｐｐｐｐｐ",
            "関所関所関所関所関所関所")) {
      assertThat(rule("kato", p)).as(p).contains("account.error.password.repeated");
    }
    assertThat(rule("kato", "112233112233")).contains("account.error.password.fewCharacters");
  }

  @Test
  void aRunOfConsecutiveKeysOrDigitsIsRefused() {
    for (String p :
        List.of(
            "123456789012",
            "qwertyuiop12",
            "QWERTYUIOPAS",
            "1qaz2wsx3edc",
            "abcd1234efgh",
            "9876543210ab",
            "asdfghjkl;Ab",
            "zyxwvutsrqpo",
            "aaaa12345678",
            "あいうえおかきくけこさし")) {
      assertThat(rule("kato", p)).as(p).contains("account.error.password.sequence");
    }
  }

  @Test
  void theUserNameOrAPartOfItIsRefusedInAnyCaseAndSpelling() {
    for (String p :
        List.of(
            "TANAKA.HANAKO",
            "tanakahanako-2026",
            "My name is Tanaka!",
            "Hanako loves tea",
            "ｔａｎａｋａ spring rain",
            "T4n4k4 of Osaka Bay")) {
      assertThat(rule("tanaka.hanako", p)).as(p).contains("account.error.password.username");
    }
    // a short user name counts whole, not as any two letters
    assertThat(rule("ito", "ito's own passphrase")).contains("account.error.password.username");
    assertThat(rule("jo", "major journey to Nara")).isEmpty();
  }

  @Test
  void theAgencysCodeOrNameOrAWordOfThemIsRefused() {
    for (String p :
        List.of("JapanCustoms2026", "customs-jp!!ok", "our customs desk 7", "Japan at dawn 77")) {
      assertThat(rule("kato", p)).as(p).contains("account.error.password.agency");
    }
    Optional<AccountRefusal> r =
        PasswordPolicy.judge(
            new PasswordPolicy.Candidate("newPassword", "JapanCustoms2026", "kato", CUSTOMS));
    assertThat(r.map(AccountRefusal::args)).contains(List.of("Japan Customs", "customs-jp"));
    assertThat(r.map(AccountRefusal::field)).contains("newPassword");
    // a name not in Latin letters counts from two characters
    assertThat(
            PasswordPolicy.judge(
                    new PasswordPolicy.Candidate(
                        "password", "私は税関で毎日働いています", "kato", List.of("zeikan", "税関")))
                .map(AccountRefusal::key))
        .contains("account.error.password.agency");
  }

  @Test
  void aCommonPasswordWithDigitsSymbolsOrLookAlikesIsRefused() {
    for (String p :
        List.of(
            "Password2026!",
            "P@ssw0rd1234",
            "2026sunshine!!",
            "iloveyou2024",
            "dragonmaster99",
            "Welcome-2026-",
            "l3tme1n!!2026",
            "passwordpassword",
            "sakura 2026 sakura",
            "ＰＡＳＳＷＯＲＤ２０２６")) {
      assertThat(rule("kato", p)).as(p).contains("account.error.password.common");
    }
  }

  @Test
  void passphrasesAndGeneratedLookingPasswordsPass() {
    for (String p :
        List.of(
            "correct horse battery",
            "temporary passphrase",
            "given by admin 1",
            "a brand new passphrase",
            "violet kettle harbour",
            "quiet orchard lamp 1",
            "関所を越える夜明けの旅人",
            "k7Qm-3xTz-Wp9d-Rb4H",
            "demo-Xq3_vT8pLm2Z",
            "Tr0ub4dor&3 at noon")) {
      assertThat(rule("kato", p)).as(p).isEmpty();
    }
  }

  @Test
  void lengthAndBlanknessComeFirstAndEveryRuleReadsInBothLanguages() {
    assertThat(rule("kato", "aaaa")).contains("account.error.password.short");
    assertThat(rule("kato", " ".repeat(16))).contains("account.error.password.blank");
    assertThat(rule("kato", "x".repeat(257))).contains("account.error.password.long");
    assertThat(rule("kato", null)).contains("account.error.password.short");
    List<String> keys =
        List.of(
            "account.error.password.repeated",
            "account.error.password.fewCharacters",
            "account.error.password.sequence",
            "account.error.password.username",
            "account.error.password.agency",
            "account.error.password.common");
    Messages en = new Messages(Locale.ENGLISH, List.of("i18n.platform"));
    Messages ja = new Messages(Locale.JAPANESE, List.of("i18n.platform"));
    for (String key : keys) {
      assertThat(en.get(key, "5", "3")).as(key).isNotEqualTo(key).doesNotContain("{");
      assertThat(ja.get(key, "5", "3")).as(key).isNotEqualTo(key).doesNotContain("{");
      assertThat(ja.get(key, "5", "3")).as(key).isNotEqualTo(en.get(key, "5", "3"));
    }
  }

  @Test
  void theCommonWordsAreOurOwnSmallListReadOnce() {
    assertThat(PasswordPolicy.CommonWords.WORDS)
        .hasSizeBetween(200, 1000)
        .contains("password", "sakura", "customs")
        .allMatch(w -> w.matches("[a-z]{4,}"));
  }
}
