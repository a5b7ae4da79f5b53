package org.sekisho.passenger.edifact;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.sekisho.core.Outcome;

/**
 * Turns the bytes of a received message into text the same way wherever it comes from (HTTP, the
 * inbox, the command line): in the character set the sender declares, else UTF-8 when the bytes are
 * UTF-8, else the set the interchange header (UNB) names ({@code UNOC} ISO 8859-1, {@code UNOD} ISO
 * 8859-2, {@code UNOE} ISO 8859-5, {@code UNOF} ISO 8859-7), else ISO 8859-1. Names are screened:
 * bytes are never replaced by U+FFFD; what cannot be decoded is refused naming the byte.
 */
public final class MessageBytes {
  private MessageBytes() {}

  /**
   * The text of a message.
   *
   * @param bytes the message as received
   * @param declared the character set the sender declared (an HTTP {@code charset}), empty or null
   *     when none
   * @return the text; rejected with {@code unsupported-charset} for a set this platform does not
   *     know, or {@code invalid-encoding} naming the first byte that is not valid in the declared
   *     set or, for {@code UNOW}/{@code UNOY}, in UTF-8
   */
  public static Outcome<String> decode(byte[] bytes, String declared) {
    if (declared != null && !declared.isBlank()) {
      Charset cs;
      try {
        cs = Charset.forName(declared.strip());
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        return Outcome.rejected(
            "unsupported-charset",
            "charset",
            "character set '" + declared.strip() + "' is not supported; send UTF-8 or ISO-8859-1");
      }
      return strict(bytes, cs);
    }
    Outcome<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8.isAccepted()) {
      return utf8;
    }
    String syntax = syntaxIdentifier(bytes);
    return switch (syntax) {
      case "UNOW", "UNOY" -> utf8;
      case "UNOD" -> strict(bytes, Charset.forName("ISO-8859-2"));
      case "UNOE" -> strict(bytes, Charset.forName("ISO-8859-5"));
      case "UNOF" -> strict(bytes, Charset.forName("ISO-8859-7"));
      default -> Outcome.accepted(new String(bytes, StandardCharsets.ISO_8859_1));
    };
  }

  /**
   * The syntax identifier of the UNB segment ({@code UNOC}, {@code IATA}), upper case; or empty.
   */
  static String syntaxIdentifier(byte[] bytes) {
    int n = Math.min(bytes.length, 4096);
    String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    int unb = head.indexOf("UNB");
    if (unb < 0 || unb + 4 >= head.length()) {
      return "";
    }
    int start = unb + 4;
    int end = start;
    while (end < head.length() && Character.isLetterOrDigit(head.charAt(end))) {
      end++;
    }
    return head.substring(start, end).toUpperCase(Locale.ROOT);
  }

  private static Outcome<String> strict(byte[] bytes, Charset cs) {
    CharsetDecoder d =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return Outcome.accepted(d.decode(in).toString());
    } catch (CharacterCodingException e) {
      // the decoder stops at the first byte it cannot read
      int at = in.position();
      return Outcome.rejected(
          "invalid-encoding",
          "body",
          String.format(
              Locale.ROOT,
              "byte %d (0x%02X) is not valid %s; declare the character set the message is"
                  + " written in (UNOC is ISO-8859-1)",
              at,
              at < bytes.length ? bytes[at] & 0xff : 0,
              cs.name()));
    }
  }
}
