package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.time.Instant;

/**
 * How urgent an alert is: a base weight per kind (a dark vessel or a fishing vessel meeting a
 * carrier outranks a plain encounter, which outranks a gap or loitering; port calls are
 * information), halved every {@code halfLife} of age.
 */
public final class AlertRanking {
  private final Duration halfLife;

  public AlertRanking(Duration halfLife) {
    this.halfLife = halfLife;
  }

  /** Base weight of an alert kind, 0 to 1. */
  public static double weight(String kind) {
    return switch (kind) {
      case "dark-vessel" -> 1.0;
      case "fishing-meeting" -> 0.9;
      case "encounter" -> 0.7;
      case "unusual-grounds" -> 0.6;
      case "gap" -> 0.5;
      case "loitering" -> 0.4;
      default -> 0.1;
    };
  }

  /** Score of an alert of {@code kind} raised at {@code time}, as of {@code now}. */
  public double score(String kind, Instant time, Instant now) {
    double ageHours = Math.max(0, Duration.between(time, now).toSeconds() / 3600.0);
    return weight(kind) * Math.pow(0.5, ageHours / (halfLife.toSeconds() / 3600.0));
  }
}
