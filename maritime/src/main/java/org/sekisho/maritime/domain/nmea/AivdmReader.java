package org.sekisho.maritime.domain.nmea;

import java.nio.charset.StandardCharsets;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.maritime.domain.ais.AisDecoder;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.maritime.domain.ais.Bits;
import org.sekisho.maritime.domain.ais.SixBit;

/**
 * Reads NMEA 0183 {@code !xxVDM}/{@code !xxVDO} sentences line by line, straight from bytes: checks
 * the checksum, reassembles multi-sentence messages (interleaved by channel and sequence id),
 * accepts an NMEA 4.0 tag block ({@code \c:...*hh\}) and common receiver prefixes and suffixes
 * (time stamps before the sentence, fields after the checksum), removes the six-bit armour and fill
 * bits and hands each payload to the {@link AisDecoder}.
 *
 * <p>Lines that are not AIS sentences (other NMEA, text) are skipped and counted ({@link
 * #skipped}), comments and blank lines are skipped; AIS sentences that are broken are reported to
 * the {@link Sink} with a reason and reading goes on. A line holding a NUL character (U+0000) is
 * broken whatever else it holds ({@code nmea-nul}), so none of it can reach storage. Not
 * thread-safe: one reader per stream.
 */
public final class AivdmReader {

  /** Receives what the reader finds. */
  public interface Sink {
    /**
     * A decoded message.
     *
     * @param channel radio channel letter or digit from the sentence, '?' when empty
     * @param epochSecond receive time from a tag block ({@code c:}) or a numeric suffix, or {@link
     *     Long#MIN_VALUE} when the line carried none
     */
    void message(AisMessage message, char channel, long epochSecond);

    /** A broken sentence or message: {@code line} is the 1-based line number. */
    void rejected(long line, Problem problem);
  }

  /** Value of {@code epochSecond} when the line carried no time. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /**
   * Why a line holding a NUL character (U+0000) is rejected: the platform's standard wording
   * ({@code Web.NUL_REASON}), which the domain cannot import.
   */
  public static final String NUL_MESSAGE =
      "the line contains a NUL character (U+0000), which cannot be stored; remove it";

  private static final int MAX_FRAGMENTS = 9;
  private static final int MAX_CHARS = 1024;

  private final AisDecoder decoder = new AisDecoder();
  private final Sink sink;
  // Partial messages, keyed by sequence id (0-9, 10 = none) and channel slot.
  private final Partial[] partials = new Partial[11 * 4];
  private final byte[] packed = new byte[(MAX_CHARS * MAX_FRAGMENTS * 6 + 7) / 8];
  private long lineNumber;
  private long skipped;

  public AivdmReader(Sink sink) {
    this.sink = sink;
  }

  private static final class Partial {
    final byte[] chars = new byte[MAX_CHARS * MAX_FRAGMENTS];
    int length;
    int count;
    int next;
    long startLine;
  }

  /** Reads one line of text (without its line terminator) given as a string. */
  public void line(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    line(b, 0, b.length);
  }

  /** Reads one line from {@code buf[off, off+len)}, without its line terminator. */
  public void line(byte[] buf, int off, int len) {
    lineNumber++;
    int end = off + len;
    if (indexOf(buf, off, end, (byte) 0) >= 0) {
      // Nothing of such a line may reach storage (PostgreSQL cannot hold NUL in text): it is a
      // broken sentence like any other, and the rest of the stream is read on.
      reject("nmea-nul", "sentence", NUL_MESSAGE);
      return;
    }
    while (end > off && (buf[end - 1] == '\r' || buf[end - 1] == '\n' || buf[end - 1] == ' ')) {
      end--;
    }
    int p = off;
    long time = NO_TIME;
    // Skip leading blanks; ignore comments and empty lines.
    while (p < end && (buf[p] == ' ' || buf[p] == '\t')) {
      p++;
    }
    if (p >= end || buf[p] == '#') {
      return;
    }
    int bang = indexOf(buf, p, end, (byte) '!');
    if (bang < 0) {
      if (looksLikeAis(buf, p, end)) {
        reject("nmea-no-start", "sentence", "AIS sentence does not start with '!'");
      } else {
        skipped++;
      }
      return;
    }
    // NMEA 4.0 tag block just before the sentence: \...*hh\
    if (bang > p && buf[bang - 1] == '\\') {
      int open = lastIndexOf(buf, p, bang - 1, (byte) '\\');
      if (open >= 0) {
        // a tag block whose checksum fails cannot be trusted for its time: one such sentence
        // would otherwise set a vessel's clock to any date (and freeze its track there)
        Problem bad = tagProblem(buf, open + 1, bang - 1);
        if (bad != null) {
          sink.rejected(lineNumber, bad);
          return;
        }
        time = tagTime(buf, open + 1, bang - 1);
        if (time == BAD_TIME) {
          reject(
              "nmea-tag-time",
              "tag-block",
              "tag block c: must be a UNIX time in seconds or milliseconds, from 2000 on");
          return;
        }
      }
    }
    if (end - bang < 7
        || buf[bang + 3] != 'V'
        || buf[bang + 4] != 'D'
        || (buf[bang + 5] != 'M' && buf[bang + 5] != 'O')
        || buf[bang + 6] != ',') {
      if (looksLikeAis(buf, bang, end)) {
        reject("nmea-bad-header", "sentence", "expected !xxVDM or !xxVDO at column " + (bang + 1));
      } else {
        skipped++;
      }
      return;
    }
    int star = indexOf(buf, bang, end, (byte) '*');
    if (star < 0 || star + 3 > end) {
      reject("nmea-no-checksum", "checksum", "no '*hh' checksum after the sentence");
      return;
    }
    int want = hex2(buf, star + 1);
    if (want < 0) {
      reject("nmea-bad-checksum", "checksum", "checksum is not two hexadecimal digits");
      return;
    }
    int sum = 0;
    for (int i = bang + 1; i < star; i++) {
      sum ^= buf[i];
    }
    if ((sum & 0xFF) != want) {
      reject(
          "nmea-checksum-mismatch",
          "checksum",
          String.format("checksum %02X, computed %02X", want, sum & 0xFF));
      return;
    }
    // Numeric receiver suffix after the checksum: ",1357134218"
    if (time == NO_TIME && star + 3 < end && buf[star + 3] == ',') {
      time = trailingEpoch(buf, star + 4, end);
    }
    // Fields: count, number, seqid, channel, payload, fill
    int f = bang + 7;
    int c1 = indexOf(buf, f, star, (byte) ',');
    int c2 = c1 < 0 ? -1 : indexOf(buf, c1 + 1, star, (byte) ',');
    int c3 = c2 < 0 ? -1 : indexOf(buf, c2 + 1, star, (byte) ',');
    int c4 = c3 < 0 ? -1 : indexOf(buf, c3 + 1, star, (byte) ',');
    int c5 = c4 < 0 ? -1 : indexOf(buf, c4 + 1, star, (byte) ',');
    if (c5 < 0) {
      reject("nmea-missing-fields", "sentence", "expected 6 fields after the sentence name");
      return;
    }
    int count = digit(buf, f, c1);
    int number = digit(buf, c1 + 1, c2);
    if (count < 1 || number < 1 || number > count) {
      reject(
          "nmea-bad-fragment",
          "fragment",
          "fragment count/number must be digits 1-9 with number <= count");
      return;
    }
    int seq = c3 == c2 + 1 ? 10 : digit(buf, c2 + 1, c3);
    if (seq < 0) {
      reject("nmea-bad-sequence", "sequence", "sequence id must be empty or one digit");
      return;
    }
    char channel = c4 == c3 + 1 ? '?' : (char) (buf[c3 + 1] & 0xFF);
    int fill = digit(buf, c5 + 1, star);
    if (fill < 0 || fill > 5) {
      reject("nmea-bad-fill", "fill", "fill bits must be one digit 0-5");
      return;
    }
    int payloadStart = c4 + 1;
    int payloadLen = c5 - payloadStart;
    if (payloadLen > MAX_CHARS) {
      reject("nmea-payload-too-long", "payload", "payload longer than " + MAX_CHARS + " chars");
      return;
    }
    for (int i = payloadStart; i < c5; i++) {
      if (SixBit.dearmour(buf[i]) < 0) {
        reject(
            "nmea-bad-armour",
            "payload",
            "character '"
                + (char) (buf[i] & 0xFF)
                + "' at payload position "
                + (i - payloadStart + 1)
                + " is not six-bit armour");
        return;
      }
    }
    if (count == 1) {
      if (payloadLen == 0) {
        reject("nmea-empty-payload", "payload", "sentence carries no payload");
        return;
      }
      emit(buf, payloadStart, payloadLen, null, fill, channel, time);
      return;
    }
    int slot = seq * 4 + channelSlot(channel);
    Partial part = partials[slot];
    if (number == 1) {
      if (part != null && part.next > 0) {
        rejectAt(
            part.startLine,
            "nmea-incomplete",
            "fragment",
            "multi-sentence message dropped: fragment "
                + part.next
                + " of "
                + part.count
                + " never came");
      }
      if (part == null) {
        part = new Partial();
        partials[slot] = part;
      }
      part.length = 0;
      part.count = count;
      part.next = 1;
      part.startLine = lineNumber;
    } else if (part == null || part.next != number - 1 || part.count != count) {
      reject(
          "nmea-out-of-order",
          "fragment",
          "fragment " + number + " of " + count + " without the fragments before it");
      if (part != null) {
        part.next = 0;
      }
      return;
    }
    for (int i = payloadStart; i < c5; i++) {
      part.chars[part.length++] = (byte) SixBit.dearmour(buf[i]);
    }
    part.next = number;
    if (number == count) {
      part.next = 0;
      if (part.length == 0) {
        reject("nmea-empty-payload", "payload", "multi-sentence message carries no payload");
        return;
      }
      emit(null, 0, part.length, part.chars, fill, channel, time);
    }
  }

  /** Number of lines read so far. */
  public long lines() {
    return lineNumber;
  }

  /**
   * Lines that were neither AIS sentences nor blank nor comments (other NMEA such as {@code
   * $GPGGA}, or text): not broken AIS, but counted so that a feed of the wrong kind shows.
   */
  public long skipped() {
    return skipped;
  }

  /**
   * End of input: every multi-sentence message still waiting for fragments is reported as {@code
   * nmea-incomplete} at the line of its first fragment (a stream may end, or a receiver drop, in
   * the middle of one). Reading may go on afterwards.
   */
  public void finish() {
    for (int i = 0; i < partials.length; i++) {
      Partial part = partials[i];
      if (part != null && part.next > 0) {
        rejectAt(
            part.startLine,
            "nmea-incomplete",
            "fragment",
            "multi-sentence message dropped: input ended after fragment "
                + part.next
                + " of "
                + part.count);
        part.next = 0;
      }
    }
  }

  private void emit(
      byte[] armoured, int off, int chars, byte[] sixbits, int fill, char channel, long time) {
    int bits = chars * 6 - fill;
    if (bits <= 0) {
      reject("nmea-bad-fill", "fill", "fill bits leave no payload");
      return;
    }
    int nbytes = (chars * 6 + 7) / 8;
    java.util.Arrays.fill(packed, 0, nbytes + 1, (byte) 0);
    int acc = 0;
    int accBits = 0;
    int o = 0;
    for (int i = 0; i < chars; i++) {
      int v = sixbits != null ? sixbits[i] : SixBit.dearmour(armoured[off + i]);
      acc = (acc << 6) | v;
      accBits += 6;
      if (accBits >= 8) {
        accBits -= 8;
        packed[o++] = (byte) (acc >>> accBits);
        acc &= (1 << accBits) - 1;
      }
    }
    if (accBits > 0) {
      packed[o] = (byte) (acc << (8 - accBits));
    }
    Outcome<AisMessage> out = decoder.decode(Bits.of(packed, bits));
    switch (out) {
      case Outcome.Accepted<AisMessage> a -> sink.message(a.value(), channel, time);
      case Outcome.Rejected<AisMessage> r -> {
        for (Problem p : r.problems()) {
          sink.rejected(lineNumber, p);
        }
      }
    }
  }

  private void reject(String code, String field, String message) {
    sink.rejected(lineNumber, Problem.of(code, field, message));
  }

  private void rejectAt(long line, String code, String field, String message) {
    sink.rejected(line, Problem.of(code, field, message));
  }

  private static boolean looksLikeAis(byte[] buf, int from, int end) {
    for (int i = from; i + 3 < end; i++) {
      if (buf[i] == 'V' && buf[i + 1] == 'D' && (buf[i + 2] == 'M' || buf[i + 2] == 'O')) {
        return buf[i + 3] == ',';
      }
    }
    return false;
  }

  private static int channelSlot(char c) {
    return switch (c) {
      case 'A', '1' -> 0;
      case 'B', '2' -> 1;
      case '?' -> 2;
      default -> 3;
    };
  }

  private static int indexOf(byte[] buf, int from, int end, byte b) {
    for (int i = from; i < end; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] buf, int from, int end, byte b) {
    for (int i = end - 1; i >= from; i--) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int digit(byte[] buf, int from, int to) {
    if (to - from != 1) {
      return -1;
    }
    int d = buf[from] - '0';
    return d >= 0 && d <= 9 ? d : -1;
  }

  private static int hex2(byte[] buf, int at) {
    int h = Character.digit(buf[at], 16);
    int l = Character.digit(buf[at + 1], 16);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }

  /** A {@code c:} field that is not a plausible UNIX time (not digits, or before 2000). */
  private static final long BAD_TIME = Long.MIN_VALUE + 1;

  /** 2000-01-01T00:00:00Z: AIS receive times before it are corrupt, not history. */
  private static final long EARLIEST_SECOND = 946_684_800L;

  /**
   * Why the tag block in {@code buf[from, to)} (between its backslashes) cannot be trusted, or
   * null: NMEA 4.0 requires {@code *hh}, the XOR of the characters before the star.
   */
  private static Problem tagProblem(byte[] buf, int from, int to) {
    int star = indexOf(buf, from, to, (byte) '*');
    if (star < 0 || star + 3 != to) {
      return Problem.of(
          "nmea-tag-checksum", "tag-block", "tag block must end with a '*hh' checksum");
    }
    int want = hex2(buf, star + 1);
    int sum = 0;
    for (int i = from; i < star; i++) {
      sum ^= buf[i];
    }
    if (want < 0 || (sum & 0xFF) != want) {
      return Problem.of(
          "nmea-tag-checksum",
          "tag-block",
          String.format(
              "tag block checksum %s, computed %02X",
              new String(buf, star + 1, 2, StandardCharsets.ISO_8859_1), sum & 0xFF));
    }
    return null;
  }

  /**
   * The {@code c:} (UNIX time) field of a tag block, NO_TIME when there is none, BAD_TIME when it
   * is not digits or lies before 2000 (how far it may lie ahead depends on the reader's clock: the
   * caller checks that).
   */
  private static long tagTime(byte[] buf, int from, int to) {
    int star = indexOf(buf, from, to, (byte) '*');
    int end = star < 0 ? to : star;
    int i = from;
    while (i < end) {
      int comma = indexOf(buf, i, end, (byte) ',');
      int fe = comma < 0 ? end : comma;
      if (fe - i > 2 && buf[i] == 'c' && buf[i + 1] == ':') {
        long v = number(buf, i + 2, fe);
        if (v == NO_TIME) {
          return BAD_TIME;
        }
        if (v > 100_000_000_000L) {
          v /= 1000; // milliseconds
        }
        return v < EARLIEST_SECOND ? BAD_TIME : v;
      }
      i = fe + 1;
    }
    return NO_TIME;
  }

  private static long trailingEpoch(byte[] buf, int from, int end) {
    int comma = indexOf(buf, from, end, (byte) ',');
    int fe = comma < 0 ? end : comma;
    long v = number(buf, from, fe);
    return v != NO_TIME && v > 100_000_000L && v < 10_000_000_000L ? v : NO_TIME;
  }

  private static long number(byte[] buf, int from, int to) {
    if (to <= from || to - from > 18) {
      return NO_TIME;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return NO_TIME;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
