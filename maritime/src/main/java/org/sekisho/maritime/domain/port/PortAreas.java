package org.sekisho.maritime.domain.port;

import java.util.Optional;

/** Port areas: which one, if any, contains a position. Implementations must be thread-safe. */
@FunctionalInterface
public interface PortAreas {
  Optional<PortArea> at(double lat, double lon);

  /** No ports at all. */
  static PortAreas none() {
    return (lat, lon) -> Optional.empty();
  }
}
