package org.sekisho.maritime.domain.ais;

import java.util.List;

/**
 * One decoded AIS message (ITU-R M.1371), types 1 to 27. Every field keeps its raw transmitted
 * value (for example longitude in 1/10000 minute), so that encoding a decoded message gives back
 * the same bits; scaled views are offered as methods where they are useful.
 */
public sealed interface AisMessage {

  /** Message type, 1-27. */
  int type();

  /** Repeat indicator, 0-3. */
  int repeat();

  /** Sending station's MMSI. */
  int mmsi();

  /** Degrees from a value in 1/10000 minute; 181/91 mean "not available". */
  static double degrees(int tenThousandthsOfMinute) {
    return tenThousandthsOfMinute / 600000.0;
  }

  /** Types 1, 2, 3: Class A position report. */
  record PositionReport(
      int type,
      int repeat,
      int mmsi,
      int status,
      int turn,
      int speed,
      boolean accuracy,
      int lon,
      int lat,
      int course,
      int heading,
      int second,
      int maneuver,
      int spare,
      boolean raim,
      int radio)
      implements AisMessage {
    public double lonDegrees() {
      return AisMessage.degrees(lon);
    }

    public double latDegrees() {
      return AisMessage.degrees(lat);
    }

    /** Speed over ground in knots, or NaN when not available (1023). */
    public double speedKnots() {
      return speed == 1023 ? Double.NaN : speed / 10.0;
    }
  }

  /** Types 4 (base station report) and 11 (UTC/date response). */
  record BaseStationReport(
      int type,
      int repeat,
      int mmsi,
      int year,
      int month,
      int day,
      int hour,
      int minute,
      int second,
      boolean accuracy,
      int lon,
      int lat,
      int epfd,
      int spare,
      boolean raim,
      int radio)
      implements AisMessage {}

  /** Type 5: static and voyage related data. */
  record StaticVoyageData(
      int repeat,
      int mmsi,
      int aisVersion,
      int imo,
      String callsign,
      String shipname,
      int shiptype,
      int toBow,
      int toStern,
      int toPort,
      int toStarboard,
      int epfd,
      int month,
      int day,
      int hour,
      int minute,
      int draught,
      String destination,
      int dte,
      int spare)
      implements AisMessage {
    @Override
    public int type() {
      return 5;
    }
  }

  /** Type 6: addressed binary message; {@code application} is set for known DAC/FID pairs. */
  record AddressedBinary(
      int repeat,
      int mmsi,
      int seqno,
      int destMmsi,
      boolean retransmit,
      int spare,
      int dac,
      int fid,
      BitString data,
      ApplicationData application)
      implements AisMessage {
    @Override
    public int type() {
      return 6;
    }
  }

  /** Types 7 (binary acknowledge) and 13 (safety acknowledge): 1 to 4 acknowledged MMSIs. */
  record Acknowledge(int type, int repeat, int mmsi, int spare, List<Integer> acknowledged)
      implements AisMessage {
    public Acknowledge {
      acknowledged = List.copyOf(acknowledged);
    }
  }

  /** Type 8: broadcast binary message; {@code application} is set for known DAC/FID pairs. */
  record BroadcastBinary(
      int repeat,
      int mmsi,
      int spare,
      int dac,
      int fid,
      BitString data,
      ApplicationData application)
      implements AisMessage {
    @Override
    public int type() {
      return 8;
    }
  }

  /** Type 9: search and rescue aircraft position report. */
  record SarAircraftPosition(
      int repeat,
      int mmsi,
      int alt,
      int speed,
      boolean accuracy,
      int lon,
      int lat,
      int course,
      int second,
      int regional,
      int dte,
      int spare,
      boolean assigned,
      boolean raim,
      int radio)
      implements AisMessage {
    @Override
    public int type() {
      return 9;
    }
  }

  /** Type 10: UTC/date inquiry. */
  record UtcDateInquiry(int repeat, int mmsi, int spare, int destMmsi, int spare2)
      implements AisMessage {
    @Override
    public int type() {
      return 10;
    }
  }

  /** Type 12: addressed safety related message. */
  record AddressedSafety(
      int repeat, int mmsi, int seqno, int destMmsi, boolean retransmit, int spare, String text)
      implements AisMessage {
    @Override
    public int type() {
      return 12;
    }
  }

  /** Type 14: safety related broadcast message. */
  record SafetyBroadcast(int repeat, int mmsi, int spare, String text) implements AisMessage {
    @Override
    public int type() {
      return 14;
    }
  }

  /** Type 15: interrogation; {@code bitLength} records which optional parts were sent. */
  record Interrogation(
      int repeat,
      int mmsi,
      int mmsi1,
      int type11,
      int offset11,
      int type12,
      int offset12,
      int mmsi2,
      int type21,
      int offset21,
      int bitLength)
      implements AisMessage {
    @Override
    public int type() {
      return 15;
    }
  }

  /** Type 16: assigned mode command, one or two stations. */
  record AssignedModeCommand(
      int repeat,
      int mmsi,
      int mmsi1,
      int offset1,
      int increment1,
      int mmsi2,
      int offset2,
      int increment2,
      boolean second)
      implements AisMessage {
    @Override
    public int type() {
      return 16;
    }
  }

  /** Type 17: GNSS broadcast (DGNSS corrections); position in 1/10 minute. */
  record GnssBroadcast(int repeat, int mmsi, int lon, int lat, BitString data)
      implements AisMessage {
    @Override
    public int type() {
      return 17;
    }
  }

  /** Type 18: Class B position report. */
  record ClassBPosition(
      int repeat,
      int mmsi,
      int reserved,
      int speed,
      boolean accuracy,
      int lon,
      int lat,
      int course,
      int heading,
      int second,
      int regional,
      boolean cs,
      boolean display,
      boolean dsc,
      boolean band,
      boolean msg22,
      boolean assigned,
      boolean raim,
      int radio)
      implements AisMessage {
    @Override
    public int type() {
      return 18;
    }
  }

  /** Type 19: extended Class B position report. */
  record ExtendedClassBPosition(
      int repeat,
      int mmsi,
      int reserved,
      int speed,
      boolean accuracy,
      int lon,
      int lat,
      int course,
      int heading,
      int second,
      int regional,
      String shipname,
      int shiptype,
      int toBow,
      int toStern,
      int toPort,
      int toStarboard,
      int epfd,
      boolean raim,
      int dte,
      boolean assigned,
      int spare)
      implements AisMessage {
    @Override
    public int type() {
      return 19;
    }
  }

  /** One slot reservation of a type 20 message. */
  record Reservation(int offset, int number, int timeout, int increment) {}

  /** Type 20: data link management, 1 to 4 reservations. */
  record DataLinkManagement(int repeat, int mmsi, int spare, List<Reservation> reservations)
      implements AisMessage {
    public DataLinkManagement {
      reservations = List.copyOf(reservations);
    }

    @Override
    public int type() {
      return 20;
    }
  }

  /** Type 21: aid-to-navigation report; {@code name} includes the name extension. */
  record AidToNavigation(
      int repeat,
      int mmsi,
      int aidType,
      String name,
      boolean accuracy,
      int lon,
      int lat,
      int toBow,
      int toStern,
      int toPort,
      int toStarboard,
      int epfd,
      int second,
      boolean offPosition,
      int regional,
      boolean raim,
      boolean virtualAid,
      boolean assigned,
      int spare)
      implements AisMessage {
    @Override
    public int type() {
      return 21;
    }
  }

  /**
   * Type 22: channel management. When {@code addressed}, {@code dest1}/{@code dest2} are set;
   * otherwise the area corners (1/10 minute) are.
   */
  record ChannelManagement(
      int repeat,
      int mmsi,
      int channelA,
      int channelB,
      int txrx,
      boolean power,
      boolean addressed,
      int neLon,
      int neLat,
      int swLon,
      int swLat,
      int dest1,
      int dest2,
      boolean bandA,
      boolean bandB,
      int zonesize)
      implements AisMessage {
    @Override
    public int type() {
      return 22;
    }
  }

  /** Type 23: group assignment command. */
  record GroupAssignment(
      int repeat,
      int mmsi,
      int neLon,
      int neLat,
      int swLon,
      int swLat,
      int stationType,
      int shipType,
      int txrx,
      int interval,
      int quiet)
      implements AisMessage {
    @Override
    public int type() {
      return 23;
    }
  }

  /** Type 24 part A: the name of a Class B station. */
  record StaticDataReportA(int repeat, int mmsi, String shipname) implements AisMessage {
    @Override
    public int type() {
      return 24;
    }
  }

  /**
   * Type 24 part B: type, vendor, call sign and dimensions (or mothership MMSI for auxiliary craft,
   * whose MMSI starts with 98). {@code vendorId} is the 7-character field that also spans the model
   * and serial number, as gpsd reports it.
   */
  record StaticDataReportB(
      int repeat,
      int mmsi,
      int shiptype,
      String vendorId,
      int model,
      int serial,
      String callsign,
      int toBow,
      int toStern,
      int toPort,
      int toStarboard,
      int mothershipMmsi)
      implements AisMessage {
    @Override
    public int type() {
      return 24;
    }

    /** Auxiliary craft (MMSI 98xxxxxxx) report their mothership instead of dimensions. */
    public boolean auxiliary() {
      return mmsi / 10000000 == 98;
    }
  }

  /** Type 25: single slot binary message. */
  record SingleSlotBinary(
      int repeat,
      int mmsi,
      boolean addressed,
      boolean structured,
      int destMmsi,
      int appId,
      BitString data)
      implements AisMessage {
    @Override
    public int type() {
      return 25;
    }
  }

  /** Type 26: multiple slot binary message with communication state. */
  record MultiSlotBinary(
      int repeat,
      int mmsi,
      boolean addressed,
      boolean structured,
      int destMmsi,
      int appId,
      BitString data,
      int radio)
      implements AisMessage {
    @Override
    public int type() {
      return 26;
    }
  }

  /** Type 27: long-range broadcast; position in 1/10 minute, speed in knots, course in degrees. */
  record LongRangeBroadcast(
      int repeat,
      int mmsi,
      boolean accuracy,
      boolean raim,
      int status,
      int lon,
      int lat,
      int speed,
      int course,
      boolean gnss,
      int spare)
      implements AisMessage {
    @Override
    public int type() {
      return 27;
    }
  }
}
