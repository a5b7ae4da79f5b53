package org.sekisho.maritime.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.maritime.domain.ais.AisMessage.PositionReport;
import org.sekisho.maritime.domain.ais.AisMessage.StaticVoyageData;
import org.sekisho.maritime.domain.ais.Bits;
import org.sekisho.maritime.domain.nmea.AivdmReader;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AivdmReaderTest {

  @Test
  void aSentenceWithAWrongChecksumIsRejectedNamingBothChecksums() {
    Collect c = Collect.read("!AIVDM,1,1,,A,13@nePh01>PjcO4PGReoJEmL0HJg,0*67");
    assertThat(c.messages).isEmpty();
    assertThat(c.problems).extracting(Problem::code).containsExactly("nmea-checksum-mismatch");
    assertThat(c.problems.get(0).message()).contains("67").contains("7E");
  }

  @Test
  void aSentenceWrittenBehindItsReceiveTimeIsReadAtThatTime() {
    String line =
        org.sekisho.maritime.domain.ais.AisEncoder.withReceiveTime(
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", 1_764_201_600L);
    // the tag block's checksum is the XOR of "c:1764201600"
    assertThat(line)
        .isEqualTo("\\c:1764201600*58\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    Collect c = Collect.read(line);
    assertThat(c.problems).isEmpty();
    assertThat(c.times).containsExactly(1_764_201_600L);
  }

  @Test
  void aLineHoldingANulIsBrokenWhereverTheNulIsAndTheNextLinesAreRead() {
    // a NUL leaves an NMEA checksum as it is, so without the check these lines would decode
    Collect c =
        Collect.read(
            "\u0000!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "!AIVDM,1,1,,\u0000,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "# a comment\u0000",
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    assertThat(c.messages).hasSize(1);
    assertThat(c.problems)
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.code()).isEqualTo("nmea-nul");
              assertThat(p.message()).isEqualTo(AivdmReader.NUL_MESSAGE);
            });
  }

  @Test
  void twoMultiSentenceMessagesInterleavedOnDifferentChannelsBothDecode() {
    Collect c =
        Collect.read(
            "!AIVDM,2,1,6,B,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht50000000000,0*3B",
            "!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C",
            "!AIVDM,2,2,2,A,0000002,2*24",
            "!AIVDM,2,2,6,B,00000000000,2*21");
    assertThat(c.problems).isEmpty();
    assertThat(c.messages).hasSize(2).allSatisfy(m -> assertThat(m.mmsi()).isEqualTo(271010059));
    assertThat(Bits.trim(((StaticVoyageData) c.messages.get(0)).shipname()))
        .isEqualTo("HEALTH CONTROL 13");
  }

  @Test
  void aTagBlockAndAReceiverSuffixGiveTheReceiveTime() {
    Collect c =
        Collect.read(
            "\\s:b:2,c:1364272372*57\\!AIVDM,1,1,,C,18153ogP?w1dD@@`JiRN4?wp0000,0*48",
            "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E,1357134218");
    assertThat(c.problems).isEmpty();
    assertThat(c.times).containsExactly(1364272372L, 1357134218L);
  }

  @Test
  void aLostFragmentIsReportedAndTheNextMessageStillDecodes() {
    Collect c =
        Collect.read(
            "!AIVDM,2,1,3,A,802R5Ph0Bk@Ch@Fln<ljQhs2HGwwwwwwwwwwwwwwwwwwwwwwwwwwwwww,0*48",
            fixChecksum("!AIVDM,2,2,4,A,wwt,2"),
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    assertThat(c.problems).extracting(Problem::code).contains("nmea-out-of-order");
    assertThat(c.messages).hasSize(1);
    PositionReport p = (PositionReport) c.messages.get(0);
    assertThat(p.mmsi()).isEqualTo(371798000);
    assertThat(p.lonDegrees()).isCloseTo(-123.3953833, org.assertj.core.data.Offset.offset(1e-7));
  }

  @Test
  void badArmourAndBadFillAreRejectedWithTheirPosition() {
    Collect c =
        Collect.read(
            "!AIVDM,1,1,,A,15RTgt0PA{o;90TKcjM8h6g208CQ,0*11",
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,7*4D");
    assertThat(c.problems).extracting(Problem::code).contains("nmea-bad-fill");
    assertThat(c.messages).isEmpty();
    Collect armour = Collect.read(fixChecksum("!AIVDM,1,1,,A,15RTgt0PA{o;90TKcjM8h6g208CQ,0"));
    assertThat(armour.problems.get(0).message()).contains("payload position 10");
  }

  @Test
  void otherNmeaSentencesAndCommentsAreIgnoredSilently() {
    Collect c = Collect.read("# comment", "", "$GPGGA,213950.00,5250.53669,N*7B", "$PGHP,1*17");
    assertThat(c.messages).isEmpty();
    assertThat(c.problems).isEmpty();
  }

  static String fixChecksum(String withoutStar) {
    int sum = 0;
    for (int i = 1; i < withoutStar.length(); i++) {
      sum ^= withoutStar.charAt(i);
    }
    return withoutStar + "*" + String.format("%02X", sum);
  }
}
