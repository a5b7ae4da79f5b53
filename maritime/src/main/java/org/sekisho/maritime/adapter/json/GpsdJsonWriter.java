package org.sekisho.maritime.adapter.json;

import org.sekisho.maritime.domain.ais.AisMessage;
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
import org.sekisho.maritime.domain.ais.ApplicationData;
import org.sekisho.maritime.domain.ais.ApplicationData.AtonMonitoring;
import org.sekisho.maritime.domain.ais.ApplicationData.ClearanceTime;
import org.sekisho.maritime.domain.ais.ApplicationData.DangerousCargo;
import org.sekisho.maritime.domain.ais.ApplicationData.InlandStatic;
import org.sekisho.maritime.domain.ais.ApplicationData.MetHydro11;
import org.sekisho.maritime.domain.ais.ApplicationData.MetHydro31;
import org.sekisho.maritime.domain.ais.ApplicationData.PersonsOnBoard;
import org.sekisho.maritime.domain.ais.ApplicationData.TextDescription;
import org.sekisho.maritime.domain.ais.ApplicationData.Tidal;
import org.sekisho.maritime.domain.ais.ApplicationData.TidalWindow;
import org.sekisho.maritime.domain.ais.BitString;
import org.sekisho.maritime.domain.ais.Bits;

/**
 * Writes decoded messages as one JSON object per line with gpsd's field names, order and scaling
 * (what {@code gpsdecode -j} prints), so that output can be compared with gpsd line by line. See
 * docs/formats/ais-json.md.
 *
 * <p>Like gpsd, a type 24 part A is held back and printed merged with the part B of the same MMSI
 * that follows; a part B with no part A is printed alone with {@code "part":"B"}. Not thread-safe:
 * one writer per stream.
 */
public final class GpsdJsonWriter {
  private static final int TYPE24_QUEUE = 8;
  private final String device;
  private final int[] pendingMmsi = new int[TYPE24_QUEUE];
  private final String[] pendingName = new String[TYPE24_QUEUE];
  private int pendingNext;

  /**
   * @param device value of the {@code device} field ({@code gpsdecode} prints "stdin"); null or
   *     empty leaves the field out
   */
  public GpsdJsonWriter(String device) {
    this.device = device;
  }

  /** Appends one line (with '\n') for {@code m}; returns false when nothing was written. */
  public boolean write(AisMessage m, StringBuilder sb) {
    if (m instanceof StaticDataReportA a) {
      pendingMmsi[pendingNext] = a.mmsi();
      pendingName[pendingNext] = a.shipname();
      pendingNext = (pendingNext + 1) % TYPE24_QUEUE;
      return false;
    }
    String partAName = null;
    if (m instanceof StaticDataReportB b) {
      partAName = takePartA(b.mmsi());
      if (partAName == null) {
        return false;
      }
    }
    sb.append("{\"class\":\"AIS\",");
    if (device != null && !device.isEmpty()) {
      sb.append("\"device\":");
      str(sb, device);
      sb.append(',');
    }
    sb.append("\"type\":").append(m.type());
    sb.append(",\"repeat\":").append(m.repeat());
    sb.append(",\"mmsi\":").append(Integer.toUnsignedString(m.mmsi()));
    sb.append(",\"scaled\":true");
    switch (m) {
      case PositionReport p -> position(sb, p);
      case BaseStationReport p -> baseStation(sb, p);
      case StaticVoyageData p -> staticVoyage(sb, p);
      case AddressedBinary p -> addressed(sb, p);
      case Acknowledge p -> {
        for (int i = 0; i < 4; i++) {
          num(sb, "mmsi" + (i + 1), i < p.acknowledged().size() ? p.acknowledged().get(i) : 0);
        }
      }
      case BroadcastBinary p -> broadcast(sb, p);
      case SarAircraftPosition p -> sar(sb, p);
      case UtcDateInquiry p -> num(sb, "dest_mmsi", p.destMmsi());
      case AddressedSafety p -> {
        num(sb, "seqno", p.seqno());
        num(sb, "dest_mmsi", p.destMmsi());
        bool(sb, "retransmit", p.retransmit());
        text(sb, "text", p.text());
      }
      case SafetyBroadcast p -> text(sb, "text", p.text());
      case Interrogation p -> {
        num(sb, "mmsi1", p.mmsi1());
        num(sb, "type1_1", p.type11());
        num(sb, "offset1_1", p.offset11());
        num(sb, "type1_2", p.type12());
        num(sb, "offset1_2", p.offset12());
        num(sb, "mmsi2", p.mmsi2());
        num(sb, "type2_1", p.type21());
        num(sb, "offset2_1", p.offset21());
      }
      case AssignedModeCommand p -> {
        num(sb, "mmsi1", p.mmsi1());
        num(sb, "offset1", p.offset1());
        num(sb, "increment1", p.increment1());
        num(sb, "mmsi2", p.mmsi2());
        num(sb, "offset2", p.offset2());
        num(sb, "increment2", p.increment2());
      }
      case GnssBroadcast p -> {
        fixed(sb, "lon", p.lon() / 600.0, 1);
        fixed(sb, "lat", p.lat() / 600.0, 1);
        data(sb, p.data());
      }
      case ClassBPosition p -> classB(sb, p);
      case ExtendedClassBPosition p -> extendedClassB(sb, p);
      case DataLinkManagement p -> {
        for (int i = 0; i < 4; i++) {
          Reservation r =
              i < p.reservations().size() ? p.reservations().get(i) : new Reservation(0, 0, 0, 0);
          num(sb, "offset" + (i + 1), r.offset());
          num(sb, "number" + (i + 1), r.number());
          num(sb, "timeout" + (i + 1), r.timeout());
          num(sb, "increment" + (i + 1), r.increment());
        }
      }
      case AidToNavigation p -> aidToNavigation(sb, p);
      case ChannelManagement p -> channelManagement(sb, p);
      case GroupAssignment p -> {
        quotedFixed(sb, "ne_lon", p.neLon() / 600.0);
        quotedFixed(sb, "ne_lat", p.neLat() / 600.0);
        quotedFixed(sb, "sw_lon", p.swLon() / 600.0);
        quotedFixed(sb, "sw_lat", p.swLat() / 600.0);
        num(sb, "stationtype", p.stationType());
        text(sb, "stationtype_text", Legends.stationType(p.stationType()));
        num(sb, "shiptype", p.shipType());
        text(sb, "shiptype_text", Legends.shipType(p.shipType()));
        num(sb, "interval", p.interval());
        num(sb, "quiet", p.quiet());
      }
      case StaticDataReportB p -> staticDataB(sb, p, partAName);
      case SingleSlotBinary p -> {
        bool(sb, "addressed", p.addressed());
        bool(sb, "structured", p.structured());
        num(sb, "dest_mmsi", p.destMmsi());
        num(sb, "app_id", p.appId());
        data(sb, p.data());
      }
      case MultiSlotBinary p -> {
        bool(sb, "addressed", p.addressed());
        bool(sb, "structured", p.structured());
        num(sb, "dest_mmsi", p.destMmsi());
        num(sb, "app_id", p.appId());
        // gpsd dumps whole bytes, so the last one shows the first bits of the radio field, and
        // it does not decode the communication state: it always prints 0.
        sb.append(",\"data\":\"").append(p.data().bitCount()).append(':');
        sb.append(withTrailing(p.data(), p.radio(), 20).hex()).append('"');
        num(sb, "radio", 0);
      }
      case LongRangeBroadcast p -> {
        num(sb, "status", p.status());
        text(sb, "status_text", Legends.navStatus(p.status()));
        bool(sb, "accuracy", p.accuracy());
        fixed(sb, "lon", p.lon() / 600.0, 4);
        fixed(sb, "lat", p.lat() / 600.0, 4);
        num(sb, "speed", p.speed());
        num(sb, "course", p.course());
        bool(sb, "raim", p.raim());
        bool(sb, "gnss", p.gnss());
      }
      case StaticDataReportA p -> throw new IllegalStateException("handled above");
    }
    sb.append("}\n");
    return true;
  }

  private void position(StringBuilder sb, PositionReport p) {
    num(sb, "status", p.status());
    text(sb, "status_text", Legends.navStatus(p.status()));
    sb.append(",\"turn\":");
    if (p.turn() == -128) {
      sb.append("\"n/a\"");
    } else if (p.turn() == -127) {
      sb.append("\"fastleft\"");
    } else if (p.turn() == 127) {
      sb.append("\"fastright\"");
    } else {
      double rot = p.turn() / 4.733;
      sb.append('"');
      Fixed.append(sb, Math.copySign(rot * rot, p.turn()), 2);
      sb.append('"');
    }
    speed(sb, p.speed());
    bool(sb, "accuracy", p.accuracy());
    fixed(sb, "lon", p.lon() / 600000.0, 7);
    fixed(sb, "lat", p.lat() / 600000.0, 7);
    fixed(sb, "course", p.course() / 10.0, 1);
    num(sb, "heading", p.heading());
    num(sb, "second", p.second());
    num(sb, "maneuver", p.maneuver());
    bool(sb, "raim", p.raim());
    num(sb, "radio", p.radio());
  }

  private static void speed(StringBuilder sb, int speed) {
    sb.append(",\"speed\":");
    if (speed == 1023) {
      sb.append("\"n/a\"");
    } else if (speed == 1022) {
      sb.append("\"fast\"");
    } else {
      Fixed.append(sb, speed / 10.0, 1);
    }
  }

  private void baseStation(StringBuilder sb, BaseStationReport p) {
    sb.append(",\"timestamp\":\"");
    pad(sb, p.year(), 4).append('-');
    pad(sb, p.month(), 2).append('-');
    pad(sb, p.day(), 2).append('T');
    pad(sb, p.hour(), 2).append(':');
    pad(sb, p.minute(), 2).append(':');
    pad(sb, p.second(), 2).append("Z\"");
    bool(sb, "accuracy", p.accuracy());
    fixed(sb, "lon", p.lon() / 600000.0, 7);
    fixed(sb, "lat", p.lat() / 600000.0, 7);
    num(sb, "epfd", p.epfd());
    text(sb, "epfd_text", Legends.epfd(p.epfd()));
    bool(sb, "raim", p.raim());
    num(sb, "radio", p.radio());
  }

  private void staticVoyage(StringBuilder sb, StaticVoyageData p) {
    num(sb, "imo", p.imo());
    num(sb, "ais_version", p.aisVersion());
    text(sb, "callsign", p.callsign());
    text(sb, "shipname", p.shipname());
    num(sb, "shiptype", p.shiptype());
    text(sb, "shiptype_text", Legends.shipType(p.shiptype()));
    dims(sb, p.toBow(), p.toStern(), p.toPort(), p.toStarboard());
    num(sb, "epfd", p.epfd());
    text(sb, "epfd_text", Legends.epfd(p.epfd()));
    sb.append(",\"eta\":\"");
    eta(sb, p.month(), p.day(), p.hour(), p.minute());
    sb.append('"');
    fixed(sb, "draught", p.draught() / 10.0, 1);
    text(sb, "destination", p.destination());
    num(sb, "dte", p.dte());
  }

  private void addressed(StringBuilder sb, AddressedBinary p) {
    num(sb, "seqno", p.seqno());
    num(sb, "dest_mmsi", p.destMmsi());
    bool(sb, "retransmit", p.retransmit());
    num(sb, "dac", p.dac());
    num(sb, "fid", p.fid());
    application(sb, p.application(), p.data());
  }

  private void broadcast(StringBuilder sb, BroadcastBinary p) {
    num(sb, "dac", p.dac());
    num(sb, "fid", p.fid());
    application(sb, p.application(), p.data());
  }

  private void application(StringBuilder sb, ApplicationData app, BitString data) {
    switch (app) {
      case null -> data(sb, data);
      case AtonMonitoring a -> {
        bool(sb, "off_pos", a.offPos());
        bool(sb, "alarm", a.alarm());
        num(sb, "stat_ext", a.statExt());
        analogue(sb, "ana_int", a.anaInt());
        analogue(sb, "ana_ext1", a.anaExt1());
        analogue(sb, "ana_ext2", a.anaExt2());
        num(sb, "racon", a.racon());
        text(sb, "racon_text", Legends.RACON[a.racon()]);
        num(sb, "light", a.light());
        text(sb, "light_text", Legends.LIGHT[a.light()]);
      }
      case DangerousCargo d -> {
        text(sb, "lastport", d.lastport());
        sb.append(",\"departure\":\"");
        eta(sb, d.lmonth(), d.lday(), d.lhour(), d.lminute());
        sb.append('"');
        text(sb, "nextport", d.nextport());
        sb.append(",\"eta\":\"");
        eta(sb, d.nmonth(), d.nday(), d.nhour(), d.nminute());
        sb.append('"');
        text(sb, "dangerous", d.dangerous());
        text(sb, "imdcat", d.imdcat());
        num(sb, "unid", d.unid());
        num(sb, "amount", d.amount());
        num(sb, "unit", d.unit());
      }
      case TidalWindow t -> {
        num(sb, "month", t.month());
        num(sb, "day", t.day());
        sb.append(",\"tidals\":[");
        boolean first = true;
        for (Tidal x : t.tidals()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          sb.append("{\"lon\":");
          Fixed.append(sb, x.lon() / 60000.0, 6);
          fixed(sb, "lat", x.lat() / 60000.0, 6);
          num(sb, "from_hour", x.fromHour());
          num(sb, "from_min", x.fromMin());
          num(sb, "to_hour", x.toHour());
          num(sb, "to_min", x.toMin());
          num(sb, "cdir", x.cdir());
          fixed(sb, "cspeed", x.cspeed() / 10.0, 1);
          sb.append('}');
        }
        sb.append(']');
      }
      case PersonsOnBoard pb -> num(sb, "persons", pb.persons());
      case ClearanceTime c -> {
        num(sb, "linkage", c.linkage());
        sb.append(",\"arrival\":\"");
        eta(sb, c.month(), c.day(), c.hour(), c.minute());
        sb.append('"');
        text(sb, "portname", c.portname());
        text(sb, "destination", c.destination());
        fixed(sb, "lon", c.lon() / 60000.0, 6);
        fixed(sb, "lat", c.lat() / 60000.0, 6);
      }
      case TextDescription t -> {
        num(sb, "linkage", t.linkage());
        text(sb, "text", t.text());
      }
      case MetHydro11 w -> metHydro11(sb, w);
      case MetHydro31 w -> metHydro31(sb, w);
      case InlandStatic s -> {
        text(sb, "vin", s.vin());
        num(sb, "length", s.length());
        num(sb, "beam", s.beam());
        num(sb, "shiptype", s.shiptype());
        text(sb, "shiptype_text", Legends.inlandShipType(s.shiptype()));
        num(sb, "hazard", s.hazard());
        text(sb, "hazard_text", Legends.hazard(s.hazard()));
        num(sb, "draught", s.draught());
        num(sb, "loaded", s.loaded());
        text(sb, "loaded_text", Legends.loaded(s.loaded()));
        bool(sb, "speed_q", s.speedQ());
        bool(sb, "course_q", s.courseQ());
        bool(sb, "heading_q", s.headingQ());
      }
    }
  }

  private static void analogue(StringBuilder sb, String name, int raw) {
    if (raw == 0) {
      num(sb, name, 0);
    } else {
      fixed(sb, name, raw * 0.05, 2);
    }
  }

  private void metHydro11(StringBuilder sb, MetHydro11 w) {
    fixed(sb, "lat", w.lat() / 60000.0, 6);
    fixed(sb, "lon", w.lon() / 60000.0, 6);
    dayTime(sb, w.day(), w.hour(), w.minute());
    num(sb, "wspeed", w.wspeed());
    num(sb, "wgust", w.wgust());
    num(sb, "wdir", w.wdir());
    num(sb, "wgustdir", w.wgustdir());
    num(sb, "humidity", w.humidity());
    fixed(sb, "airtemp", (w.airtemp() - 600) / 10.0, 1);
    fixed(sb, "dewpoint", (w.dewpoint() - 200) / 10.0, 1);
    num(sb, "pressure", w.pressure() + 800);
    text(sb, "pressuretend", Legends.TREND[w.pressuretend()]);
    fixed(sb, "visibility", w.visibility() / 10.0, 1);
    fixed(sb, "waterlevel", (w.waterlevel() - 100) / 10.0, 1);
    text(sb, "leveltrend", Legends.TREND[w.leveltrend()]);
    currents(
        sb,
        w.cspeed(),
        w.cdir(),
        w.cspeed2(),
        w.cdir2(),
        w.cdepth2(),
        w.cspeed3(),
        w.cdir3(),
        w.cdepth3());
    waves(
        sb,
        w.waveheight(),
        w.waveperiod(),
        w.wavedir(),
        w.swellheight(),
        w.swellperiod(),
        w.swelldir(),
        w.seastate());
    fixed(sb, "watertemp", (w.watertemp() - 100) / 10.0, 1);
    num(sb, "preciptype", w.preciptype());
    text(sb, "preciptype_text", Legends.PRECIP[w.preciptype()]);
    fixed(sb, "salinity", w.salinity() / 10.0, 1);
    num(sb, "ice", w.ice());
    text(sb, "ice_text", Legends.ICE[w.ice()]);
  }

  private void metHydro31(StringBuilder sb, MetHydro31 w) {
    fixed(sb, "lat", w.lat() / 60000.0, 6);
    fixed(sb, "lon", w.lon() / 60000.0, 6);
    bool(sb, "accuracy", w.accuracy());
    dayTime(sb, w.day(), w.hour(), w.minute());
    num(sb, "wspeed", w.wspeed());
    num(sb, "wgust", w.wgust());
    num(sb, "wdir", w.wdir());
    num(sb, "wgustdir", w.wgustdir());
    num(sb, "humidity", w.humidity());
    fixed(sb, "airtemp", w.airtemp() / 10.0, 1);
    fixed(sb, "dewpoint", w.dewpoint() / 10.0, 1);
    num(sb, "pressure", w.pressure() + 799);
    text(sb, "pressuretend", Legends.TREND[w.pressuretend()]);
    bool(sb, "visgreater", w.visgreater());
    fixed(sb, "visibility", w.visibility() / 10.0, 1);
    fixed(sb, "waterlevel", (w.waterlevel() - 1000) / 100.0, 1);
    text(sb, "leveltrend", Legends.TREND[w.leveltrend()]);
    currents(
        sb,
        w.cspeed(),
        w.cdir(),
        w.cspeed2(),
        w.cdir2(),
        w.cdepth2(),
        w.cspeed3(),
        w.cdir3(),
        w.cdepth3());
    waves(
        sb,
        w.waveheight(),
        w.waveperiod(),
        w.wavedir(),
        w.swellheight(),
        w.swellperiod(),
        w.swelldir(),
        w.seastate());
    fixed(sb, "watertemp", w.watertemp() / 10.0, 1);
    text(sb, "preciptype", Legends.PRECIP[w.preciptype()]);
    fixed(sb, "salinity", w.salinity() / 10.0, 1);
    text(sb, "ice", Legends.ICE[w.ice()]);
  }

  private static void currents(
      StringBuilder sb, int s1, int d1, int s2, int d2, int z2, int s3, int d3, int z3) {
    fixed(sb, "cspeed", s1 / 10.0, 1);
    num(sb, "cdir", d1);
    fixed(sb, "cspeed2", s2 / 10.0, 1);
    num(sb, "cdir2", d2);
    num(sb, "cdepth2", z2);
    fixed(sb, "cspeed3", s3 / 10.0, 1);
    num(sb, "cdir3", d3);
    num(sb, "cdepth3", z3);
  }

  private static void waves(
      StringBuilder sb, int wh, int wp, int wd, int sh, int sp, int sd, int state) {
    fixed(sb, "waveheight", wh / 10.0, 1);
    num(sb, "waveperiod", wp);
    num(sb, "wavedir", wd);
    fixed(sb, "swellheight", sh / 10.0, 1);
    num(sb, "swellperiod", sp);
    num(sb, "swelldir", sd);
    num(sb, "seastate", state);
  }

  private static void dayTime(StringBuilder sb, int day, int hour, int minute) {
    sb.append(",\"timestamp\":\"");
    pad(sb, day, 2).append('T');
    pad(sb, hour, 2).append(':');
    pad(sb, minute, 2).append("Z\"");
  }

  private void sar(StringBuilder sb, SarAircraftPosition p) {
    sb.append(",\"alt\":");
    if (p.alt() == 4095) {
      sb.append("\"n/a\"");
    } else if (p.alt() == 4094) {
      sb.append("\"high\"");
    } else {
      sb.append(p.alt());
    }
    sb.append(",\"speed\":");
    if (p.speed() == 1023) {
      sb.append("\"n/a\"");
    } else if (p.speed() == 1022) {
      sb.append("\"fast\"");
    } else {
      sb.append(p.speed());
    }
    bool(sb, "accuracy", p.accuracy());
    fixed(sb, "lon", p.lon() / 600000.0, 7);
    fixed(sb, "lat", p.lat() / 600000.0, 7);
    fixed(sb, "course", p.course() / 10.0, 1);
    num(sb, "second", p.second());
    num(sb, "regional", p.regional());
    num(sb, "dte", p.dte());
    bool(sb, "raim", p.raim());
    num(sb, "radio", p.radio());
  }

  private void classB(StringBuilder sb, ClassBPosition p) {
    num(sb, "reserved", p.reserved());
    fixed(sb, "speed", p.speed() / 10.0, 1);
    bool(sb, "accuracy", p.accuracy());
    fixed(sb, "lon", p.lon() / 600000.0, 7);
    fixed(sb, "lat", p.lat() / 600000.0, 7);
    fixed(sb, "course", p.course() / 10.0, 1);
    num(sb, "heading", p.heading());
    num(sb, "second", p.second());
    num(sb, "regional", p.regional());
    bool(sb, "cs", p.cs());
    bool(sb, "display", p.display());
    bool(sb, "dsc", p.dsc());
    bool(sb, "band", p.band());
    bool(sb, "msg22", p.msg22());
    bool(sb, "raim", p.raim());
    num(sb, "radio", p.radio());
  }

  private void extendedClassB(StringBuilder sb, ExtendedClassBPosition p) {
    num(sb, "reserved", p.reserved());
    fixed(sb, "speed", p.speed() / 10.0, 1);
    bool(sb, "accuracy", p.accuracy());
    fixed(sb, "lon", p.lon() / 600000.0, 7);
    fixed(sb, "lat", p.lat() / 600000.0, 7);
    fixed(sb, "course", p.course() / 10.0, 1);
    num(sb, "heading", p.heading());
    num(sb, "second", p.second());
    num(sb, "regional", p.regional());
    text(sb, "shipname", p.shipname());
    num(sb, "shiptype", p.shiptype());
    text(sb, "shiptype_text", Legends.shipType(p.shiptype()));
    dims(sb, p.toBow(), p.toStern(), p.toPort(), p.toStarboard());
    num(sb, "epfd", p.epfd());
    text(sb, "epfd_text", Legends.epfd(p.epfd()));
    bool(sb, "raim", p.raim());
    num(sb, "dte", p.dte());
    bool(sb, "assigned", p.assigned());
  }

  private void aidToNavigation(StringBuilder sb, AidToNavigation p) {
    num(sb, "aid_type", p.aidType());
    text(sb, "aid_type_text", Legends.navaid(p.aidType()));
    text(sb, "name", p.name());
    fixed(sb, "lon", p.lon() / 600000.0, 7);
    fixed(sb, "lat", p.lat() / 600000.0, 7);
    bool(sb, "accuracy", p.accuracy());
    dims(sb, p.toBow(), p.toStern(), p.toPort(), p.toStarboard());
    num(sb, "epfd", p.epfd());
    text(sb, "epfd_text", Legends.epfd(p.epfd()));
    num(sb, "second", p.second());
    num(sb, "regional", p.regional());
    bool(sb, "off_position", p.offPosition());
    bool(sb, "raim", p.raim());
    bool(sb, "virtual_aid", p.virtualAid());
  }

  private void channelManagement(StringBuilder sb, ChannelManagement p) {
    num(sb, "channel_a", p.channelA());
    num(sb, "channel_b", p.channelB());
    num(sb, "txrx", p.txrx());
    bool(sb, "power", p.power());
    if (p.addressed()) {
      num(sb, "dest1", p.dest1());
      num(sb, "dest2", p.dest2());
    } else {
      quotedFixed(sb, "ne_lon", p.neLon() / 600.0);
      quotedFixed(sb, "ne_lat", p.neLat() / 600.0);
      quotedFixed(sb, "sw_lon", p.swLon() / 600.0);
      quotedFixed(sb, "sw_lat", p.swLat() / 600.0);
    }
    bool(sb, "addressed", p.addressed());
    bool(sb, "band_a", p.bandA());
    bool(sb, "band_b", p.bandB());
    num(sb, "zonesize", p.zonesize());
  }

  private String takePartA(int mmsi) {
    for (int i = 0; i < TYPE24_QUEUE; i++) {
      if (pendingName[i] != null && pendingMmsi[i] == mmsi) {
        String name = pendingName[i];
        pendingName[i] = null; // a repeated part B must not match again
        return name;
      }
    }
    return null;
  }

  private void staticDataB(StringBuilder sb, StaticDataReportB p, String name) {
    text(sb, "shipname", name);
    num(sb, "shiptype", p.shiptype());
    text(sb, "shiptype_text", Legends.shipType(p.shiptype()));
    text(sb, "vendorid", p.vendorId());
    num(sb, "model", p.model());
    num(sb, "serial", p.serial());
    text(sb, "callsign", p.callsign());
    if (p.auxiliary()) {
      num(sb, "mothership_mmsi", p.mothershipMmsi());
    } else {
      dims(sb, p.toBow(), p.toStern(), p.toPort(), p.toStarboard());
    }
  }

  /** {@code data} followed by {@code width} bits of {@code value}, cut to whole data bytes. */
  private static BitString withTrailing(BitString data, int value, int width) {
    int n = data.bitCount();
    byte[] out = data.bytes();
    for (int i = 0; n + i < out.length * 8 && i < width; i++) {
      if (((value >>> (width - 1 - i)) & 1) != 0) {
        int j = n + i;
        out[j >>> 3] |= (byte) (0x80 >>> (j & 7));
      }
    }
    return new BitString(out, n);
  }

  private static void dims(StringBuilder sb, int bow, int stern, int port, int starboard) {
    num(sb, "to_bow", bow);
    num(sb, "to_stern", stern);
    num(sb, "to_port", port);
    num(sb, "to_starboard", starboard);
  }

  private static void eta(StringBuilder sb, int month, int day, int hour, int minute) {
    pad(sb, month, 2).append('-');
    pad(sb, day, 2).append('T');
    pad(sb, hour, 2).append(':');
    pad(sb, minute, 2).append('Z');
  }

  private static void data(StringBuilder sb, BitString d) {
    sb.append(",\"data\":\"").append(d.bitCount()).append(':').append(d.hex()).append('"');
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    int digits = v == 0 ? 1 : (int) Math.log10(v) + 1;
    for (int i = digits; i < width; i++) {
      sb.append('0');
    }
    return sb.append(v);
  }

  private static void num(StringBuilder sb, String name, int v) {
    sb.append(",\"").append(name).append("\":").append(v);
  }

  private static void bool(StringBuilder sb, String name, boolean v) {
    sb.append(",\"").append(name).append("\":").append(v);
  }

  private static void fixed(StringBuilder sb, String name, double v, int decimals) {
    sb.append(",\"").append(name).append("\":");
    Fixed.append(sb, v, decimals);
  }

  private static void quotedFixed(StringBuilder sb, String name, double v) {
    sb.append(",\"").append(name).append("\":\"");
    Fixed.append(sb, v, 6);
    sb.append('"');
  }

  private static void text(StringBuilder sb, String name, String v) {
    sb.append(",\"").append(name).append("\":");
    str(sb, Bits.trim(v));
  }

  /** JSON string with gpsd's escaping (quote, backslash, control characters as \\uXXXX). */
  static void str(StringBuilder sb, String v) {
    sb.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
