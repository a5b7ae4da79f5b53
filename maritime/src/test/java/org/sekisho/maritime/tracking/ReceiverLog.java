package org.sekisho.maritime.tracking;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.ais.AisMessage;

/**
 * A shore receiver's log as the tests feed it: NMEA sentences, each behind the NMEA 4.0 tag block
 * that carries its time of receipt, in the order written.
 */
final class ReceiverLog {
  private final StringBuilder out = new StringBuilder();
  private final AisEncoder enc = new AisEncoder();

  /**
   * A class A position report (message 1).
   *
   * @param status the navigational status (0 under way using engine, 1 at anchor)
   * @param tenthsOfKnots speed over ground
   * @param tenthsOfDegrees course over ground (the heading is the same, in whole degrees)
   */
  ReceiverLog position(
      int mmsi,
      int status,
      double lat,
      double lon,
      int tenthsOfKnots,
      int tenthsOfDegrees,
      long second) {
    return write(
        new AisMessage.PositionReport(
            1,
            0,
            mmsi,
            status,
            0,
            tenthsOfKnots,
            true,
            (int) Math.round(lon * 600000),
            (int) Math.round(lat * 600000),
            tenthsOfDegrees,
            tenthsOfDegrees / 10,
            (int) (second % 60),
            0,
            0,
            false,
            0),
        second);
  }

  /**
   * Static and voyage data (message 5) of a 70 m vessel bound for Tokyo, call sign from its MMSI.
   *
   * @param imo the IMO number, 0 for none
   * @param shipType the AIS ship type (30 fishing, 70 cargo)
   */
  ReceiverLog staticData(int mmsi, int imo, String name, int shipType, long second) {
    return write(
        new AisMessage.StaticVoyageData(
            0,
            mmsi,
            0,
            imo,
            "JS" + mmsi % 10000,
            name,
            shipType,
            50,
            20,
            5,
            5,
            1,
            11,
            28,
            12,
            0,
            60,
            "TOKYO",
            0,
            0),
        second);
  }

  private ReceiverLog write(AisMessage m, long second) {
    for (String s : enc.sentences(m, 'A', (int) (second % 10), false)) {
      out.append(AisEncoder.withReceiveTime(s, second)).append('\n');
    }
    return this;
  }

  ByteArrayInputStream stream() {
    return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
