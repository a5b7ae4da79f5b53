package org.sekisho.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A refusal of an account's roles, shown on the account forms beside checkboxes labelled in the
 * reader's language, names each role by that same label (its id after it, for an API client): a
 * Japanese page does not say "partner" where its checkbox says 関係機関.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RoleRefusalWordingTest {
  @Test
  void roleRefusalsNameTheRolesByTheirLabelsInEitherLanguage() {
    for (Locale l : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
      Messages t = new Messages(l, List.of("i18n.platform"));
      // the hint beside the form's role checkboxes, too
      assertThat(t.get("account.create.kioskHint")).as("%s", l).contains(t.get("role.kiosk"));
      assertThat(t.get("account.error.roles.kioskAlone")).as("%s", l).contains(t.get("role.kiosk"));
      assertThat(t.get("account.error.roles.partnerOfOwn", "customs-jp"))
          .as("%s", l)
          .contains(t.get("role.partner"));
      assertThat(t.get("account.error.roles.partnerAgency", "police-jp", "customs-jp"))
          .as("%s", l)
          .contains(t.get("role.partner"), t.get("role.liaison"));
    }
  }
}
