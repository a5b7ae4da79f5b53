package org.sekisho.maritime.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.maritime.domain.ais.AisDecoder;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.maritime.domain.ais.Bits;
import org.sekisho.maritime.domain.ais.SixBit;
import org.sekisho.maritime.domain.nmea.AivdmReader;

/** DMA AisLib's DecodeTest/EncodeTest data: decode, encode again, compare six-bit payloads. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RoundTripTest {
  static final Set<Integer> POSITION_BASE_STATIC = Set.of(1, 2, 3, 4, 5, 18, 19, 21, 24);

  record Sentence(AisMessage message, String payload, int fill) {}

  static List<Sentence> readWithPayloads(String resource) throws IOException {
    List<Sentence> out = new ArrayList<>();
    StringBuilder payload = new StringBuilder();
    int[] fill = {0};
    AivdmReader reader =
        new AivdmReader(
            new AivdmReader.Sink() {
              @Override
              public void message(AisMessage m, char ch, long t) {
                out.add(new Sentence(m, payload.toString(), fill[0]));
              }

              @Override
              public void rejected(long line, Problem p) {}
            });
    try (InputStream in = RoundTripTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n")) {
        String[] f = line.trim().split(",");
        if (f.length >= 7 && f[0].endsWith("VDM")) {
          if ("1".equals(f[2])) {
            payload.setLength(0);
          }
          payload.append(f[5]);
          fill[0] = Character.digit(f[6].charAt(0), 10);
        }
        reader.line(line);
      }
    }
    return out;
  }

  static String armour(Bits bits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < (bits.length() + 5) / 6; i++) {
      sb.append(SixBit.armour(bits.u(i * 6, 6)));
    }
    return sb.toString();
  }

  @Test
  void positionBaseStationAndStaticMessagesReEncodeToTheSamePayload() throws IOException {
    List<Sentence> all = readWithPayloads("/ais/dma/decode_encode_messages.txt");
    AisEncoder encoder = new AisEncoder();
    List<String> different = new ArrayList<>();
    int checked = 0;
    for (Sentence s : all) {
      if (!POSITION_BASE_STATIC.contains(s.message().type())) {
        continue;
      }
      checked++;
      String again = armour(encoder.encode(s.message()));
      String original = s.payload();
      if (!again.equals(original)) {
        different.add(s.message().type() + ": " + original + " -> " + again);
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(different).isEmpty();
  }

  @Test
  void everyMessageDecodesToTheSameValueAfterEncoding() throws IOException {
    AisEncoder encoder = new AisEncoder();
    AisDecoder decoder = new AisDecoder();
    List<String> different = new ArrayList<>();
    int n = 0;
    for (String resource :
        List.of(
            "/ais/dma/decode_encode_messages.txt",
            "/ais/dma/ais250.txt",
            "/ais/gpsd/sample.aivdm")) {
      for (Sentence s : readWithPayloads(resource)) {
        n++;
        AisMessage again = decoder.decode(encoder.encode(s.message())).orElseThrow();
        if (!again.equals(s.message())) {
          different.add(s.message() + " -> " + again);
        }
      }
    }
    assertThat(n).isGreaterThan(400);
    assertThat(different).isEmpty();
  }

  @Test
  void encodedSentencesCarryAValidChecksumAndSplitAfterSixtyCharacters() throws IOException {
    AisEncoder encoder = new AisEncoder();
    for (Sentence s : readWithPayloads("/ais/dma/decode_encode_messages.txt")) {
      List<String> sentences = encoder.sentences(s.message(), 'A', 3, false);
      Collect c = Collect.read(sentences.toArray(String[]::new));
      assertThat(c.problems).isEmpty();
      assertThat(c.messages).containsExactly(s.message());
    }
  }
}
