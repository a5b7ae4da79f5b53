package org.sekisho.maritime.domain.ais;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.maritime.domain.ais.AisMessage.Acknowledge;
import org.sekisho.maritime.domain.ais.AisMessage.AddressedBinary;
import org.sekisho.maritime.domain.ais.AisMessage.AddressedSafety;
import org.sekisho.maritime.domain.ais.AisMessage.AidToNavigation;
import org.sekisho.maritime.domain.ais.AisMessage.AssignedModeCommand;
import org.sekisho.maritime.domain.ais.AisMessage.BaseStationReport;
import org.sekisho.maritime.domain.ais.AisMessage.BroadcastBinary;
import org.sekisho.maritime.domain.ais.AisMessage.ChannelManagement;
import org.sekisho.maritime.domain.ais.AisMessage.ClassBPosition;
import org.sekisho.maritime.domain.ais.AisMessage.DataLinkManagement;
import org.sekisho.maritime.domain.ais.AisMessage.ExtendedClassBPosition;
import org.sekisho.maritime.domain.ais.AisMessage.GnssBroadcast;
import org.sekisho.maritime.domain.ais.AisMessage.GroupAssignment;
import org.sekisho.maritime.domain.ais.AisMessage.Interrogation;
import org.sekisho.maritime.domain.ais.AisMessage.LongRangeBroadcast;
import org.sekisho.maritime.domain.ais.AisMessage.MultiSlotBinary;
import org.sekisho.maritime.domain.ais.AisMessage.PositionReport;
import org.sekisho.maritime.domain.ais.AisMessage.Reservation;
import org.sekisho.maritime.domain.ais.AisMessage.SafetyBroadcast;
import org.sekisho.maritime.domain.ais.AisMessage.SarAircraftPosition;
import org.sekisho.maritime.domain.ais.AisMessage.SingleSlotBinary;
import org.sekisho.maritime.domain.ais.AisMessage.StaticDataReportA;
import org.sekisho.maritime.domain.ais.AisMessage.StaticDataReportB;
import org.sekisho.maritime.domain.ais.AisMessage.StaticVoyageData;
import org.sekisho.maritime.domain.ais.AisMessage.UtcDateInquiry;

/**
 * Encodes an {@link AisMessage} back into payload bits and NMEA sentences. Binary messages are
 * written from their raw data bits, so decode-then-encode is exact for them; text fields are padded
 * with '@' to their full width. Stateless and thread-safe.
 */
public final class AisEncoder {

  /** The payload bits of {@code m}. */
  public Bits encode(AisMessage m) {
    W w = new W();
    w.put(m.type(), 6).put(m.repeat(), 2).put(m.mmsi(), 30);
    switch (m) {
      case PositionReport p ->
          w.put(p.status(), 4)
              .put(p.turn(), 8)
              .put(p.speed(), 10)
              .flag(p.accuracy())
              .put(p.lon(), 28)
              .put(p.lat(), 27)
              .put(p.course(), 12)
              .put(p.heading(), 9)
              .put(p.second(), 6)
              .put(p.maneuver(), 2)
              .put(p.spare(), 3)
              .flag(p.raim())
              .put(p.radio(), 19);
      case BaseStationReport p ->
          w.put(p.year(), 14)
              .put(p.month(), 4)
              .put(p.day(), 5)
              .put(p.hour(), 5)
              .put(p.minute(), 6)
              .put(p.second(), 6)
              .flag(p.accuracy())
              .put(p.lon(), 28)
              .put(p.lat(), 27)
              .put(p.epfd(), 4)
              .put(p.spare(), 10)
              .flag(p.raim())
              .put(p.radio(), 19);
      case StaticVoyageData p ->
          w.put(p.aisVersion(), 2)
              .put(p.imo(), 30)
              .text(p.callsign(), 7)
              .text(p.shipname(), 20)
              .put(p.shiptype(), 8)
              .put(p.toBow(), 9)
              .put(p.toStern(), 9)
              .put(p.toPort(), 6)
              .put(p.toStarboard(), 6)
              .put(p.epfd(), 4)
              .put(p.month(), 4)
              .put(p.day(), 5)
              .put(p.hour(), 5)
              .put(p.minute(), 6)
              .put(p.draught(), 8)
              .text(p.destination(), 20)
              .put(p.dte(), 1)
              .put(p.spare(), 1);
      case AddressedBinary p ->
          w.put(p.seqno(), 2)
              .put(p.destMmsi(), 30)
              .flag(p.retransmit())
              .put(p.spare(), 1)
              .put(p.dac(), 10)
              .put(p.fid(), 6)
              .bits(p.data());
      case Acknowledge p -> {
        w.put(p.spare(), 2);
        for (int a : p.acknowledged()) {
          w.put(a, 30).put(0, 2);
        }
      }
      case BroadcastBinary p -> w.put(p.spare(), 2).put(p.dac(), 10).put(p.fid(), 6).bits(p.data());
      case SarAircraftPosition p ->
          w.put(p.alt(), 12)
              .put(p.speed(), 10)
              .flag(p.accuracy())
              .put(p.lon(), 28)
              .put(p.lat(), 27)
              .put(p.course(), 12)
              .put(p.second(), 6)
              .put(p.regional(), 8)
              .put(p.dte(), 1)
              .put(p.spare(), 3)
              .flag(p.assigned())
              .flag(p.raim())
              .put(p.radio(), 20);
      case UtcDateInquiry p -> w.put(p.spare(), 2).put(p.destMmsi(), 30).put(p.spare2(), 2);
      case AddressedSafety p ->
          w.put(p.seqno(), 2)
              .put(p.destMmsi(), 30)
              .flag(p.retransmit())
              .put(p.spare(), 1)
              .text(p.text(), p.text().length());
      case SafetyBroadcast p -> w.put(p.spare(), 2).text(p.text(), p.text().length());
      case Interrogation p -> {
        w.put(0, 2).put(p.mmsi1(), 30).put(p.type11(), 6).put(p.offset11(), 12);
        if (p.bitLength() > 90) {
          w.put(0, 2).put(p.type12(), 6).put(p.offset12(), 12);
        }
        if (p.bitLength() >= 158) {
          w.put(0, 2).put(p.mmsi2(), 30).put(p.type21(), 6).put(p.offset21(), 12);
        }
        while (w.n < p.bitLength()) {
          w.put(0, 1);
        }
        return Bits.of(w.buf, p.bitLength());
      }
      case AssignedModeCommand p -> {
        w.put(0, 2).put(p.mmsi1(), 30).put(p.offset1(), 12).put(p.increment1(), 10);
        if (p.second()) {
          w.put(p.mmsi2(), 30).put(p.offset2(), 12).put(p.increment2(), 10);
        } else {
          w.put(0, 4);
        }
      }
      case GnssBroadcast p ->
          w.put(0, 2).put(p.lon(), 18).put(p.lat(), 17).put(0, 5).bits(p.data());
      case ClassBPosition p ->
          w.put(p.reserved(), 8)
              .put(p.speed(), 10)
              .flag(p.accuracy())
              .put(p.lon(), 28)
              .put(p.lat(), 27)
              .put(p.course(), 12)
              .put(p.heading(), 9)
              .put(p.second(), 6)
              .put(p.regional(), 2)
              .flag(p.cs())
              .flag(p.display())
              .flag(p.dsc())
              .flag(p.band())
              .flag(p.msg22())
              .flag(p.assigned())
              .flag(p.raim())
              .put(p.radio(), 20);
      case ExtendedClassBPosition p ->
          w.put(p.reserved(), 8)
              .put(p.speed(), 10)
              .flag(p.accuracy())
              .put(p.lon(), 28)
              .put(p.lat(), 27)
              .put(p.course(), 12)
              .put(p.heading(), 9)
              .put(p.second(), 6)
              .put(p.regional(), 4)
              .text(p.shipname(), 20)
              .put(p.shiptype(), 8)
              .put(p.toBow(), 9)
              .put(p.toStern(), 9)
              .put(p.toPort(), 6)
              .put(p.toStarboard(), 6)
              .put(p.epfd(), 4)
              .flag(p.raim())
              .put(p.dte(), 1)
              .flag(p.assigned())
              .put(p.spare(), 4);
      case DataLinkManagement p -> {
        w.put(p.spare(), 2);
        for (Reservation r : p.reservations()) {
          w.put(r.offset(), 12).put(r.number(), 4).put(r.timeout(), 3).put(r.increment(), 11);
        }
        while (w.n % 8 != 0) {
          w.put(0, 1);
        }
      }
      case AidToNavigation p -> {
        String name = p.name();
        w.put(p.aidType(), 5)
            .text(name.length() > 20 ? name.substring(0, 20) : name, 20)
            .flag(p.accuracy())
            .put(p.lon(), 28)
            .put(p.lat(), 27)
            .put(p.toBow(), 9)
            .put(p.toStern(), 9)
            .put(p.toPort(), 6)
            .put(p.toStarboard(), 6)
            .put(p.epfd(), 4)
            .put(p.second(), 6)
            .flag(p.offPosition())
            .put(p.regional(), 8)
            .flag(p.raim())
            .flag(p.virtualAid())
            .flag(p.assigned())
            .put(p.spare(), 1);
        if (name.length() > 20) {
          String ext = name.substring(20);
          w.text(ext, ext.length());
          while (w.n % 8 != 0) {
            w.put(0, 1);
          }
        }
      }
      case ChannelManagement p -> {
        w.put(0, 2).put(p.channelA(), 12).put(p.channelB(), 12).put(p.txrx(), 4).flag(p.power());
        if (p.addressed()) {
          w.put(p.dest1(), 30).put(0, 5).put(p.dest2(), 30).put(0, 5);
        } else {
          w.put(p.neLon(), 18).put(p.neLat(), 17).put(p.swLon(), 18).put(p.swLat(), 17);
        }
        w.flag(p.addressed()).flag(p.bandA()).flag(p.bandB()).put(p.zonesize(), 3).put(0, 23);
      }
      case GroupAssignment p ->
          w.put(0, 2)
              .put(p.neLon(), 18)
              .put(p.neLat(), 17)
              .put(p.swLon(), 18)
              .put(p.swLat(), 17)
              .put(p.stationType(), 4)
              .put(p.shipType(), 8)
              .put(0, 22)
              .put(p.txrx(), 2)
              .put(p.interval(), 4)
              .put(p.quiet(), 4)
              .put(0, 6);
      case StaticDataReportA p -> w.put(0, 2).text(p.shipname(), 20);
      case StaticDataReportB p -> {
        w.put(1, 2)
            .put(p.shiptype(), 8)
            .text(p.vendorId(), 3)
            .put(p.model(), 4)
            .put(p.serial(), 20)
            .text(p.callsign(), 7);
        if (p.auxiliary()) {
          w.put(p.mothershipMmsi(), 30);
        } else {
          w.put(p.toBow(), 9).put(p.toStern(), 9).put(p.toPort(), 6).put(p.toStarboard(), 6);
        }
        w.put(0, 6);
      }
      case SingleSlotBinary p -> {
        w.flag(p.addressed()).flag(p.structured());
        if (p.addressed()) {
          w.put(p.destMmsi(), 30);
        }
        if (p.structured()) {
          w.put(p.appId(), 16);
        }
        w.bits(p.data());
      }
      case MultiSlotBinary p -> {
        w.flag(p.addressed()).flag(p.structured());
        if (p.addressed()) {
          w.put(p.destMmsi(), 30);
        }
        if (p.structured()) {
          w.put(p.appId(), 16);
        }
        w.bits(p.data()).put(p.radio(), 20);
      }
      case LongRangeBroadcast p ->
          w.flag(p.accuracy())
              .flag(p.raim())
              .put(p.status(), 4)
              .put(p.lon(), 18)
              .put(p.lat(), 17)
              .put(p.speed(), 6)
              .put(p.course(), 9)
              .flag(p.gnss())
              .put(p.spare(), 1);
    }
    return w.toBits();
  }

  /**
   * {@code sentence} behind an NMEA 4.0 tag block giving its receive time, {@code \c:<epoch
   * second>*hh\} (hh the XOR checksum of what lies between the backslash and the star), as a
   * receiver writes it and {@code AivdmReader} reads it.
   */
  public static String withReceiveTime(String sentence, long epochSecond) {
    String tag = "c:" + epochSecond;
    return "\\" + tag + "*" + checksum(tag) + "\\" + sentence;
  }

  /** NMEA's checksum of {@code text}: the XOR of its characters, two upper-case hex digits. */
  private static String checksum(String text) {
    int sum = 0;
    for (int k = 0; k < text.length(); k++) {
      sum ^= text.charAt(k);
    }
    return new String(new char[] {HEX.charAt((sum >> 4) & 0xF), HEX.charAt(sum & 0xF)});
  }

  private static final String HEX = "0123456789ABCDEF";

  /**
   * NMEA sentences carrying {@code m}: {@code !AIVDM} (or {@code !AIVDO} when {@code own}), at most
   * 60 payload characters each, with {@code sequenceId} (0-9) on multi-sentence messages.
   */
  public List<String> sentences(AisMessage m, char channel, int sequenceId, boolean own) {
    Bits bits = encode(m);
    int chars = (bits.length() + 5) / 6;
    int fill = chars * 6 - bits.length();
    StringBuilder payload = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      payload.append(SixBit.armour(bits.u(i * 6, 6)));
    }
    int count = Math.max(1, (chars + 59) / 60);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String part = payload.substring(i * 60, Math.min(chars, i * 60 + 60));
      String body =
          (own ? "AIVDO," : "AIVDM,")
              + count
              + ","
              + (i + 1)
              + ","
              + (count > 1 ? String.valueOf(sequenceId) : "")
              + ","
              + channel
              + ","
              + part
              + ","
              + (i == count - 1 ? fill : 0);
      out.add("!" + body + "*" + checksum(body));
    }
    return out;
  }

  /** Growing bit buffer. */
  private static final class W {
    byte[] buf = new byte[128];
    int n;

    W put(long value, int width) {
      for (int i = width - 1; i >= 0; i--) {
        bit((int) ((value >>> i) & 1));
      }
      return this;
    }

    W flag(boolean b) {
      return bit(b ? 1 : 0);
    }

    W text(String s, int chars) {
      for (int i = 0; i < chars; i++) {
        put(i < s.length() ? SixBit.fromAscii(s.charAt(i)) : 0, 6);
      }
      return this;
    }

    W bits(BitString b) {
      for (int i = 0; i < b.bitCount(); i++) {
        bit(b.bit(i));
      }
      return this;
    }

    W bit(int v) {
      if ((n >>> 3) >= buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      if (v != 0) {
        buf[n >>> 3] |= (byte) (0x80 >>> (n & 7));
      }
      n++;
      return this;
    }

    Bits toBits() {
      return Bits.of(buf, n);
    }
  }
}
