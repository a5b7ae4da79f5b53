package org.sekisho.passenger.screening.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.sekisho.core.Problem;

/**
 * Watchlist files are UTF-8 (docs/formats/watchlist.md): a file saved in another encoding (Excel's
 * Shift_JIS "CSV" in Japan) would be stored as garbage that never matches anyone, so it is refused
 * whole, before anything is stored, naming the line and byte where it stops being UTF-8. A leading
 * byte order mark ("CSV UTF-8" as Excel saves it) is accepted. Stateless and thread-safe.
 */
public final class Utf8Input {
  private static final int CHUNK = 64 * 1024;

  private Utf8Input() {}

  /**
   * Where a file stops being UTF-8.
   *
   * @param line the line (from 1) the first bad byte is on
   * @param offset the byte's offset in the file (from 0)
   * @param bytes the bad bytes, in hex ({@code 0x8E 0x52})
   */
  public record NotUtf8(long line, long offset, String bytes) {
    /** The refusal ({@code not-utf8}, at {@code line N}), nothing imported. */
    public Problem problem() {
      return Problem.of(
              "not-utf8",
              "line " + line,
              "line "
                  + line
                  + ", byte "
                  + offset
                  + ": the file is not UTF-8 ("
                  + bytes
                  + "); save it as \"CSV UTF-8\" (or UTF-8 text) and import it again; nothing was"
                  + " imported")
          .worded("not-utf8", line, offset, bytes);
    }
  }

  /**
   * Copies {@code in} to {@code copy} whole, checking that it is UTF-8 as it goes.
   *
   * @return where it is not UTF-8 (the copy then holds every byte all the same), empty when it is
   */
  public static Optional<NotUtf8> copy(InputStream in, OutputStream copy) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] chunk = new byte[CHUNK];
    // bytes not yet decoded (a character cut at a chunk's end waits for the next), in write mode
    ByteBuffer pending = ByteBuffer.allocate(CHUNK + 8);
    CharBuffer chars = CharBuffer.allocate(CHUNK);
    long offset = 0;
    long line = 1;
    Optional<NotUtf8> bad = Optional.empty();
    while (true) {
      int n =
          in.read(
              chunk,
              0,
              bad.isPresent() ? chunk.length : Math.min(chunk.length, pending.remaining()));
      boolean end = n < 0;
      if (n > 0) {
        copy.write(chunk, 0, n);
      }
      if (bad.isPresent()) {
        if (end) {
          return bad;
        }
        continue;
      }
      if (n > 0) {
        pending.put(chunk, 0, n);
      }
      pending.flip();
      CoderResult r;
      do {
        chars.clear();
        r = decoder.decode(pending, chars, end);
      } while (r.isOverflow());
      int at = pending.position();
      for (int i = 0; i < at; i++) {
        if (pending.get(i) == '\n') {
          line++;
        }
      }
      if (r.isError()) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
          hex.append(i == 0 ? "" : " ")
              .append("0x")
              .append(HexFormat.of().toHexDigits(pending.get(at + i)).toUpperCase(Locale.ROOT));
        }
        bad = Optional.of(new NotUtf8(line, offset + at, hex.toString()));
        // the rest is copied unchecked
        pending.clear();
        if (end) {
          return bad;
        }
        continue;
      }
      if (end) {
        return Optional.empty();
      }
      offset += at;
      pending.compact();
    }
  }

  /**
   * A reader of a file {@link #copy} found to be UTF-8, without its byte order mark. Still strict:
   * a byte that is not UTF-8 fails the read rather than being replaced.
   */
  public static BufferedReader reader(InputStream in) throws IOException {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }
}
