package org.sekisho.passenger.pnr.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.domain.BookingDetails;
import org.sekisho.passenger.pnr.domain.Passenger;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;

/**
 * The details the traveller page shows, read back from records stored as JSON: what the parser read
 * from every corpus message, nothing lost or invented on the way through storage.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PnrRecordJsonTest {
  private static final PnrgovParser PARSER =
      new PnrgovParser(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  static List<String> pnrFiles() {
    return Corpus.pnrFiles();
  }

  @ParameterizedTest
  @MethodSource("pnrFiles")
  void everyCorpusRecordReadsBackWithTheDetailsTheParserFound(String file) {
    PnrPush push = PARSER.parse(Corpus.text(file)).orElseThrow();
    for (PnrMessage m : push.messages()) {
      for (Pnr p : m.pnrs()) {
        BookingDetails d =
            PnrRecordJson.details(JsonText.write(PnrJson.pnr(p, m, false))).orElseThrow();
        String what = file + " " + p.recordLocator();
        assertThat(d.created()).as(what).isEqualTo(p.created());
        assertThat(d.lastModified()).as(what).isEqualTo(p.lastModified());
        assertThat(d.itinerary()).as(what).isEqualTo(p.itinerary());
        assertThat(d.phones()).as(what).isEqualTo(p.phones());
        assertThat(d.emails()).as(what).isEqualTo(p.emails());
        assertThat(d.passengers()).as(what).hasSameSizeAs(p.passengers());
        for (int i = 0; i < p.passengers().size(); i++) {
          Passenger x = p.passengers().get(i);
          BookingDetails.PassengerPart y = d.passengers().get(i);
          assertThat(y.referenceNumber()).as(what).isEqualTo(x.referenceNumber());
          assertThat(y.bags()).as(what).isEqualTo(x.bags());
          assertThat(y.seats()).as(what).isEqualTo(x.seats());
          assertThat(y.bagCount()).as(what).isEqualTo(x.bagCount());
        }
        boolean named =
            p.booking() != null
                && !(p.booking().system()
                        + p.booking().agencyNumber()
                        + p.booking().officeId()
                        + p.booking().originatorType()
                        + p.booking().country())
                    .isBlank();
        if (named) {
          assertThat(d.office()).as(what).isEqualTo(p.booking());
        }
      }
    }
  }

  @Test
  void aRecordStoredBeforeArrivalDatesWereMarkedIsNotTakenToHaveSentThem() {
    String old =
        "{\"recordLocator\":\"W9TEND\",\"created\":\"2013-05-23T18:13:48\",\"itinerary\":"
            + "[{\"carrier\":\"TZ\",\"number\":\"0006\",\"origin\":\"SIN\",\"destination\":\"OOL\","
            + "\"departure\":\"2013-05-28T22:25:00\",\"arrival\":\"2013-05-29T07:50:00\"}],"
            + "\"phones\":[{\"type\":null,\"number\":\"5555555555\",\"text\":\"H5555555555\"}],"
            + "\"passengers\":[{\"referenceNumber\":\"43576\"}]}";
    BookingDetails d = PnrRecordJson.details(old).orElseThrow();
    assertThat(d.created()).isEqualTo(LocalDateTime.of(2013, 5, 23, 18, 13, 48));
    assertThat(d.itinerary().get(0).arrivalDateInferred()).isTrue();
    assertThat(d.phones().get(0).passengerReference()).isEmpty();
    assertThat(d.phonesOf(d.passengers().get(0))).hasSize(1);
    assertThat(d.office()).isNull();
    assertThat(PnrRecordJson.details("")).isEmpty();
    assertThat(PnrRecordJson.details("not json")).isEmpty();
  }
}
