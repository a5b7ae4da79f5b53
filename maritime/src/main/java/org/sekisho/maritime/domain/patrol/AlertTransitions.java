package org.sekisho.maritime.domain.patrol;

import java.util.Optional;

/**
 * Which alert status changes make sense, as a named list of small rules each giving the reason it
 * refuses a change (statuses {@code open}, {@code acknowledged}, {@code closed}).
 */
public final class AlertTransitions {
  private AlertTransitions() {}

  /**
   * Why a change is refused.
   *
   * @param rule which rule refuses it ({@code already}, {@code close-note}, {@code reopen-note}),
   *     for a reader's-language wording of {@code message}
   * @param conflict true when the change contradicts the alert's state (answered 409), false when
   *     it lacks something it needs (400, naming {@code field})
   */
  public record Refusal(String rule, boolean conflict, String field, String message) {}

  /**
   * Why moving an alert from {@code from} to {@code to} with {@code note} (null: none) is refused,
   * or empty when it may be made.
   */
  public static Optional<Refusal> refusal(String from, String to, String note) {
    if (from.equals(to)) {
      // closing a closed alert twice would replace the first closing's note
      return Optional.of(
          new Refusal(
              "already", true, "status", "the alert is already " + to + "; nothing to change"));
    }
    if ("closed".equals(to) && note == null) {
      return Optional.of(
          new Refusal(
              "close-note",
              false,
              "note",
              "closing needs a note saying why (which boat was sent, what it found), at most 1000"
                  + " characters"));
    }
    if ("closed".equals(from) && note == null) {
      return Optional.of(
          new Refusal(
              "reopen-note",
              false,
              "note",
              "reopening a closed alert needs a note saying why (what has come to light since it"
                  + " was closed), at most 1000 characters"));
    }
    return Optional.empty();
  }
}
