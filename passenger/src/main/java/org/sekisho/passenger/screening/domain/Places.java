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
