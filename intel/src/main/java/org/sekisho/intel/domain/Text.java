package org.sekisho.intel.domain;

import java.util.List;
import java.util.stream.Collectors;

final class Text {
  private Text() {}

  static String join(List<String> parts) {
    return parts.stream().filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
  }
}
