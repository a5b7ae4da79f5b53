package org.sekisho.maritime.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.maritime.adapter.json.GpsdJsonWriter;
import org.sekisho.maritime.domain.ais.AisMessage;

/**
 * Mutated real sentences must never make the reader throw: each line gives messages or clear
 * rejections (a code and a message), and every decoded message can be written as JSON.
 */
class AivdmFuzzProperties {
  static final List<String> SEEDS =
      List.of(
          "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
          "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
          "!AIVDM,2,2,1,A,88888888880,2*25",
          "!AIVDM,1,1,,B,8>jR06@0Bk3:wOli;<`WPhh<1rqVBQf2V@Pdt0J82avIM2b<<Rv1t<ot=@1,2*54",
          "!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47",
          "!AIVDM,1,1,,A,6h2E:81>NmKC04p0J<000?vv20Ru,0*31",
          "!AIVDM,1,1,,A,JB3R0GO7p>vQL8tjw0b5hqpd0706kh9d3lR2vbl0400,2*40",
          "\\s:b:2,c:1364272372*57\\!AIVDM,1,1,,C,18153ogP?w1dD@@`JiRN4?wp0000,0*48",
          "!AIVDM,1,1,,B,H42O55lti4hhhilD3nink000?050,0*40",
          "!AIVDM,1,1,,A,E>jHC;`0b:1@8h11Hb0000000000:?P1P6v10:P3h,4*49");

  @Provide
  Arbitrary<List<String>> mutatedLines() {
    Arbitrary<String> mutated =
        Arbitraries.of(SEEDS)
            .flatMap(
                seed ->
                    Arbitraries.integers()
                        .between(0, seed.length() - 1)
                        .list()
                        .ofMaxSize(4)
                        .flatMap(
                            positions ->
                                Arbitraries.chars()
                                    .range((char) 0, (char) 255)
                                    .list()
                                    .ofSize(positions.size())
                                    .map(
                                        chars -> {
                                          char[] c = seed.toCharArray();
                                          for (int i = 0; i < positions.size(); i++) {
                                            c[positions.get(i)] = chars.get(i);
                                          }
                                          return new String(c);
                                        })));
    Arbitrary<String> truncated =
        Arbitraries.of(SEEDS)
            .flatMap(
                s -> Arbitraries.integers().between(0, s.length()).map(n -> s.substring(0, n)));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
    return Arbitraries.oneOf(mutated, truncated, noise, Arbitraries.of(SEEDS)).list().ofMaxSize(8);
  }

  @Property(tries = 3000)
  void readerNeverThrowsAndRejectsWithAReason(@ForAll("mutatedLines") List<String> lines) {
    Collect c = new Collect();
    var reader = new org.sekisho.maritime.domain.nmea.AivdmReader(c);
    for (String l : lines) {
      byte[] b = l.getBytes(StandardCharsets.ISO_8859_1);
      reader.line(b, 0, b.length);
    }
    assertThat(c.problems)
        .allSatisfy(
            p -> {
              assertThat(p.code()).isNotBlank();
              assertThat(p.message()).isNotBlank();
            });
    GpsdJsonWriter writer = new GpsdJsonWriter("stdin");
    for (AisMessage m : c.messages) {
      writer.write(m, new StringBuilder());
    }
  }

  @Property(tries = 2000)
  void randomPayloadBitsDecodeOrAreRejectedNeverThrow(
      @ForAll("payloads") String payload, @ForAll("fills") int fill) {
    String body = "AIVDM,1,1,,A," + payload + "," + fill;
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum ^= body.charAt(i);
    }
    Collect c = Collect.read("!" + body + "*" + String.format("%02X", sum));
    assertThat(c.messages.size() + c.problems.size()).isEqualTo(1);
    for (AisMessage m : c.messages) {
      new GpsdJsonWriter("").write(m, new StringBuilder());
      new org.sekisho.maritime.domain.ais.AisEncoder().encode(m);
    }
  }

  @Provide
  Arbitrary<String> payloads() {
    return Arbitraries.strings()
        .withChars("0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw")
        .ofMinLength(1)
        .ofMaxLength(180);
  }

  @Provide
  Arbitrary<Integer> fills() {
    return Arbitraries.integers().between(0, 5);
  }
}
