package org.sekisho.targeting.criteria.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * A list file's bytes as text, decoded strictly: bytes that are not text in the file's encoding
 * (UTF-8 unless the sender names another) refuse the whole file, naming the line and the byte
 * offset, since a value read as U+FFFD garbage could never match and its note would be unreadable.
 * Excel in Japan saves "CSV" as Shift_JIS (Windows code page 932): such a file is refused as UTF-8,
 * saying how to save it as UTF-8 or to name its encoding. A UTF-8 byte order mark is read as one
 * (ListCsv skips it). Pure and thread-safe.
 */
public final class ListText {
  private ListText() {}

  /** The encoding a list file is read in unless its sender names another. */
  public static final Charset DEFAULT = StandardCharsets.UTF_8;

  /**
   * {@code bytes} as text in {@code charset}; refused ({@code invalid-encoding}, field {@code line
   * N}) at the first byte that is not text in it, naming the line, the byte offset (from 0) and the
   * bytes found.
   */
  public static Outcome<String> decode(byte[] bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.max(16, (int) (bytes.length * 1.1) + 16));
    StringBuilder text = new StringBuilder(bytes.length);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isOverflow()) {
        text.append(out.flip());
        out.clear();
        continue;
      }
      if (r.isError()) {
        return Outcome.rejected(notText(bytes, in.position(), r.length(), charset));
      }
      break;
    }
    CoderResult end = decoder.flush(out);
    if (end.isError()) {
      return Outcome.rejected(notText(bytes, in.position(), end.length(), charset));
    }
    text.append(out.flip());
    return Outcome.accepted(text.toString());
  }

  private static Problem notText(byte[] bytes, int offset, int length, Charset charset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      // a line feed is 0x0A in UTF-8 and in Shift_JIS alike, never part of another character
      if (bytes[i] == '\n') {
        line++;
      }
    }
    int shown = Math.max(1, Math.min(length, bytes.length - offset));
    String found =
        HexFormat.ofDelimiter(" ")
            .withPrefix("0x")
            .withUpperCase()
            .formatHex(bytes, offset, offset + shown);
    String name = name(charset);
    String how =
        charset.equals(StandardCharsets.UTF_8)
            ? "save the file as CSV UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\") and import"
                + " it again, or name the encoding it is in (charset=Shift_JIS)"
            : "name the encoding the file is in, or save it as CSV UTF-8 and send it without a"
                + " charset";
    return Problem.of(
            "invalid-encoding",
            "line " + line,
            "line "
                + line
                + " is not "
                + name
                + " text (byte offset "
                + offset
                + ": "
                + found
                + "); nothing was imported: "
                + how)
        .worded(
            charset.equals(StandardCharsets.UTF_8) ? "csv-not-utf8" : "csv-not-charset",
            charset.equals(StandardCharsets.UTF_8)
                ? new Object[] {line, offset, found}
                : new Object[] {line, offset, found, name});
  }

  /**
   * The encoding a sender names ({@code charset=} of a Content-Type): UTF-8 when none is named.
   * Shift_JIS and its other names (SJIS, MS932, CP932, Windows-31J) are read as Windows' code page
   * 932, what Excel writes, whose characters (①, ㈱, 髙) strict Shift_JIS lacks. Refused ({@code
   * invalid-charset}) when the name is no encoding this runtime reads.
   */
  public static Outcome<Charset> charset(String named) {
    String n = named == null ? "" : named.strip();
    if (n.length() > 1 && n.startsWith("\"") && n.endsWith("\"")) {
      n = n.substring(1, n.length() - 1).strip();
    }
    if (n.isEmpty()) {
      return Outcome.accepted(DEFAULT);
    }
    String key = n.toLowerCase(Locale.ROOT).replace('-', '_');
    if (java.util.Set.of("shift_jis", "sjis", "x_sjis", "ms932", "cp932", "windows_31j", "ms_kanji")
        .contains(key)) {
      return Outcome.accepted(Charset.forName("windows-31j"));
    }
    try {
      return Outcome.accepted(Charset.forName(n));
    } catch (IllegalArgumentException unknown) {
      // IllegalCharsetNameException and UnsupportedCharsetException both
      return Outcome.rejected(
          Problem.of(
                  "invalid-charset",
                  "charset",
                  "expected an encoding such as UTF-8 (the default) or Shift_JIS, got '" + n + "'")
              .worded("list-charset", n));
    }
  }

  /** How a person names {@code charset}: Shift_JIS for Windows' code page 932. */
  private static String name(Charset charset) {
    return charset.name().toLowerCase(Locale.ROOT).equals("windows-31j")
        ? "Shift_JIS"
        : charset.name();
  }
}
