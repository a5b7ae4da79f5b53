package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.platform.testing.ManualClock;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SignInThrottleTest {
  private static final String HOME = "10.0.0.1";
  private static final String ELSEWHERE = "203.0.113.9";

  private final ManualClock clock = new ManualClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  /** An attempt that the throttle lets through and whose password is wrong. */
  private void fail(String account, String address) {
    assertThat(throttle.attempt(account, address)).as("let through").isEmpty();
  }

  private Optional<Duration> refusal(String account, String address) {
    return throttle.attempt(account, address).map(SignInThrottle.Refusal::retryAfter);
  }

  @Test
  void fiveFailuresAreFreeThenTheDelayStartsAtOneSecondAndDoubles() {
    for (int i = 0; i < 5; i++) {
      fail("kato", HOME);
    }
    assertThat(refusal("kato", HOME)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofMillis(400));
    assertThat(refusal("kato", HOME)).contains(Duration.ofMillis(600));
    clock.advance(Duration.ofMillis(600));
    fail("kato", HOME);
    assertThat(refusal("kato", HOME)).contains(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    fail("kato", HOME);
    assertThat(refusal("kato", HOME)).contains(Duration.ofSeconds(4));
  }

  @Test
  void theDelayStopsGrowingAtFifteenMinutes() {
    assertThat(SignInThrottle.delay(4)).isZero();
    assertThat(SignInThrottle.delay(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SignInThrottle.delay(14)).isEqualTo(Duration.ofSeconds(512));
    assertThat(SignInThrottle.delay(15)).isEqualTo(Duration.ofMinutes(15));
    assertThat(SignInThrottle.delay(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    for (int i = 0; i < 40; i++) {
      clock.advance(Duration.ofMinutes(15));
      fail("kato", HOME);
    }
    assertThat(refusal("kato", HOME)).contains(Duration.ofMinutes(15));
  }

  @Test
  void refusedAttemptsNeitherCountNorLengthenTheDelay() {
    for (int i = 0; i < 5; i++) {
      fail("kato", HOME);
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(refusal("kato", HOME)).isPresent();
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.attempt("kato", HOME)).as("the next try, one second later").isEmpty();
  }

  @Test
  void aBurstOfAttemptsWithNoAnswerYetLetsOnlyFiveThrough() {
    int through = 0;
    for (int i = 0; i < 30; i++) {
      if (throttle.attempt("kato", HOME).isEmpty()) {
        through++;
      }
    }
    assertThat(through).isEqualTo(5);
  }

  @Test
  void aSuccessClearsTheAccountCount() {
    for (int i = 0; i < 4; i++) {
      fail("kato", HOME);
    }
    assertThat(throttle.attempt("kato", HOME)).isEmpty();
    throttle.succeeded("kato", HOME);
    for (int i = 0; i < 5; i++) {
      fail("kato", ELSEWHERE + "0");
    }
    assertThat(refusal("kato", ELSEWHERE + "0")).isPresent();
  }

  @Test
  void theRightPasswordDuringTheDelayIsRefusedLikeAnyOther() {
    for (int i = 0; i < 5; i++) {
      fail("kato", HOME);
    }
    // The throttle refuses before the password is looked at: nothing to tell right from wrong.
    assertThat(throttle.attempt("kato", HOME)).isPresent();
  }

  @Test
  void guessesFromOneAddressAgainstManyAccountsAreThrottled() {
    for (int i = 0; i < 5; i++) {
      fail("user" + i, ELSEWHERE);
    }
    Optional<SignInThrottle.Refusal> r = throttle.attempt("someone-else", ELSEWHERE);
    assertThat(r).isPresent();
    assertThat(r.get().by()).isEqualTo("address");
    assertThat(throttle.attempt("someone-else", HOME)).as("from another address").isEmpty();
  }

  @Test
  void signingInToOnesOwnAccountDoesNotWipeOutGuessesAgainstOthers() {
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 2; i++) {
        fail("victim" + round + i, ELSEWHERE);
      }
      assertThat(throttle.attempt("insider", ELSEWHERE)).isEmpty();
      throttle.succeeded("insider", ELSEWHERE);
    }
    fail("victim-last", ELSEWHERE);
    assertThat(throttle.attempt("victim-next", ELSEWHERE)).as("the sixth guess").isPresent();
  }

  @Test
  void guessingFromElsewhereDoesNotLockTheUserOutOfTheAddressTheyUsuallySignInFrom() {
    assertThat(throttle.attempt("kato", HOME)).isEmpty();
    throttle.succeeded("kato", HOME);
    for (int i = 0; i < 5; i++) {
      fail("kato", ELSEWHERE + i);
    }
    Optional<SignInThrottle.Refusal> r = throttle.attempt("kato", "198.51.100.7");
    assertThat(r).isPresent();
    assertThat(r.get().by()).isEqualTo("account");
    assertThat(throttle.attempt("kato", HOME)).as("from home").isEmpty();
    throttle.succeeded("kato", HOME);
  }

  @Test
  void aKnownAddressIsStillThrottledForGuessesMadeFromIt() {
    assertThat(throttle.attempt("kato", HOME)).isEmpty();
    throttle.succeeded("kato", HOME);
    for (int i = 0; i < 5; i++) {
      fail("kato", HOME);
    }
    Optional<SignInThrottle.Refusal> r = throttle.attempt("kato", HOME);
    assertThat(r).isPresent();
    assertThat(r.get().by()).isEqualTo("account+address");
  }

  @Test
  void anAddressIsKnownForThirtyDays() {
    assertThat(throttle.attempt("kato", HOME)).isEmpty();
    throttle.succeeded("kato", HOME);
    clock.advance(SignInThrottle.KNOWN_FOR);
    for (int i = 0; i < 5; i++) {
      fail("kato", ELSEWHERE);
    }
    assertThat(throttle.attempt("kato", HOME)).isPresent();
  }

  @Test
  void countsAreForgottenADayAfterTheLastFailure() {
    for (int i = 0; i < 4; i++) {
      fail("kato", HOME);
    }
    clock.advance(SignInThrottle.FORGET_AFTER);
    for (int i = 0; i < 4; i++) {
      fail("kato", HOME);
    }
    assertThat(throttle.attempt("kato", HOME)).as("the fifth of a new run").isEmpty();
  }

  @Test
  void accountNamesDifferingOnlyInCaseOrSpacesShareACount() {
    fail("Kato", ELSEWHERE + "1");
    fail(" kato", ELSEWHERE + "2");
    fail("KATO ", ELSEWHERE + "3");
    fail("kato", ELSEWHERE + "4");
    fail("kAto", ELSEWHERE + "5");
    assertThat(throttle.attempt("kato", ELSEWHERE + "6")).isPresent();
  }
}
