package org.sekisho.passenger.edifact;

import java.util.Objects;

/**
 * Something in a message that was wrong or unexpected but did not make it unusable: the part
 * concerned was skipped or read leniently and the rest was kept.
 *
 * @param code stable, lower-case, hyphenated code such as {@code unknown-segment}
 * @param position where the segment concerned starts
 * @param tag the tag of the segment concerned, empty when none
 * @param message what was wrong and what was done about it, naming the expected form
 */
public record Warning(String code, Position position, String tag, String message) {
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(position, "position");
    tag = tag == null ? "" : tag;
    Objects.requireNonNull(message, "message");
  }

  /** A warning about {@code segment}. */
  public static Warning at(Segment segment, String code, String message) {
    return new Warning(code, segment.position(), segment.tag(), message);
  }

  @Override
  public String toString() {
    return position + (tag.isEmpty() ? "" : " " + tag) + ": " + message + " (" + code + ")";
  }
}
