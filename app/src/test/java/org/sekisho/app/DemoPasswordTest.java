package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sekisho.platform.auth.AccountRefusal;
import org.sekisho.platform.auth.AccountRules;

/**
 * The demo's accounts keep the password rules everyone's do: the generated password keeps them for
 * every demo account (its user name, its agency's code and name), and a chosen one that breaks one
 * for any account is refused naming the rule, never the password.
 */
class DemoPasswordTest {
  @Test
  void everyGeneratedPasswordKeepsTheRulesForEveryDemoAccount() {
    Random random = new Random(2026);
    for (int i = 0; i < 300; i++) {
      String p = DemoAccounts.generatePassword(random);
      for (DemoAccounts.Demo d : DemoAccounts.ALL) {
        assertThat(
                AccountRules.passwordProblem(
                    "password",
                    d.username(),
                    List.of(d.agency(), DemoAccounts.AGENCIES.get(d.agency())),
                    p))
            .as(d.username())
            .isEmpty();
      }
    }
  }

  @Test
  void aChosenPasswordBreakingARuleForAnyDemoAccountIsRefusedWithoutRepeatingIt() {
    // fine for the customs accounts; the police account's agency's name is in it
    String chosen = "Zq8-National-Wv3m";
    assertThat(
            AccountRules.passwordProblem(
                "p", "analyst", List.of("customs-jp", "Japan Customs"), chosen))
        .isEmpty();
    AccountRefusal why = DemoAccounts.passwordProblem(chosen).orElseThrow();
    assertThat(why.field()).isEqualTo("SEKISHO_DEMO_PASSWORD");
    assertThat(why.key()).isEqualTo("account.error.password.agency");
    // a user name of the demo's is a rule too
    assertThat(DemoAccounts.passwordProblem("Zq8-kiosk-Wv3m-Kp7y")).isPresent();
    assertThat(DemoAccounts.passwordProblem("Zq8-Hr4t-Wv3m-Kp7y")).isEmpty();
    // install checks before it writes: no database is touched for a refused password
    assertThatThrownBy(() -> DemoAccounts.install(null, chosen))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SEKISHO_DEMO_PASSWORD: ")
        .hasMessageContaining("National Police Agency")
        .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT)).doesNotContain("zq8"));
  }
}
