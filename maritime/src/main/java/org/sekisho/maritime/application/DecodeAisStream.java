package org.sekisho.maritime.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sekisho.core.Problem;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.maritime.domain.nmea.AivdmReader;

/**
 * Use case: decode a stream of NMEA AIS sentences (a file, a receiver log) and hand every message
 * to a {@link MessageHandler}, counting broken sentences by reason. Streams: memory use does not
 * grow with the input. Broken input never stops the stream.
 */
public final class DecodeAisStream {

  /** Port: where decoded messages go. */
  @FunctionalInterface
  public interface MessageHandler {
    void handle(AisMessage message, char channel, long epochSecond);
  }

  /**
   * Port: a rule on a sentence's receive time (from a tag block or receiver suffix), such as "not
   * ahead of our clock"; a time it refuses makes the sentence broken, so it never reaches a
   * vessel's track.
   */
  @FunctionalInterface
  public interface TimeCheck {
    /** Why {@code epochSecond} cannot be a receive time, or empty. */
    java.util.Optional<Problem> check(long epochSecond);

    /** Takes every time. */
    TimeCheck ANY = t -> java.util.Optional.empty();
  }

  /** A broken sentence: its line number and why. */
  public record Broken(long line, Problem problem) {}

  /**
   * What a run found.
   *
   * @param lines lines read
   * @param messages messages decoded
   * @param brokenByCode number of broken sentences per problem code
   * @param examples the first broken sentences (at most {@code maxExamples})
   * @param skipped lines that were not AIS at all (other NMEA, text), neither decoded nor broken
   */
  public record Summary(
      long lines,
      long messages,
      Map<String, Long> brokenByCode,
      List<Broken> examples,
      long skipped) {
    public Summary {
      brokenByCode = Collections.unmodifiableMap(new TreeMap<>(brokenByCode));
      examples = List.copyOf(examples);
    }

    public Summary(
        long lines, long messages, Map<String, Long> brokenByCode, List<Broken> examples) {
      this(lines, messages, brokenByCode, examples, 0);
    }

    /** Total broken sentences. */
    public long broken() {
      return brokenByCode.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final int maxExamples;
  private final java.util.function.Consumer<Broken> onBroken;

  /**
   * @param maxExamples how many broken sentences to keep with their reasons
   */
  public DecodeAisStream(int maxExamples) {
    this(maxExamples, b -> {});
  }

  /**
   * @param maxExamples how many broken sentences to keep with their reasons
   * @param onBroken told of every broken sentence as it is found (a live feed's stream may never
   *     end, so its summary may never come)
   */
  public DecodeAisStream(int maxExamples, java.util.function.Consumer<Broken> onBroken) {
    this.maxExamples = maxExamples;
    this.onBroken = onBroken;
  }

  /** Reads {@code in} to its end taking every receive time; the caller owns and closes it. */
  public Summary run(InputStream in, MessageHandler handler) throws IOException {
    return run(in, handler, TimeCheck.ANY);
  }

  /**
   * Reads {@code in} to its end; the caller owns and closes it. A message whose receive time {@code
   * times} refuses is counted broken under the check's code and not handed on; a multi-sentence
   * message still incomplete at the end is counted broken ({@code nmea-incomplete}).
   */
  public Summary run(InputStream in, MessageHandler handler, TimeCheck times) throws IOException {
    Map<String, Long> broken = new TreeMap<>();
    List<Broken> examples = new ArrayList<>();
    long[] messages = {0};
    AivdmReader[] self = new AivdmReader[1];
    AivdmReader reader =
        new AivdmReader(
            new AivdmReader.Sink() {
              @Override
              public void message(AisMessage message, char channel, long epochSecond) {
                if (epochSecond != AivdmReader.NO_TIME) {
                  var refused = times.check(epochSecond);
                  if (refused.isPresent()) {
                    rejected(self[0].lines(), refused.get());
                    return;
                  }
                }
                messages[0]++;
                handler.handle(message, channel, epochSecond);
              }

              @Override
              public void rejected(long line, Problem problem) {
                broken.merge(problem.code(), 1L, Long::sum);
                Broken b = new Broken(line, problem);
                if (examples.size() < maxExamples) {
                  examples.add(b);
                }
                onBroken.accept(b);
              }
            });
    self[0] = reader;
    byte[] buf = new byte[1 << 16];
    int start = 0;
    int filled = 0;
    int r;
    while ((r = in.read(buf, filled, buf.length - filled)) > 0) {
      filled += r;
      int i = start;
      while (true) {
        int nl = -1;
        for (int j = i; j < filled; j++) {
          if (buf[j] == '\n') {
            nl = j;
            break;
          }
        }
        if (nl < 0) {
          break;
        }
        reader.line(buf, i, nl - i);
        i = nl + 1;
      }
      // keep the unfinished line at the front of the buffer
      int rest = filled - i;
      if (rest == buf.length) {
        // a line longer than the buffer: hand over what we have, it will be rejected
        reader.line(buf, 0, rest);
        rest = 0;
        i = filled;
      }
      System.arraycopy(buf, i, buf, 0, rest);
      start = 0;
      filled = rest;
    }
    if (filled > 0) {
      reader.line(buf, 0, filled);
    }
    reader.finish();
    return new Summary(reader.lines(), messages[0], broken, examples, reader.skipped());
  }
}
