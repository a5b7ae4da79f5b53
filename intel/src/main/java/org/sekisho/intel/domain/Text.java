package org.sekisho.intel.domain;

import java.util.List;
import java.util.stream.Collectors;

final class Text {
  private Text() {}

  static String join(List<String> parts) {
    return parts.stream().filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
  }

  /**
   * A record's searchable fields as one text, a line each: search tokens never join two fields (a
   * CJK name and the address after it), as they join the parts of a name spaced within one field.
   */
  static String fields(List<String> parts) {
    return parts.stream().filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
  }
}
