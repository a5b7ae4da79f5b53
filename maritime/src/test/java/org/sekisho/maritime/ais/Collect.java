package org.sekisho.maritime.ais;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Problem;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.maritime.domain.nmea.AivdmReader;

/** Test sink that keeps everything the reader reports. */
final class Collect implements AivdmReader.Sink {
  final List<AisMessage> messages = new ArrayList<>();
  final List<Long> times = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();

  @Override
  public void message(AisMessage message, char channel, long epochSecond) {
    messages.add(message);
    times.add(epochSecond);
  }

  @Override
  public void rejected(long line, Problem problem) {
    problems.add(problem);
  }

  static Collect read(String... lines) {
    Collect c = new Collect();
    AivdmReader r = new AivdmReader(c);
    for (String l : lines) {
      r.line(l);
    }
    return c;
  }
}
