package org.sekisho.names.domain;

import java.util.EnumSet;
import java.util.Set;

/** The set of scripts a piece of text is written in. */
public record Scripts(Set<Script> set) {
  public Scripts {
    set = set.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(set));
  }

  /** Scripts found in {@code text}; the kana length mark counts as kana. */
  public static Scripts of(String text) {
    EnumSet<Script> found = EnumSet.noneOf(Script.class);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Script s = cp == 0x30FC ? Script.KANA : Script.of(cp);
      if (s != null) {
        found.add(s);
      }
      i += Character.charCount(cp);
    }
    return new Scripts(found);
  }

  public boolean has(Script script) {
    return set.contains(script);
  }

  /** True when some letter is outside the Latin script. */
  public boolean nonLatin() {
    for (Script s : set) {
      if (s != Script.LATIN) {
        return true;
      }
    }
    return false;
  }

  /** True when the text uses Arabic or Hebrew letters. */
  public boolean abjad() {
    for (Script s : set) {
      if (s.isAbjad()) {
        return true;
      }
    }
    return false;
  }
}
