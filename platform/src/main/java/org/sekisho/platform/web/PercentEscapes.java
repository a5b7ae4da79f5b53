package org.sekisho.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first broken percent-escape in text as sent (a path, a query, a form body): a {@code %} not
 * followed by two hexadecimal digits ({@code %zz}), or a run of escapes whose bytes are not UTF-8
 * ({@code %E3%81}, a character cut off). Jetty reads the first as no parameter at all and the
 * second as U+FFFD, so a search would run for something other than what was sent; the server
 * refuses both instead, naming the escape. Stateless.
 */
final class PercentEscapes {
  private PercentEscapes() {}

  /**
   * A broken escape as it was sent.
   *
   * @param escape the text of the escape, or of the run of escapes that is not UTF-8
   * @param notUtf8 whether the escapes are well formed but their bytes are not UTF-8 text
   */
  record Fault(String escape, boolean notUtf8) {}

  /**
   * The first broken escape in {@code raw}; empty when every escape is sound (or there is none).
   */
  static Optional<Fault> first(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    int i = raw.indexOf('%');
    while (i >= 0) {
      // a run of escapes: one character may take several (あ is %E3%81%82)
      int start = i;
      ByteBuffer bytes = ByteBuffer.allocate(raw.length());
      while (i < raw.length() && raw.charAt(i) == '%') {
        if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
          return Optional.of(new Fault(raw.substring(i, Math.min(i + 3, raw.length())), false));
        }
        bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 3;
      }
      bytes.flip();
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(bytes);
      } catch (CharacterCodingException e) {
        // a long run is named by its beginning: enough to find it
        String run = raw.substring(start, i);
        return Optional.of(new Fault(run.length() > 36 ? run.substring(0, 36) + "…" : run, true));
      }
      i = raw.indexOf('%', i);
    }
    return Optional.empty();
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
