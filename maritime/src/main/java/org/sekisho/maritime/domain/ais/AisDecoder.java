package org.sekisho.maritime.domain.ais;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;
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

/**
 * Decodes the bits of one reassembled AIS payload into a typed {@link AisMessage}. Stateless and
 * thread-safe. A payload whose length does not fit its type is rejected with a problem naming the
 * type, the length found and the length expected; nothing is thrown for bad input.
 */
public final class AisDecoder {

  /** Decodes one payload. */
  public Outcome<AisMessage> decode(Bits b) {
    int n = b.length();
    if (n < 38) {
      return tooShort(n, "at least 38 bits (type, repeat, MMSI)");
    }
    int type = b.u(0, 6);
    int repeat = b.u(6, 2);
    int mmsi = b.u(8, 30);
    switch (type) {
      case 1, 2, 3 -> {
        if (n < 150 || n > 1008) {
          return wrongLength(type, n, "168");
        }
        return ok(
            new PositionReport(
                type,
                repeat,
                mmsi,
                b.u(38, 4),
                b.s(42, 8),
                b.u(50, 10),
                b.flag(60),
                b.s(61, 28),
                b.s(89, 27),
                b.u(116, 12),
                b.u(128, 9),
                b.u(137, 6),
                b.u(143, 2),
                b.u(145, 3),
                b.flag(148),
                b.u(149, Math.min(19, n - 149))));
      }
      case 4, 11 -> {
        if (n < 150 || n > 1008) {
          return wrongLength(type, n, "168");
        }
        return ok(
            new BaseStationReport(
                type,
                repeat,
                mmsi,
                b.u(38, 14),
                b.u(52, 4),
                b.u(56, 5),
                b.u(61, 5),
                b.u(66, 6),
                b.u(72, 6),
                b.flag(78),
                b.s(79, 28),
                b.s(107, 27),
                b.u(134, 4),
                b.u(138, 10),
                b.flag(148),
                b.u(149, Math.min(19, n - 149))));
      }
      case 5 -> {
        if (n < 420 || n > 1008) {
          return wrongLength(type, n, "424");
        }
        return ok(
            new StaticVoyageData(
                repeat,
                mmsi,
                b.u(38, 2),
                b.u(40, 30),
                b.text(70, 7),
                b.text(112, 20),
                b.u(232, 8),
                b.u(240, 9),
                b.u(249, 9),
                b.u(258, 6),
                b.u(264, 6),
                b.u(270, 4),
                b.u(274, 4),
                b.u(278, 5),
                b.u(283, 5),
                b.u(288, 6),
                b.u(294, 8),
                b.text(302, 20),
                b.u(422, 1),
                b.u(423, 1)));
      }
      case 6 -> {
        if (n < 88 || n > 1008) {
          return wrongLength(type, n, "88 to 1008");
        }
        int dac = b.u(72, 10);
        int fid = b.u(82, 6);
        return ok(
            new AddressedBinary(
                repeat,
                mmsi,
                b.u(38, 2),
                b.u(40, 30),
                b.flag(70),
                b.u(71, 1),
                dac,
                fid,
                b.tail(88),
                addressedApplication(b, dac, fid)));
      }
      case 7, 13 -> {
        if (n < 72 || n > 168) {
          return wrongLength(type, n, "72 to 168");
        }
        List<Integer> acks = new ArrayList<>(4);
        for (int i = 0; i < 4 && n > 40 + 32 * i; i++) {
          acks.add(b.u(40 + 32 * i, 30));
        }
        return ok(new Acknowledge(type, repeat, mmsi, b.u(38, 2), acks));
      }
      case 8 -> {
        if (n < 56 || n > 1008) {
          return wrongLength(type, n, "56 to 1008");
        }
        int dac = b.u(40, 10);
        int fid = b.u(50, 6);
        return ok(
            new BroadcastBinary(
                repeat, mmsi, b.u(38, 2), dac, fid, b.tail(56), broadcastApplication(b, dac, fid)));
      }
      case 9 -> {
        if (n < 150 || n > 1008) {
          return wrongLength(type, n, "168");
        }
        return ok(
            new SarAircraftPosition(
                repeat,
                mmsi,
                b.u(38, 12),
                b.u(50, 10),
                b.flag(60),
                b.s(61, 28),
                b.s(89, 27),
                b.u(116, 12),
                b.u(128, 6),
                b.u(134, 8),
                b.u(142, 1),
                b.u(143, 3),
                b.flag(146),
                b.flag(147),
                b.u(148, Math.min(20, n - 148))));
      }
      case 10 -> {
        if (n < 70 || n > 1008) {
          return wrongLength(type, n, "72");
        }
        return ok(new UtcDateInquiry(repeat, mmsi, b.u(38, 2), b.u(40, 30), b.u(70, 2)));
      }
      case 12 -> {
        if (n < 72 || n > 1008) {
          return wrongLength(type, n, "72 to 1008");
        }
        return ok(
            new AddressedSafety(
                repeat,
                mmsi,
                b.u(38, 2),
                b.u(40, 30),
                b.flag(70),
                b.u(71, 1),
                b.text(72, (n - 72) / 6)));
      }
      case 14 -> {
        if (n < 40 || n > 1008) {
          return wrongLength(type, n, "40 to 1008");
        }
        return ok(new SafetyBroadcast(repeat, mmsi, b.u(38, 2), b.text(40, (n - 40) / 6)));
      }
      case 15 -> {
        if (n < 88 || n > 168) {
          return wrongLength(type, n, "88 to 168");
        }
        boolean second = n > 90;
        boolean third = n > 110;
        return ok(
            new Interrogation(
                repeat,
                mmsi,
                b.u(40, 30),
                b.u(70, 6),
                b.u(76, 12),
                second ? b.u(90, 6) : 0,
                second ? b.u(96, 12) : 0,
                third ? b.u(110, 30) : 0,
                third ? b.u(140, 6) : 0,
                third ? b.u(146, 12) : 0,
                n));
      }
      case 16 -> {
        if (n < 92 || n > 168) {
          return wrongLength(type, n, "96 or 144");
        }
        boolean second = n >= 144;
        return ok(
            new AssignedModeCommand(
                repeat,
                mmsi,
                b.u(40, 30),
                b.u(70, 12),
                b.u(82, 10),
                second ? b.u(92, 30) : 0,
                second ? b.u(122, 12) : 0,
                second ? b.u(134, 10) : 0,
                second));
      }
      case 17 -> {
        if (n < 80 || n > 816) {
          return wrongLength(type, n, "80 to 816");
        }
        return ok(new GnssBroadcast(repeat, mmsi, b.s(40, 18), b.s(58, 17), b.tail(80)));
      }
      case 18 -> {
        if (n < 150 || n > 1008) {
          return wrongLength(type, n, "168");
        }
        return ok(
            new ClassBPosition(
                repeat,
                mmsi,
                b.u(38, 8),
                b.u(46, 10),
                b.flag(56),
                b.s(57, 28),
                b.s(85, 27),
                b.u(112, 12),
                b.u(124, 9),
                b.u(133, 6),
                b.u(139, 2),
                b.flag(141),
                b.flag(142),
                b.flag(143),
                b.flag(144),
                b.flag(145),
                b.flag(146),
                b.flag(147),
                b.u(148, Math.min(20, n - 148))));
      }
      case 19 -> {
        if (n < 308 || n > 1008) {
          return wrongLength(type, n, "312");
        }
        return ok(
            new ExtendedClassBPosition(
                repeat,
                mmsi,
                b.u(38, 8),
                b.u(46, 10),
                b.flag(56),
                b.s(57, 28),
                b.s(85, 27),
                b.u(112, 12),
                b.u(124, 9),
                b.u(133, 6),
                b.u(139, 4),
                b.text(143, 20),
                b.u(263, 8),
                b.u(271, 9),
                b.u(280, 9),
                b.u(289, 6),
                b.u(295, 6),
                b.u(301, 4),
                b.flag(305),
                b.u(306, 1),
                b.flag(307),
                b.u(308, 4)));
      }
      case 20 -> {
        if (n < 70 || n > 1008) {
          return wrongLength(type, n, "72 to 160");
        }
        List<Reservation> res = new ArrayList<>(4);
        for (int i = 0; i < 4 && 40 + 30 * i + 30 <= n; i++) {
          int a = 40 + 30 * i;
          res.add(new Reservation(b.u(a, 12), b.u(a + 12, 4), b.u(a + 16, 3), b.u(a + 19, 11)));
        }
        return ok(new DataLinkManagement(repeat, mmsi, b.u(38, 2), res));
      }
      case 21 -> {
        if (n < 272 || n > 368) {
          return wrongLength(type, n, "272 to 360");
        }
        String name = b.text(43, 20);
        if (Bits.trim(name).length() == 20 && n > 272) {
          name = name + b.text(272, (n - 272) / 6);
        }
        return ok(
            new AidToNavigation(
                repeat,
                mmsi,
                b.u(38, 5),
                name,
                b.flag(163),
                b.s(164, 28),
                b.s(192, 27),
                b.u(219, 9),
                b.u(228, 9),
                b.u(237, 6),
                b.u(243, 6),
                b.u(249, 4),
                b.u(253, 6),
                b.flag(259),
                b.u(260, 8),
                b.flag(268),
                b.flag(269),
                b.flag(270),
                b.u(271, 1)));
      }
      case 22 -> {
        if (n < 164 || n > 1008) {
          return wrongLength(type, n, "168");
        }
        boolean addressed = b.flag(139);
        return ok(
            new ChannelManagement(
                repeat,
                mmsi,
                b.u(40, 12),
                b.u(52, 12),
                b.u(64, 4),
                b.flag(68),
                addressed,
                addressed ? 0 : b.s(69, 18),
                addressed ? 0 : b.s(87, 17),
                addressed ? 0 : b.s(104, 18),
                addressed ? 0 : b.s(122, 17),
                addressed ? b.u(69, 30) : 0,
                addressed ? b.u(104, 30) : 0,
                b.flag(140),
                b.flag(141),
                b.u(142, 3)));
      }
      case 23 -> {
        if (n < 156 || n > 1008) {
          return wrongLength(type, n, "160");
        }
        return ok(
            new GroupAssignment(
                repeat,
                mmsi,
                b.s(40, 18),
                b.s(58, 17),
                b.s(75, 18),
                b.s(93, 17),
                b.u(110, 4),
                b.u(114, 8),
                b.u(144, 2),
                b.u(146, 4),
                b.u(150, 4)));
      }
      case 24 -> {
        int part = b.u(38, 2);
        if (part == 0) {
          if (n < 156 || n > 168) {
            return wrongLength(type, n, "160 (part A)");
          }
          return ok(new StaticDataReportA(repeat, mmsi, b.text(40, 20)));
        }
        if (part == 1) {
          if (n < 162 || n > 176) {
            return wrongLength(type, n, "168 (part B)");
          }
          boolean aux = mmsi / 10000000 == 98;
          return ok(
              new StaticDataReportB(
                  repeat,
                  mmsi,
                  b.u(40, 8),
                  b.text(48, 7),
                  b.u(66, 4),
                  b.u(70, 20),
                  b.text(90, 7),
                  aux ? 0 : b.u(132, 9),
                  aux ? 0 : b.u(141, 9),
                  aux ? 0 : b.u(150, 6),
                  aux ? 0 : b.u(156, 6),
                  aux ? b.u(132, 30) : 0));
        }
        return Outcome.rejected(
            "ais-bad-part", "partno", "type 24 part number " + part + ", expected 0 (A) or 1 (B)");
      }
      case 25 -> {
        if (n < 40 || n > 168) {
          return wrongLength(type, n, "40 to 168");
        }
        boolean addressed = b.flag(38);
        boolean structured = b.flag(39);
        int header = 40 + (structured ? 16 : 0) + (addressed ? 30 : 0);
        if (n < header) {
          return wrongLength(type, n, "at least " + header + " for its addressing mode");
        }
        return ok(
            new SingleSlotBinary(
                repeat,
                mmsi,
                addressed,
                structured,
                addressed ? b.u(40, 30) : 0,
                structured ? b.u(addressed ? 70 : 40, 16) : 0,
                b.tail(header)));
      }
      case 26 -> {
        if (n < 60 || n > 1064) {
          return wrongLength(type, n, "60 to 1064");
        }
        boolean addressed = b.flag(38);
        boolean structured = b.flag(39);
        int header = 40 + (structured ? 16 : 0) + (addressed ? 30 : 0);
        if (n < header + 20) {
          return wrongLength(type, n, "at least " + (header + 20) + " for its addressing mode");
        }
        return ok(
            new MultiSlotBinary(
                repeat,
                mmsi,
                addressed,
                structured,
                addressed ? b.u(40, 30) : 0,
                structured ? b.u(addressed ? 70 : 40, 16) : 0,
                b.slice(header, n - header - 20),
                b.u(n - 20, 20)));
      }
      case 27 -> {
        if (n < 92 || n > 1008) {
          return wrongLength(type, n, "96");
        }
        return ok(
            new LongRangeBroadcast(
                repeat,
                mmsi,
                b.flag(38),
                b.flag(39),
                b.u(40, 4),
                b.s(44, 18),
                b.s(62, 17),
                b.u(79, 6),
                b.u(85, 9),
                b.flag(94),
                b.u(95, 1)));
      }
      default -> {
        return Outcome.rejected(
            "ais-unknown-type", "type", "message type " + type + " is not defined (1-27)");
      }
    }
  }

  private static ApplicationData addressedApplication(Bits b, int dac, int fid) {
    int n = b.length();
    if ((dac == 235 || dac == 250) && fid == 10 && n == 136) {
      return new AtonMonitoring(
          b.u(88, 10),
          b.u(98, 10),
          b.u(108, 10),
          b.u(118, 2),
          b.u(120, 2),
          b.flag(122),
          b.u(123, 8),
          b.flag(131));
    }
    if (dac != 1) {
      return null;
    }
    switch (fid) {
      case 12 -> {
        return new DangerousCargo(
            b.text(88, 5),
            b.u(118, 4),
            b.u(122, 5),
            b.u(127, 5),
            b.u(132, 6),
            b.text(138, 5),
            b.u(168, 4),
            b.u(172, 5),
            b.u(177, 5),
            b.u(182, 6),
            b.text(188, 20),
            b.text(308, 4),
            b.u(332, 13),
            b.u(345, 10),
            b.u(355, 2));
      }
      case 14 -> {
        return tidalWindow(b, 14, 93, n);
      }
      case 32 -> {
        return tidalWindow(b, 32, 88, n);
      }
      case 16 -> {
        if (n < 101) {
          return null;
        }
        return new PersonsOnBoard(b.u(88, 13));
      }
      case 18 -> {
        return new ClearanceTime(
            b.u(88, 10),
            b.u(98, 4),
            b.u(102, 5),
            b.u(107, 5),
            b.u(112, 6),
            b.text(118, 20),
            b.text(238, 5),
            b.s(268, 25),
            b.s(293, 24));
      }
      case 30 -> {
        if (n < 98) {
          return null;
        }
        return new TextDescription(b.u(88, 10), b.text(98, (n - 98) / 6));
      }
      default -> {
        return null;
      }
    }
  }

  private static ApplicationData tidalWindow(Bits b, int fid, int element, int n) {
    if (n <= 97) {
      return null;
    }
    List<Tidal> tidals = new ArrayList<>();
    for (int a = 97; a < n; a += element) {
      if (fid == 14) {
        tidals.add(
            new Tidal(
                b.s(a + 27, 28),
                b.s(a, 27),
                b.u(a + 55, 5),
                b.u(a + 60, 6),
                b.u(a + 66, 5),
                b.u(a + 71, 6),
                b.u(a + 77, 9),
                b.u(a + 86, 7)));
      } else {
        tidals.add(
            new Tidal(
                b.s(a, 25),
                b.s(a + 25, 24),
                b.u(a + 49, 5),
                b.u(a + 54, 6),
                b.u(a + 60, 5),
                b.u(a + 65, 6),
                b.u(a + 71, 9),
                b.u(a + 80, 8)));
      }
    }
    return new TidalWindow(fid, b.u(88, 4), b.u(92, 5), tidals);
  }

  private static ApplicationData broadcastApplication(Bits b, int dac, int fid) {
    int n = b.length();
    if (dac == 200 && fid == 10 && n == 168) {
      return new InlandStatic(
          b.text(56, 8),
          b.u(104, 13),
          b.u(117, 10),
          b.u(127, 14),
          b.u(141, 3),
          b.u(144, 11),
          b.u(155, 2),
          b.flag(157),
          b.flag(158),
          b.flag(159));
    }
    if (dac != 1) {
      return null;
    }
    if (fid == 11 && n >= 300) {
      return new MetHydro11(
          b.s(56, 24),
          b.s(80, 25),
          b.u(105, 5),
          b.u(110, 5),
          b.u(115, 6),
          b.u(121, 7),
          b.u(128, 7),
          b.u(135, 9),
          b.u(144, 9),
          b.u(153, 11),
          b.u(164, 7),
          b.u(171, 10),
          b.u(181, 9),
          b.u(190, 2),
          b.u(192, 8),
          b.u(200, 9),
          b.u(209, 2),
          b.u(211, 8),
          b.u(219, 9),
          b.u(228, 8),
          b.u(236, 9),
          b.u(245, 5),
          b.u(250, 8),
          b.u(258, 9),
          b.u(267, 5),
          b.u(272, 8),
          b.u(280, 6),
          b.u(286, 9),
          b.u(295, 8),
          b.u(303, 6),
          b.u(309, 9),
          b.u(318, 4),
          b.u(322, 10),
          b.u(332, 3),
          b.u(335, 9),
          b.u(344, 2));
    }
    if (fid == 31 && n >= 300) {
      return new MetHydro31(
          b.s(56, 25),
          b.s(81, 24),
          b.flag(105),
          b.u(106, 5),
          b.u(111, 5),
          b.u(116, 6),
          b.u(122, 7),
          b.u(129, 7),
          b.u(136, 9),
          b.u(145, 9),
          b.s(154, 11),
          b.u(165, 7),
          b.s(172, 10),
          b.u(182, 9),
          b.u(191, 2),
          b.flag(193),
          b.u(194, 7),
          b.u(201, 12),
          b.u(213, 2),
          b.u(215, 8),
          b.u(223, 9),
          b.u(232, 8),
          b.u(240, 9),
          b.u(249, 5),
          b.u(254, 8),
          b.u(262, 9),
          b.u(271, 5),
          b.u(276, 8),
          b.u(284, 6),
          b.u(290, 9),
          b.u(299, 8),
          b.u(307, 6),
          b.u(313, 9),
          b.u(322, 4),
          b.s(326, 10),
          b.u(336, 3),
          b.u(339, 9),
          b.u(348, 2));
    }
    if (fid == 29 && n >= 66) {
      return new TextDescription(b.u(56, 10), b.text(66, (n - 66) / 6));
    }
    return null;
  }

  private static Outcome<AisMessage> ok(AisMessage m) {
    return Outcome.accepted(m);
  }

  private static Outcome<AisMessage> tooShort(int n, String expected) {
    return Outcome.rejected(
        "ais-too-short", "payload", "payload has " + n + " bits, expected " + expected);
  }

  private static Outcome<AisMessage> wrongLength(int type, int n, String expected) {
    return Outcome.rejected(
        "ais-bad-length",
        "payload",
        "type " + type + " payload has " + n + " bits, expected " + expected);
  }
}
