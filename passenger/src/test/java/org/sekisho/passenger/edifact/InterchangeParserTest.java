package org.sekisho.passenger.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InterchangeParserTest {
  private final InterchangeParser parser = new InterchangeParser();

  private Interchange accepted(String text) {
    Outcome<Interchange> o = parser.parse(text);
    assertThat(o.problems()).isEmpty();
    return o.orElseThrow();
  }

  @Test
  void defaultServiceCharactersApplyWithoutUna() {
    Interchange i =
        accepted(
            "UNB+UNOA:4+AIR1+DHS+070218:1545+42'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+42'");
    assertThat(i.serviceCharacters()).isEqualTo(ServiceCharacters.DEFAULT);
    assertThat(i.header()).get().extracting(InterchangeHeader::sender).isEqualTo("AIR1");
    assertThat(i.header().get().preparationDate()).isEqualTo("070218");
    EdifactMessage m = i.messages().get(0);
    assertThat(m.type()).isEqualTo("PAXLST");
    assertThat(m.version()).isEqualTo("D");
    assertThat(m.release()).isEqualTo("05B");
    assertThat(m.associationCode()).isEqualTo("IATA");
    assertThat(m.segments()).extracting(Segment::tag).containsExactly("BGM");
    assertThat(i.warnings()).isEmpty();
  }

  @Test
  void aValueHoldingANulIsLeftOutWithItsPositionAndTheSegmentKeepsItsPlace() {
    Interchange i =
        accepted(
            "UNB+IATA:1+X+Y+130523:2210+9'UNH+1+PNRGOV:13:1:IA'\nIFT+4:28+AB\u0000C+D?\u0000'"
                + "\u0000\u0000\nTIF+WOO+FEN'UNT+4+1'UNZ+1+9'");
    List<Segment> segments = i.messages().get(0).segments();
    assertThat(segments).extracting(Segment::tag).containsExactly("IFT", "TIF");
    assertThat(segments.get(0).value(1, 1)).isEqualTo("28");
    assertThat(segments.get(0).value(2)).isEmpty();
    assertThat(segments.get(0).value(3)).isEmpty();
    assertThat(segments.get(0).raw()).contains("AB\u0000C");
    assertThat(i.warnings())
        .extracting(Warning::code)
        .containsExactly("invalid-character", "invalid-character");
    assertThat(i.warnings().get(0).tag()).isEqualTo("IFT");
    assertThat(i.warnings().get(0).position().line()).isEqualTo(2);
    assertThat(i.warnings().get(0).message())
        .isEqualTo(
            "segment IFT element 2 contains a NUL character (U+0000), which cannot be stored;"
                + " remove it (at line 2, column 12); left out");
    assertThat(i.warnings().get(1).message()).contains("element 3").contains("column 17");
  }

  @Test
  void unaRedefinesEverySeparatorAndTheReleaseCharacter() {
    Interchange i =
        accepted(
            "UNA|*,!^~UNB*IATA|1*X*Y*130523|2210*9~UNH*1*PNRGOV|11|1|IA~"
                + "IFT*4|28*A!*B!~C^D|E~UNT*3*1~UNZ*1*9~");
    ServiceCharacters c = i.serviceCharacters();
    assertThat(c).isEqualTo(new ServiceCharacters('|', '*', ',', '!', '^', '~'));
    Segment ift = i.messages().get(0).segments().get(0);
    assertThat(ift.value(1, 1)).isEqualTo("28");
    assertThat(ift.element(2).repetitions()).hasSize(2);
    assertThat(ift.element(2).repetitions().get(0)).containsExactly("A*B~C");
    assertThat(ift.element(2).repetitions().get(1)).containsExactly("D", "E");
    assertThat(i.warnings()).isEmpty();
  }

  @Test
  void theReleaseCharacterKeepsSeparatorsAsData() {
    Interchange i =
        accepted("UNH+1+PNRGOV:13:1:IA'IFT+4:28+CTCE MOLLY..LOU?+50BB?:X?'Y??Z'UNT+3+1'");
    assertThat(i.messages().get(0).segments().get(0).value(2))
        .isEqualTo("CTCE MOLLY..LOU+50BB:X'Y?Z");
  }

  @Test
  void lineBreaksInsideASegmentAreWrappingNotData() {
    Interchange i =
        accepted("UNH+1+PNRGOV:11:1:IA+AUTZ0006SIN201305\r\n28'\n  TVL+1\n2'\nUNT+4+1'");
    EdifactMessage m = i.messages().get(0);
    assertThat(m.commonAccessReference()).isEqualTo("AUTZ0006SIN20130528");
    assertThat(m.segments().get(0).value(1)).isEqualTo("12");
  }

  @Test
  void everyWarningNamesTheSegmentLineAndColumn() {
    Interchange i =
        accepted(
            "UNB+IATA:1+A+B+130523:2210+7'\nUNH+1+PNRGOV:11:1:IA'\n  TVL+X'\nUNT+9+2'\nUNZ+2+8'");
    assertThat(i.warnings())
        .extracting(Warning::code)
        .containsExactly(
            "segment-count", "reference-mismatch", "message-count", "reference-mismatch");
    Warning count = i.warnings().get(0);
    assertThat(count.position()).isEqualTo(new Position(4, 4, 1, 61));
    assertThat(count.tag()).isEqualTo("UNT");
    assertThat(count.message()).contains("'9'").contains("3");
  }

  @Test
  void aFiveCharacterUnaWithoutDecimalMarkIsReadWithAWarning() {
    Interchange i =
        accepted(
            "UNA:+\\*'\nUNB+IATA:1+1A+KRC+130527:0754+0003'UNH+1+PNRGOV:11:1:IA'LTS+A \\*1A/E\\*'UNT+3+1'UNZ+1+0003'");
    assertThat(i.serviceCharacters())
        .isEqualTo(new ServiceCharacters(':', '+', '.', '\\', '*', '\''));
    assertThat(i.messages().get(0).segments().get(0).value(1)).isEqualTo("A *1A/E*");
    assertThat(i.warnings()).extracting(Warning::code).containsExactly("short-una");
  }

  @Test
  void aTypographicApostropheBeforeTheNextSegmentEndsTheSegment() {
    Interchange i = accepted("UNH+1+PNRGOV:11:1:IA'SSR+DOCS:HK/O\u2019BRIEN\u2019\nTVL+1'UNT+4+1'");
    assertThat(i.messages().get(0).segments())
        .extracting(Segment::tag)
        .containsExactly("SSR", "TVL");
    assertThat(i.messages().get(0).segments().get(0).value(1, 1)).isEqualTo("HK/O\u2019BRIEN");
    assertThat(i.warnings()).extracting(Warning::code).contains("typographic-terminator");
  }

  @Test
  void textThatIsNotASegmentIsSkippedAndTheRestKept() {
    Interchange i = accepted("UNH+1+PAXLST:D:05B:UN:IATA'bad text'BGM+745'UNT+3+1'13Nov09");
    assertThat(i.messages().get(0).segments()).extracting(Segment::tag).containsExactly("BGM");
    assertThat(i.warnings())
        .extracting(Warning::code)
        .contains("unreadable-segment", "missing-unb", "missing-unz");
    assertThat(i.warnings().get(0).message()).contains("bad text");
  }

  @Test
  void aMessageWithoutUntIsClosedAtTheNextUnh() {
    Interchange i = accepted("UNH+1+PNRGOV:11:1:IA'SRC'UNH+2+PNRGOV:11:1:IA'SRC'UNT+3+2'");
    assertThat(i.messages()).extracting(EdifactMessage::reference).containsExactly("1", "2");
    assertThat(i.warnings()).extracting(Warning::code).contains("missing-unt");
  }

  @Test
  void aDanglingReleaseCharacterAtTheEndIsAWarningNotACrash() {
    Interchange i = accepted("UNH+1+PNRGOV:11:1:IA'IFT+4:28+TEXT?");
    assertThat(i.messages().get(0).segments().get(0).value(2)).isEqualTo("TEXT");
    assertThat(i.warnings()).extracting(Warning::code).contains("dangling-release");
  }

  @Test
  void textWithoutAnyMessageIsRejectedWithTheReason() {
    assertThat(parser.parse("").problems())
        .extracting(p -> p.code())
        .containsExactly("empty-interchange");
    assertThat(parser.parse("UNB+UNOA:4+A+B+070218:1545+1'UNZ+0+1'").problems())
        .extracting(p -> p.code())
        .containsExactly("no-message");
    assertThat(parser.parse("hello world").problems().get(0).message()).contains("UNH");
  }

  @Test
  void aReleaseCharacterDanglingBeforeALineEndingTerminatorDoesNotSwallowTheNextSegment() {
    Interchange i =
        accepted("UNH+1+PNRGOV:11:1:IA'\nIFT+4:28+FREE TEXT?'\nTVL+1'\nIFT+4:28+IT?'S'\nUNT+5+1'");
    assertThat(i.messages().get(0).segments())
        .extracting(Segment::tag)
        .containsExactly("IFT", "TVL", "IFT");
    assertThat(i.messages().get(0).segments().get(0).value(2)).isEqualTo("FREE TEXT");
    assertThat(i.messages().get(0).segments().get(2).value(2)).isEqualTo("IT'S");
    assertThat(i.warnings())
        .extracting(Warning::code)
        .containsExactly("dangling-release", "missing-unb", "missing-unz");
    assertThat(i.warnings().get(0).position().line()).isEqualTo(2);
  }
}
