package org.sekisho.maritime.adapter.json;

/** The text gpsd prints beside coded values ({@code *_text} fields). */
final class Legends {
  private Legends() {}

  private static final String[] NAV = {
    "Under way using engine",
    "At anchor",
    "Not under command",
    "Restricted maneuverability",
    "Constrained by her draught",
    "Moored",
    "Aground",
    "Engaged in fishing",
    "Under way sailing",
    "Reserved for HSC",
    "Reserved for WIG",
    "Power-driven vessel towing astern",
    "Power-driven vessel pushing ahead or towing alongside",
    "Reserved",
    "AIS-SART is active",
    "Not defined",
  };

  private static final String[] EPFD = {
    "Undefined",
    "GPS",
    "GLONASS",
    "Combined GPS/GLONASS",
    "Loran-C",
    "Chayka",
    "Integrated navigation system",
    "Surveyed",
    "Galileo",
  };

  private static final String[] SHIP_DECADE = {
    null,
    null,
    "Wing in ground (WIG)",
    null,
    "High speed craft (HSC)",
    null,
    "Passenger",
    "Cargo",
    "Tanker",
    "Other Type",
  };

  private static final String[] SHIP_3X = {
    "Fishing",
    "Towing",
    "Towing: length exceeds 200m or breadth exceeds 25m",
    "Dredging or underwater ops",
    "Diving ops",
    "Military ops",
    "Sailing",
    "Pleasure Craft",
    "Reserved",
    "Reserved",
  };

  private static final String[] SHIP_5X = {
    "Pilot Vessel",
    "Search and Rescue vessel",
    "Tug",
    "Port Tender",
    "Anti-pollution equipment",
    "Law Enforcement",
    "Spare - Local Vessel",
    "Spare - Local Vessel",
    "Medical Transport",
    "Ship according to RR Resolution No. 18",
  };

  private static final String[] CATEGORY = {
    "all ships of this type",
    "Hazardous category A",
    "Hazardous category B",
    "Hazardous category C",
    "Hazardous category D",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "No additional information",
  };

  private static final String[] STATION = {
    "All types of mobiles",
    "Reserved for future use",
    "All types of Class B mobile stations",
    "SAR airborne mobile station",
    "Aid to Navigation station",
    "Class B shipborne mobile station",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
  };

  private static final String[] NAVAID = {
    "Unspecified",
    "Reference point",
    "RACON",
    "Fixed offshore structure",
    "Spare, Reserved for future use.",
    "Light, without sectors",
    "Light, with sectors",
    "Leading Light Front",
    "Leading Light Rear",
    "Beacon, Cardinal N",
    "Beacon, Cardinal E",
    "Beacon, Cardinal S",
    "Beacon, Cardinal W",
    "Beacon, Port hand",
    "Beacon, Starboard hand",
    "Beacon, Preferred Channel port hand",
    "Beacon, Preferred Channel starboard hand",
    "Beacon, Isolated danger",
    "Beacon, Safe water",
    "Beacon, Special mark",
    "Cardinal Mark N",
    "Cardinal Mark E",
    "Cardinal Mark S",
    "Cardinal Mark W",
    "Port hand Mark",
    "Starboard hand Mark",
    "Preferred Channel Port hand",
    "Preferred Channel Starboard hand",
    "Isolated danger",
    "Safe Water",
    "Special Mark",
    "Light Vessel / LANBY / Rigs",
  };

  static final String[] RACON = {
    "No RACON installed", "RACON not monitored", "RACON operational", "RACON ERROR"
  };
  static final String[] LIGHT = {
    "No light or no monitoring", "Light ON", "Light OFF", "Light ERROR"
  };
  static final String[] TREND = {"steady", "increasing", "decreasing", "N/A"};
  static final String[] PRECIP = {
    "reserved", "rain", "thunderstorm", "freezing rain", "mixed/ice", "snow", "reserved", "N/A"
  };
  static final String[] ICE = {"no", "yes", "reserved", "N/A"};

  private static final int[][] INLAND_CODES = {
    {8000, 99}, {8010, 79}, {8020, 89}, {8021, 80}, {8022, 80}, {8023, 89}, {8030, 79}, {8040, 80},
    {8050, 79}, {8060, 89}, {8070, 79}, {8080, 89}, {8090, 79}, {8100, 89}, {8110, 79}, {8120, 89},
    {8130, 31}, {8140, 31}, {8150, 99}, {8160, 99}, {8161, 90}, {8162, 90}, {8163, 99}, {8170, 99},
    {8180, 90}, {8210, 79}, {8220, 79}, {8230, 79}, {8240, 79}, {8250, 79}, {8260, 79}, {8270, 79},
    {8280, 79}, {8290, 79}, {8310, 80}, {8320, 80}, {8330, 80}, {8340, 80}, {8350, 80}, {8360, 80},
    {8370, 80},
  };
  private static final String[] INLAND_NAMES = {
    "Vessel, type unknown",
    "Motor freighter",
    "Motor tanker",
    "Motor tanker, liquid cargo, type N",
    "Motor tanker, liquid cargo, type C",
    "Motor tanker, dry cargo as if liquid (e.g. cement)",
    "Container vessel",
    "Gas tanker",
    "Motor freighter, tug",
    "Motor tanker, tug",
    "Motor freighter with one or more ships alongside",
    "Motor freighter with tanker",
    "Motor freighter pushing one or more freighters",
    "Motor freighter pushing at least one tank-ship",
    "Tug, freighter",
    "Tug, tanker",
    "Tug freighter, coupled",
    "Tug, freighter/tanker, coupled",
    "Freightbarge",
    "Tankbarge",
    "Tankbarge, liquid cargo, type N",
    "Tankbarge, liquid cargo, type C",
    "Tankbarge, dry cargo as if liquid (e.g. cement)",
    "Freightbarge with containers",
    "Tankbarge, gas",
    "Pushtow, one cargo barge",
    "Pushtow, two cargo barges",
    "Pushtow, three cargo barges",
    "Pushtow, four cargo barges",
    "Pushtow, five cargo barges",
    "Pushtow, six cargo barges",
    "Pushtow, seven cargo barges",
    "Pushtow, eigth cargo barges",
    "Pushtow, nine or more barges",
    "Pushtow, one tank/gas barge",
    "Pushtow, two barges at least one tanker or gas barge",
    "Pushtow, three barges at least one tanker or gas barge",
    "Pushtow, four barges at least one tanker or gas barge",
    "Pushtow, five barges at least one tanker or gas barge",
    "Pushtow, six barges at least one tanker or gas barge",
    "Pushtow, seven barges at least one tanker or gas barg",
  };
  private static final String[] HAZARD = {
    "0 blue cones/lights",
    "1 blue cone/light",
    "2 blue cones/lights",
    "3 blue cones/lights",
    "4 B-Flag",
    "Unknown",
  };
  private static final String[] LOADED = {"N/A (default)", "Unloaded", "Loaded"};

  static String navStatus(int s) {
    return NAV[s & 15];
  }

  static String epfd(int e) {
    if (e < EPFD.length) {
      return EPFD[e];
    }
    return e == 15 ? "Internal GNSS" : "Reserved (" + e + ")";
  }

  static String shipType(int t) {
    if (t == 0) {
      return "Not available";
    }
    if (t >= 100) {
      return "INVALID SHIP TYPE";
    }
    int tens = t / 10;
    int units = t % 10;
    if (tens == 3) {
      return SHIP_3X[units];
    }
    if (tens == 5) {
      return SHIP_5X[units];
    }
    String decade = SHIP_DECADE[tens];
    if (decade == null) {
      return "Reserved for future use";
    }
    String category = CATEGORY[units];
    if (tens == 9 && units == 9) {
      category = "no additional information";
    }
    if (tens == 2 && units == 9) {
      category = "Reserved for future use";
    }
    return decade + " - " + category;
  }

  static String stationType(int t) {
    return STATION[t & 15];
  }

  static String navaid(int t) {
    return t < NAVAID.length ? NAVAID[t] : "INVALID NAVAID TYPE";
  }

  static String inlandShipType(int t) {
    for (int i = 0; i < INLAND_CODES.length; i++) {
      if (INLAND_CODES[i][0] == t || INLAND_CODES[i][1] == t) {
        return INLAND_NAMES[i];
      }
    }
    return "Illegal ship type value.";
  }

  static String hazard(int h) {
    return h < HAZARD.length ? HAZARD[h] : "INVALID HAZARD TYPE";
  }

  static String loaded(int l) {
    return l < LOADED.length ? LOADED[l] : "INVALID LOAD STATUS";
  }
}
