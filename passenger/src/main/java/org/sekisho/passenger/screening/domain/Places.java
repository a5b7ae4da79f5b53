package org.sekisho.passenger.screening.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where airports are and how countries are written. Messages carry IATA airport codes and ISO 3166
 * alpha-3 (sometimes alpha-2) country codes; rules and watchlists compare alpha-2. The airport
 * table covers the main international airports; an airport it does not know has no country, so a
 * {@code via} test ignores it rather than guessing.
 */
public final class Places {
  private static final Map<String, String> AIRPORTS = new HashMap<>();
  private static final Map<String, String> ALPHA3 = new HashMap<>();
  private static final Map<String, java.time.ZoneId> COUNTRY_ZONES = new HashMap<>();
  private static final Map<String, java.time.ZoneId> AIRPORT_ZONES = new HashMap<>();

  static {
    String table =
        // Japan
        "NRT HND KIX ITM NGO CTS FUK OKA KOJ SDJ HIJ KMJ OIT KMQ NGS:JP;"
            // East and South-East Asia, Oceania
            + "ICN GMP PUS CJU:KR;PEK PKX PVG SHA CAN SZX CTU XIY KMG CKG HGH XMN TAO:CN;HKG:HK;"
            + "MFM:MO;TPE TSA KHH:TW;MNL CEB CRK:PH;BKK DMK HKT CNX:TH;SGN HAN DAD:VN;SIN:SG;"
            + "KUL PEN BKI:MY;CGK DPS SUB:ID;PNH REP:KH;VTE:LA;RGN:MM;SYD MEL BNE PER ADL OOL"
            + " CNS:AU;AKL CHC:NZ;GUM:GU;ULN:MN;"
            // South and Central Asia, Middle East
            + "DEL BOM BLR MAA CCU HYD COK:IN;KHI LHE ISB:PK;DAC:BD;CMB:LK;KTM:NP;MLE:MV;"
            + "KBL:AF;TAS:UZ;ALA NQZ:KZ;DXB AUH SHJ:AE;DOH:QA;BAH:BH;KWI:KW;MCT:OM;RUH JED DMM:SA;"
            + "AMM:JO;BEY:LB;DAM:SY;BGW EBL:IQ;IKA THR:IR;TLV:IL;IST SAW AYT ESB:TR;"
            // Europe
            + "LHR LGW STN MAN EDI BHX:GB;DUB:IE;CDG ORY NCE LYS MRS:FR;FRA MUC BER DUS HAM CGN"
            + " STR:DE;AMS:NL;BRU:BE;LUX:LU;ZRH GVA:CH;VIE:AT;MAD BCN AGP PMI:ES;LIS OPO:PT;FCO"
            + " MXP LIN VCE NAP:IT;ATH:GR;CPH:DK;OSL:NO;ARN:SE;HEL:FI;KEF:IS;WAW KRK:PL;PRG:CZ;"
            + "BUD:HU;OTP:RO;SOF:BG;BEG:RS;ZAG:HR;SVO DME VKO LED:RU;KBP:UA;MSQ:BY;RIX:LV;VNO:LT;"
            + "TLL:EE;MLA:MT;LCA:CY;TBS:GE;EVN:AM;GYD:AZ;"
            // Africa
            + "CAI HRG SSH:EG;CMN RAK:MA;ALG:DZ;TUN:TN;ADD:ET;NBO:KE;DAR:TZ;EBB:UG;KGL:RW;LOS ABV:NG;"
            + "ACC:GH;DKR DSS:SN;ABJ:CI;JNB CPT DUR:ZA;WDH:NA;LAD:AO;LUN:ZM;HRE:ZW;MRU:MU;"
            // Americas
            + "JFK EWR LGA IAD DCA BWI BOS ORD ATL DFW IAH MIA FLL MCO LAX SFO SEA LAS PHX DEN MSP"
            + " DTW PHL CLT SAN SLC HNL ANC:US;YYZ YVR YUL YYC YOW:CA;MEX CUN GDL MTY TIJ:MX;"
            + "GUA:GT;SAL:SV;SAP TGU:HN;MGA:NI;SJO:CR;PTY:PA;HAV:CU;SDQ PUJ:DO;KIN MBJ:JM;"
            + "PAP:HT;POS:TT;BOG MDE CLO CTG:CO;CCS:VE;UIO GYE:EC;LIM:PE;LPB VVI:BO;SCL:CL;"
            + "EZE AEP:AR;MVD:UY;ASU:PY;GRU GIG BSB CNF:BR;GEO:GY;PBM:SR;CAY:GF";
    for (String group : table.split(";")) {
      String[] parts = group.split(":");
      for (String airport : parts[0].trim().split("\\s+")) {
        AIRPORTS.put(airport, parts[1]);
      }
    }
    for (String a2 : Locale.getISOCountries()) {
      ALPHA3.put(Locale.of("", a2).getISO3Country(), a2);
    }
    // the zone of each country the airport table holds; countries with several zones are given
    // per airport below, so a schedule's local times are read where the airport is
    String zones =
        "Asia/Tokyo:JP;Asia/Seoul:KR;Asia/Shanghai:CN;Asia/Hong_Kong:HK;Asia/Macau:MO;"
            + "Asia/Taipei:TW;Asia/Manila:PH;Asia/Bangkok:TH;Asia/Ho_Chi_Minh:VN;Asia/Singapore:SG;"
            + "Asia/Kuala_Lumpur:MY;Asia/Jakarta:ID;Asia/Phnom_Penh:KH;Asia/Vientiane:LA;"
            + "Asia/Yangon:MM;Australia/Sydney:AU;Pacific/Auckland:NZ;Pacific/Guam:GU;"
            + "Asia/Ulaanbaatar:MN;Asia/Kolkata:IN;Asia/Karachi:PK;Asia/Dhaka:BD;Asia/Colombo:LK;"
            + "Asia/Kathmandu:NP;Indian/Maldives:MV;Asia/Kabul:AF;Asia/Tashkent:UZ;"
            + "Asia/Almaty:KZ;Asia/Dubai:AE;Asia/Qatar:QA;Asia/Bahrain:BH;Asia/Kuwait:KW;"
            + "Asia/Muscat:OM;Asia/Riyadh:SA;Asia/Amman:JO;Asia/Beirut:LB;Asia/Damascus:SY;"
            + "Asia/Baghdad:IQ;Asia/Tehran:IR;Asia/Jerusalem:IL;Europe/Istanbul:TR;"
            + "Europe/London:GB;Europe/Dublin:IE;Europe/Paris:FR;Europe/Berlin:DE;"
            + "Europe/Amsterdam:NL;Europe/Brussels:BE;Europe/Luxembourg:LU;Europe/Zurich:CH;"
            + "Europe/Vienna:AT;Europe/Madrid:ES;Europe/Lisbon:PT;Europe/Rome:IT;Europe/Athens:GR;"
            + "Europe/Copenhagen:DK;Europe/Oslo:NO;Europe/Stockholm:SE;Europe/Helsinki:FI;"
            + "Atlantic/Reykjavik:IS;Europe/Warsaw:PL;Europe/Prague:CZ;Europe/Budapest:HU;"
            + "Europe/Bucharest:RO;Europe/Sofia:BG;Europe/Belgrade:RS;Europe/Zagreb:HR;"
            + "Europe/Moscow:RU;Europe/Kyiv:UA;Europe/Minsk:BY;Europe/Riga:LV;Europe/Vilnius:LT;"
            + "Europe/Tallinn:EE;Europe/Malta:MT;Asia/Nicosia:CY;Asia/Tbilisi:GE;Asia/Yerevan:AM;"
            + "Asia/Baku:AZ;Africa/Cairo:EG;Africa/Casablanca:MA;Africa/Algiers:DZ;"
            + "Africa/Tunis:TN;Africa/Addis_Ababa:ET;Africa/Nairobi:KE;Africa/Dar_es_Salaam:TZ;"
            + "Africa/Kampala:UG;Africa/Kigali:RW;Africa/Lagos:NG;Africa/Accra:GH;Africa/Dakar:SN;"
            + "Africa/Abidjan:CI;Africa/Johannesburg:ZA;Africa/Windhoek:NA;Africa/Luanda:AO;"
            + "Africa/Lusaka:ZM;Africa/Harare:ZW;Indian/Mauritius:MU;America/New_York:US;"
            + "America/Toronto:CA;America/Mexico_City:MX;America/Guatemala:GT;"
            + "America/El_Salvador:SV;America/Tegucigalpa:HN;America/Managua:NI;"
            + "America/Costa_Rica:CR;America/Panama:PA;America/Havana:CU;America/Santo_Domingo:DO;"
            + "America/Jamaica:JM;America/Port-au-Prince:HT;America/Port_of_Spain:TT;"
            + "America/Bogota:CO;America/Caracas:VE;America/Guayaquil:EC;America/Lima:PE;"
            + "America/La_Paz:BO;America/Santiago:CL;America/Argentina/Buenos_Aires:AR;"
            + "America/Montevideo:UY;America/Asuncion:PY;America/Sao_Paulo:BR;America/Guyana:GY;"
            + "America/Paramaribo:SR;America/Cayenne:GF";
    String airportZones =
        "America/Chicago:ORD DFW IAH MSP;America/Denver:DEN SLC;America/Phoenix:PHX;"
            + "America/Los_Angeles:LAX SFO SEA LAS SAN;Pacific/Honolulu:HNL;"
            + "America/Anchorage:ANC;America/Vancouver:YVR;America/Edmonton:YYC;"
            + "America/Cancun:CUN;America/Tijuana:TIJ;Australia/Brisbane:BNE OOL CNS;"
            + "Australia/Perth:PER;Australia/Adelaide:ADL;Asia/Makassar:DPS";
    for (String group : zones.split(";")) {
      String[] parts = group.split(":");
      COUNTRY_ZONES.put(parts[1], java.time.ZoneId.of(parts[0]));
    }
    for (String group : airportZones.split(";")) {
      String[] parts = group.split(":");
      for (String airport : parts[1].trim().split("\\s+")) {
        AIRPORT_ZONES.put(airport, java.time.ZoneId.of(parts[0]));
      }
    }
    ALPHA3.put("D", "DE"); // Germany's one-letter code on machine-readable documents
    ALPHA3.put("XKX", "XK");
  }

  private Places() {}

  /** The alpha-2 country of an IATA airport, empty when the table does not know it. */
  public static String countryOfAirport(String iata) {
    if (iata == null) {
      return "";
    }
    return AIRPORTS.getOrDefault(iata.strip().toUpperCase(Locale.ROOT), "");
  }

  /**
   * The time zone of an IATA airport, so that a schedule's local times can be put on one clock;
   * empty when the table does not know the airport.
   */
  public static java.util.Optional<java.time.ZoneId> zoneOfAirport(String iata) {
    if (iata == null) {
      return java.util.Optional.empty();
    }
    String code = iata.strip().toUpperCase(Locale.ROOT);
    java.time.ZoneId own = AIRPORT_ZONES.get(code);
    return own != null
        ? java.util.Optional.of(own)
        : java.util.Optional.ofNullable(COUNTRY_ZONES.get(countryOfAirport(code)));
  }

  /**
   * A country written as alpha-2 or alpha-3 (as messages send it) in alpha-2 upper case; empty when
   * it is neither.
   */
  public static String country(String code) {
    if (code == null) {
      return "";
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    if (c.length() == 2 && c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
      return org.sekisho.core.Country.isValid(c) ? c : "";
    }
    return ALPHA3.getOrDefault(c, "");
  }
}
