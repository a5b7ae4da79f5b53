package org.sekisho.app.demo;

import java.util.List;

/**
 * The fixed word lists the demo generator draws from: Japanese customs offices, real ports and
 * airports (UN/LOCODE), carriers, goods with their HS codes, and the parts of Japanese and foreign
 * names. Invented company names are built from common words so that they do not name real firms.
 */
final class DemoVocabulary {
  private DemoVocabulary() {}

  /** A Japanese customs office: office code, its UN/LOCODE, the phone area code near it. */
  record Office(String code, String locode, String areaCode, boolean air, String prefecture) {}

  static final List<Office> SEA_OFFICES =
      List.of(
          new Office("JPTYO", "JPTYO", "03", false, "東京都"),
          new Office("JPYOK", "JPYOK", "045", false, "神奈川県"),
          new Office("JPNGO", "JPNGO", "052", false, "愛知県"),
          new Office("JPOSA", "JPOSA", "06", false, "大阪府"),
          new Office("JPUKB", "JPUKB", "078", false, "兵庫県"),
          new Office("JPHKT", "JPHKT", "092", false, "福岡県"),
          new Office("JPMOJ", "JPMOJ", "093", false, "福岡県"),
          new Office("JPSMZ", "JPSMZ", "054", false, "静岡県"),
          new Office("JPCHB", "JPCHB", "043", false, "千葉県"),
          new Office("JPNAH", "JPNAH", "098", false, "沖縄県"));

  static final List<Office> AIR_OFFICES =
      List.of(
          new Office("JPNRT", "JPNRT", "0476", true, "千葉県"),
          new Office("JPTYO-AIR", "JPTYO", "03", true, "東京都"),
          new Office("JPKIX", "JPKIX", "072", true, "大阪府"),
          new Office("JPNGO-AIR", "JPNGO", "0569", true, "愛知県"),
          new Office("JPFUK", "JPFUK", "092", true, "福岡県"));

  /** International mail exchange offices. */
  static final List<String> MAIL_OFFICES =
      List.of("JPKWS-MAIL", "JPOSA-MAIL", "JPTYO-MAIL", "JPNRT-MAIL", "JPFUK-MAIL", "JPNAH-MAIL");

  /** A foreign port or airport with its country. */
  record Port(String locode, String country) {}

  static final List<Port> SEA_PORTS =
      List.of(
          new Port("CNSHA", "CN"),
          new Port("CNNGB", "CN"),
          new Port("CNYTN", "CN"),
          new Port("CNTAO", "CN"),
          new Port("CNTSN", "CN"),
          new Port("CNXMN", "CN"),
          new Port("CNDLC", "CN"),
          new Port("HKHKG", "HK"),
          new Port("KRPUS", "KR"),
          new Port("KRINC", "KR"),
          new Port("TWKHH", "TW"),
          new Port("TWKEL", "TW"),
          new Port("SGSIN", "SG"),
          new Port("MYPKG", "MY"),
          new Port("MYTPP", "MY"),
          new Port("THLCH", "TH"),
          new Port("VNSGN", "VN"),
          new Port("VNHPH", "VN"),
          new Port("IDJKT", "ID"),
          new Port("PHMNL", "PH"),
          new Port("INNSA", "IN"),
          new Port("LKCMB", "LK"),
          new Port("AEJEA", "AE"),
          new Port("NLRTM", "NL"),
          new Port("DEHAM", "DE"),
          new Port("BEANR", "BE"),
          new Port("GBFXT", "GB"),
          new Port("USLAX", "US"),
          new Port("USLGB", "US"),
          new Port("USOAK", "US"),
          new Port("CAVAN", "CA"),
          new Port("MXZLO", "MX"),
          new Port("BRSSZ", "BR"),
          new Port("AUSYD", "AU"),
          new Port("AUMEL", "AU"),
          new Port("NZAKL", "NZ"));

  static final List<Port> AIRPORTS =
      List.of(
          new Port("HKHKG", "HK"),
          new Port("SGSIN", "SG"),
          new Port("THBKK", "TH"),
          new Port("KRSEL", "KR"),
          new Port("TWTPE", "TW"),
          new Port("CNSHA", "CN"),
          new Port("CNCAN", "CN"),
          new Port("CNBJS", "CN"),
          new Port("VNSGN", "VN"),
          new Port("PHMNL", "PH"),
          new Port("MYKUL", "MY"),
          new Port("INDEL", "IN"),
          new Port("AEDXB", "AE"),
          new Port("QADOH", "QA"),
          new Port("USLAX", "US"),
          new Port("USNYC", "US"),
          new Port("USSFO", "US"),
          new Port("CAYVR", "CA"),
          new Port("MXMEX", "MX"),
          new Port("DEFRA", "DE"),
          new Port("FRPAR", "FR"),
          new Port("GBLON", "GB"),
          new Port("NLAMS", "NL"),
          new Port("AUSYD", "AU"));

  /** Shipping lines: name, SCAC-like bill prefix, container owner code. */
  record Line(String name, String billPrefix, String ownerCode, String vesselPrefix) {}

  static final List<Line> LINES =
      List.of(
          new Line("Maersk", "MAEU", "MSKU", "MAERSK"),
          new Line("MSC", "MEDU", "MSCU", "MSC"),
          new Line("CMA CGM", "CMDU", "CMAU", "CMA CGM"),
          new Line("COSCO Shipping", "COSU", "CSNU", "COSCO"),
          new Line("Evergreen", "EGLV", "EGHU", "EVER"),
          new Line("Ocean Network Express", "ONEY", "ONEU", "ONE"),
          new Line("Hapag-Lloyd", "HLCU", "HLXU", "HAPAG"),
          new Line("OOCL", "OOLU", "OOLU", "OOCL"),
          new Line("Yang Ming", "YMLU", "YMLU", "YM"),
          new Line("HMM", "HDMU", "HDMU", "HMM"),
          new Line("Wan Hai", "WHLC", "WHLU", "WAN HAI"),
          new Line("SITC", "SITC", "SITU", "SITC"));

  /** Container leasing owner codes seen beside the lines' own boxes. */
  static final List<String> LEASING_OWNERS =
      List.of("TGHU", "TCLU", "TEMU", "FCIU", "SEGU", "BMOU");

  /** Airlines: name, IATA designator, AWB prefix. */
  record Airline(String name, String designator, String awbPrefix) {}

  static final List<Airline> AIRLINES =
      List.of(
          new Airline("Japan Airlines", "JL", "131"),
          new Airline("All Nippon Airways", "NH", "205"),
          new Airline("Nippon Cargo Airlines", "KZ", "933"),
          new Airline("Cathay Pacific", "CX", "160"),
          new Airline("Singapore Airlines", "SQ", "618"),
          new Airline("Korean Air", "KE", "180"),
          new Airline("China Airlines", "CI", "297"),
          new Airline("Thai Airways", "TG", "217"),
          new Airline("China Southern", "CZ", "784"),
          new Airline("FedEx", "FX", "023"),
          new Airline("Lufthansa Cargo", "LH", "020"),
          new Airline("Emirates SkyCargo", "EK", "176"));

  /** Freight forwarders issuing house bills. */
  static final List<String> FORWARDERS = List.of("NXJ", "KWE", "YLK", "SGK", "DHL", "KNL", "DSV");

  /** A kind of goods: HS code (6 digits), description, unit, typical value per kg in JPY. */
  record Goods(String hs, String description, String unit, int yenPerKg) {}

  static final List<Goods> GOODS =
      List.of(
          new Goods("090121", "roasted coffee", "kg", 1800),
          new Goods("030617", "frozen shrimp", "kg", 1500),
          new Goods("160414", "canned tuna", "kg", 900),
          new Goods("200899", "dried mango", "kg", 1200),
          new Goods("220421", "red wine", "l", 1400),
          new Goods("220830", "whisky", "l", 3500),
          new Goods("240220", "cigarettes", "pcs", 9000),
          new Goods("330499", "cosmetic cream", "pcs", 6000),
          new Goods("392690", "plastic fittings", "kg", 700),
          new Goods("401110", "car tyres", "pcs", 600),
          new Goods("420221", "leather handbags", "pcs", 25000),
          new Goods("482010", "notebooks", "kg", 500),
          new Goods("610910", "cotton T-shirts", "pcs", 2500),
          new Goods("620342", "cotton trousers", "pcs", 3000),
          new Goods("640399", "leather shoes", "pr", 8000),
          new Goods("711319", "gold jewellery", "g", 900000),
          new Goods("730890", "steel structures", "kg", 300),
          new Goods("847130", "laptop computers", "pcs", 60000),
          new Goods("851762", "network equipment", "pcs", 40000),
          new Goods("851713", "smartphones", "pcs", 90000),
          new Goods("852872", "television sets", "pcs", 4000),
          new Goods("870332", "used passenger cars", "pcs", 800),
          new Goods("870899", "auto parts", "kg", 1100),
          new Goods("900490", "sunglasses", "pcs", 12000),
          new Goods("910211", "wrist watches", "pcs", 50000),
          new Goods("940360", "wooden furniture", "kg", 800),
          new Goods("950300", "toys", "kg", 1500),
          new Goods("960390", "brushes", "kg", 900),
          new Goods("300490", "medicaments", "kg", 20000),
          new Goods("847989", "industrial machinery", "kg", 2000),
          new Goods("290511", "methanol", "kg", 80),
          new Goods("252329", "portland cement", "kg", 20));

  /** Small things sent by post: contents, HS code, declared value in USD. */
  record Parcel(String contents, String hs, int usd) {}

  static final List<Parcel> PARCELS =
      List.of(
          new Parcel("phone case", "392690", 15),
          new Parcel("clothes", "610910", 40),
          new Parcel("cosmetics", "330499", 35),
          new Parcel("vitamins", "210690", 30),
          new Parcel("books", "490199", 25),
          new Parcel("toys", "950300", 20),
          new Parcel("sneakers", "640411", 90),
          new Parcel("watch", "910211", 120),
          new Parcel("handbag", "420221", 150),
          new Parcel("tea", "090210", 18),
          new Parcel("dried fruit", "081340", 22),
          new Parcel("electronic parts", "854239", 60),
          new Parcel("headphones", "851830", 45),
          new Parcel("documents", "490700", 0),
          new Parcel("sample fabric", "520812", 5),
          new Parcel("perfume", "330300", 70),
          new Parcel("e-cigarette liquid", "240412", 40),
          new Parcel("supplements", "210690", 55));

  /** What gets seized: commodity, HS code, unit, typical quantity. */
  record Contraband(String commodity, String hs, String unit, double typical) {}

  static final List<Contraband> CONTRABAND =
      List.of(
          new Contraband("methamphetamine", "293949", "kg", 3.0),
          new Contraband("cocaine", "293991", "kg", 2.0),
          new Contraband("cannabis", "121190", "kg", 5.0),
          new Contraband("MDMA tablets", "293299", "pcs", 2000),
          new Contraband("gold bars", "710813", "kg", 6.0),
          new Contraband("counterfeit handbags", "420221", "pcs", 300),
          new Contraband("counterfeit watches", "910211", "pcs", 150),
          new Contraband("handgun", "930200", "pcs", 2),
          new Contraband("ivory carvings", "960190", "kg", 4.0),
          new Contraband("undeclared cigarettes", "240220", "pcs", 20000));

  static final List<String> CONCEALMENTS =
      List.of(
          "false bottom of suitcase",
          "inside machinery parts",
          "body concealment",
          "hidden in tea packages",
          "inside speaker boxes",
          "mixed with legitimate cargo",
          "in the lining of clothing",
          "inside a car door panel",
          "inside postal parcel with books");

  static final List<String> DETECTIONS =
      List.of("x-ray", "dog", "trace", "targeting", "gate", "tip", "x-ray", "targeting");

  /**
   * A Japanese name root with its readings: kanji, katakana, Hepburn romaji, half-width katakana
   * (as bank and freight systems print them).
   */
  record JpWord(String kanji, String kana, String romaji, String halfKana) {}

  static final List<JpWord> JP_ROOTS =
      List.of(
          new JpWord("山田", "ヤマダ", "Yamada", "ﾔﾏﾀﾞ"),
          new JpWord("佐藤", "サトウ", "Sato", "ｻﾄｳ"),
          new JpWord("鈴木", "スズキ", "Suzuki", "ｽｽﾞｷ"),
          new JpWord("高橋", "タカハシ", "Takahashi", "ﾀｶﾊｼ"),
          new JpWord("田中", "タナカ", "Tanaka", "ﾀﾅｶ"),
          new JpWord("伊藤", "イトウ", "Ito", "ｲﾄｳ"),
          new JpWord("渡辺", "ワタナベ", "Watanabe", "ﾜﾀﾅﾍﾞ"),
          new JpWord("中村", "ナカムラ", "Nakamura", "ﾅｶﾑﾗ"),
          new JpWord("小林", "コバヤシ", "Kobayashi", "ｺﾊﾞﾔｼ"),
          new JpWord("加藤", "カトウ", "Kato", "ｶﾄｳ"),
          new JpWord("桜", "サクラ", "Sakura", "ｻｸﾗ"),
          new JpWord("富士", "フジ", "Fuji", "ﾌｼﾞ"),
          new JpWord("大和", "ヤマト", "Yamato", "ﾔﾏﾄ"),
          new JpWord("東洋", "トウヨウ", "Toyo", "ﾄｳﾖｳ"),
          new JpWord("北斗", "ホクト", "Hokuto", "ﾎｸﾄ"),
          new JpWord("旭", "アサヒ", "Asahi", "ｱｻﾋ"),
          new JpWord("三和", "サンワ", "Sanwa", "ｻﾝﾜ"),
          new JpWord("青葉", "アオバ", "Aoba", "ｱｵﾊﾞ"),
          new JpWord("瑞穂", "ミズホ", "Mizuho", "ﾐｽﾞﾎ"),
          new JpWord("光", "ヒカリ", "Hikari", "ﾋｶﾘ"),
          new JpWord("昭和", "ショウワ", "Showa", "ｼｮｳﾜ"),
          new JpWord("太平洋", "タイヘイヨウ", "Taiheiyo", "ﾀｲﾍｲﾖｳ"),
          new JpWord("丸山", "マルヤマ", "Maruyama", "ﾏﾙﾔﾏ"),
          new JpWord("松本", "マツモト", "Matsumoto", "ﾏﾂﾓﾄ"),
          new JpWord("井上", "イノウエ", "Inoue", "ｲﾉｳｴ"),
          new JpWord("木村", "キムラ", "Kimura", "ｷﾑﾗ"),
          new JpWord("森", "モリ", "Mori", "ﾓﾘ"),
          new JpWord("日向", "ヒュウガ", "Hyuga", "ﾋｭｳｶﾞ"),
          new JpWord("白鳥", "シラトリ", "Shiratori", "ｼﾗﾄﾘ"),
          new JpWord("清水", "シミズ", "Shimizu", "ｼﾐｽﾞ"));

  static final List<JpWord> JP_TRADES =
      List.of(
          new JpWord("商事", "ショウジ", "Shoji", "ｼｮｳｼﾞ"),
          new JpWord("物産", "ブッサン", "Bussan", "ﾌﾞｯｻﾝ"),
          new JpWord("貿易", "ボウエキ", "Boeki", "ﾎﾞｳｴｷ"),
          new JpWord("産業", "サンギョウ", "Sangyo", "ｻﾝｷﾞｮｳ"),
          new JpWord("通商", "ツウショウ", "Tsusho", "ﾂｳｼｮｳ"),
          new JpWord("物流", "ブツリュウ", "Butsuryu", "ﾌﾞﾂﾘｭｳ"),
          new JpWord("食品", "ショクヒン", "Shokuhin", "ｼｮｸﾋﾝ"),
          new JpWord("電機", "デンキ", "Denki", "ﾃﾞﾝｷ"),
          new JpWord("興産", "コウサン", "Kosan", "ｺｳｻﾝ"),
          new JpWord("化成", "カセイ", "Kasei", "ｶｾｲ"));

  /** Regional prefixes that tell apart companies sharing a root and trade word. */
  static final List<JpWord> JP_REGIONS =
      List.of(
          new JpWord("関東", "カントウ", "Kanto", "ｶﾝﾄｳ"),
          new JpWord("関西", "カンサイ", "Kansai", "ｶﾝｻｲ"),
          new JpWord("中部", "チュウブ", "Chubu", "ﾁｭｳﾌﾞ"),
          new JpWord("九州", "キュウシュウ", "Kyushu", "ｷｭｳｼｭｳ"),
          new JpWord("東北", "トウホク", "Tohoku", "ﾄｳﾎｸ"),
          new JpWord("北海道", "ホッカイドウ", "Hokkaido", "ﾎｯｶｲﾄﾞｳ"),
          new JpWord("四国", "シコク", "Shikoku", "ｼｺｸ"),
          new JpWord("中国", "チュウゴク", "Chugoku", "ﾁｭｳｺﾞｸ"),
          new JpWord("北陸", "ホクリク", "Hokuriku", "ﾎｸﾘｸ"),
          new JpWord("沖縄", "オキナワ", "Okinawa", "ｵｷﾅﾜ"));

  static final List<JpWord> JP_GIVEN =
      List.of(
          new JpWord("一郎", "イチロウ", "Ichiro", "ｲﾁﾛｳ"),
          new JpWord("健太", "ケンタ", "Kenta", "ｹﾝﾀ"),
          new JpWord("翔太", "ショウタ", "Shota", "ｼｮｳﾀ"),
          new JpWord("大輔", "ダイスケ", "Daisuke", "ﾀﾞｲｽｹ"),
          new JpWord("誠", "マコト", "Makoto", "ﾏｺﾄ"),
          new JpWord("花子", "ハナコ", "Hanako", "ﾊﾅｺ"),
          new JpWord("陽子", "ヨウコ", "Yoko", "ﾖｳｺ"),
          new JpWord("美咲", "ミサキ", "Misaki", "ﾐｻｷ"),
          new JpWord("由美", "ユミ", "Yumi", "ﾕﾐ"),
          new JpWord("直樹", "ナオキ", "Naoki", "ﾅｵｷ"),
          new JpWord("恵", "メグミ", "Megumi", "ﾒｸﾞﾐ"),
          new JpWord("拓也", "タクヤ", "Takuya", "ﾀｸﾔ"));

  /** Places in Japan for addresses: prefecture, city/ward, town. */
  record Place(String prefecture, String city, String town, String postcode) {}

  static final List<Place> PLACES =
      List.of(
          new Place("東京都", "港区", "芝浦", "108-0023"),
          new Place("東京都", "江東区", "青海", "135-0064"),
          new Place("東京都", "大田区", "平和島", "143-0006"),
          new Place("東京都", "中央区", "日本橋", "103-0027"),
          new Place("東京都", "新宿区", "西新宿", "160-0023"),
          new Place("東京都", "台東区", "上野", "110-0005"),
          new Place("神奈川県", "横浜市中区", "山下町", "231-0023"),
          new Place("神奈川県", "横浜市鶴見区", "大黒町", "230-0053"),
          new Place("神奈川県", "川崎市川崎区", "東扇島", "210-0869"),
          new Place("千葉県", "成田市", "三里塚", "286-0111"),
          new Place("千葉県", "千葉市美浜区", "中瀬", "261-0023"),
          new Place("愛知県", "名古屋市港区", "港明", "455-0018"),
          new Place("愛知県", "名古屋市中村区", "名駅", "450-0002"),
          new Place("大阪府", "大阪市北区", "梅田", "530-0001"),
          new Place("大阪府", "大阪市住之江区", "南港北", "559-0034"),
          new Place("大阪府", "泉佐野市", "りんくう往来北", "598-0048"),
          new Place("兵庫県", "神戸市中央区", "港島", "650-0045"),
          new Place("福岡県", "福岡市博多区", "博多駅前", "812-0011"),
          new Place("福岡県", "北九州市門司区", "西海岸", "801-0841"),
          new Place("静岡県", "静岡市清水区", "日の出町", "424-0922"),
          new Place("沖縄県", "那覇市", "港町", "900-0001"),
          new Place("北海道", "札幌市中央区", "北五条西", "060-0005"),
          new Place("宮城県", "仙台市青葉区", "中央", "980-0021"),
          new Place("広島県", "広島市南区", "宇品海岸", "734-0011"));

  static final List<String> BUILDINGS =
      List.of("", "", "", "ビル3F", "第二ビル 501", "ハイツ102", "マンション805", "ロジセンター");

  /** Foreign given and family names by country. */
  record ForeignNames(
      String country, List<String> given, List<String> family, boolean familyFirst) {}

  static final List<ForeignNames> FOREIGN_NAMES =
      List.of(
          new ForeignNames(
              "CN",
              List.of("Wei", "Fang", "Jun", "Li Na", "Hao", "Xiaoming", "Yan"),
              List.of("Li", "Wang", "Zhang", "Liu", "Chen", "Zhao", "Huang"),
              true),
          new ForeignNames(
              "KR",
              List.of("Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun"),
              List.of("Kim", "Lee", "Park", "Choi", "Jung"),
              true),
          new ForeignNames(
              "VN",
              List.of("Anh", "Minh", "Linh", "Tuan", "Huong"),
              List.of("Nguyen", "Tran", "Le", "Pham", "Hoang"),
              true),
          new ForeignNames(
              "TH",
              List.of("Somchai", "Siriporn", "Anan", "Malee", "Niran"),
              List.of("Saetang", "Wongsakul", "Chaiyaporn", "Srisuk"),
              false),
          new ForeignNames(
              "PH",
              List.of("Jose", "Maria", "Mark", "Angelica", "Ramon"),
              List.of("Santos", "Reyes", "Cruz", "Bautista", "Garcia"),
              false),
          new ForeignNames(
              "US",
              List.of("John", "Emily", "Michael", "Sarah", "David", "Jessica"),
              List.of("Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson"),
              false),
          new ForeignNames(
              "MX",
              List.of("Carlos", "Lucia", "Miguel", "Sofia", "Javier"),
              List.of("Hernandez", "Lopez", "Martinez", "Gonzalez", "Ramirez"),
              false),
          new ForeignNames(
              "BR",
              List.of("Joao", "Ana", "Pedro", "Beatriz", "Rafael"),
              List.of("Silva", "Souza", "Oliveira", "Costa", "Pereira"),
              false),
          new ForeignNames(
              "NG",
              List.of("Chinedu", "Ngozi", "Emeka", "Aisha", "Tunde"),
              List.of("Okafor", "Adeyemi", "Balogun", "Eze", "Okoro"),
              false),
          new ForeignNames(
              "DE",
              List.of("Lukas", "Anna", "Felix", "Laura", "Jonas"),
              List.of("Muller", "Schmidt", "Schneider", "Fischer", "Weber"),
              false),
          new ForeignNames(
              "IN",
              List.of("Rahul", "Priya", "Amit", "Sunita", "Vikram"),
              List.of("Sharma", "Patel", "Singh", "Gupta", "Kumar"),
              false));

  /** Foreign company name parts and the legal forms used in each country. */
  static final List<String> FOREIGN_WORDS =
      List.of(
          "Golden Lotus",
          "Pacific Star",
          "Silver Dragon",
          "Blue Ocean",
          "Evergreen Valley",
          "Sunrise",
          "Great Wall",
          "Jade River",
          "Orchid",
          "Harbour Bridge",
          "Northern Light",
          "Red Phoenix",
          "Crown",
          "Atlas",
          "Horizon",
          "Lucky Fortune",
          "Emerald Coast",
          "Summit",
          "Bright Moon",
          "Royal Palm");

  static final List<String> FOREIGN_TRADES =
      List.of(
          "Trading",
          "Import & Export",
          "Industrial",
          "Electronics",
          "Logistics",
          "Foods",
          "Textile",
          "International",
          "Commerce",
          "Supply");

  static String legalForm(String country, int pick) {
    List<String> forms =
        switch (country) {
          case "CN", "HK", "TW", "TH", "VN", "KR" -> List.of("Co., Ltd.", "Co. Ltd", "Limited");
          case "MY" -> List.of("Sdn. Bhd.", "Sdn Bhd");
          case "SG" -> List.of("Pte. Ltd.", "Pte Ltd");
          case "ID" -> List.of("PT", "PT");
          case "IN" -> List.of("Pvt. Ltd.", "Private Limited");
          case "US", "CA" -> List.of("Inc.", "LLC", "Corp.");
          case "MX" -> List.of("S.A. de C.V.", "SA de CV");
          case "BR" -> List.of("Ltda.", "S.A.");
          case "DE" -> List.of("GmbH", "GmbH & Co. KG");
          case "NL", "BE" -> List.of("B.V.", "BV");
          case "AE" -> List.of("L.L.C.", "FZE", "FZCO");
          case "FR" -> List.of("S.A.S.", "SARL");
          case "IT" -> List.of("S.r.l.", "S.p.A.");
          default -> List.of("Ltd.", "Limited");
        };
    return forms.get(Math.floorMod(pick, forms.size()));
  }

  /** International dialling prefix of a country, for foreign phone numbers. */
  static String dialCode(String country) {
    return switch (country) {
      case "CN" -> "86";
      case "HK" -> "852";
      case "TW" -> "886";
      case "KR" -> "82";
      case "VN" -> "84";
      case "TH" -> "66";
      case "MY" -> "60";
      case "SG" -> "65";
      case "ID" -> "62";
      case "PH" -> "63";
      case "IN" -> "91";
      case "LK" -> "94";
      case "AE" -> "971";
      case "QA" -> "974";
      case "US", "CA" -> "1";
      case "MX" -> "52";
      case "BR" -> "55";
      case "NG" -> "234";
      case "DE" -> "49";
      case "FR" -> "33";
      case "GB" -> "44";
      case "NL" -> "31";
      case "BE" -> "32";
      case "AU" -> "61";
      case "NZ" -> "64";
      default -> "1";
    };
  }

  /** Flags of convenience and national flags for vessels, with an MMSI maritime identity digit. */
  record Flag(String country, String mid) {}

  static final List<Flag> FLAGS =
      List.of(
          new Flag("PA", "351"),
          new Flag("PA", "370"),
          new Flag("LR", "636"),
          new Flag("MH", "538"),
          new Flag("SG", "563"),
          new Flag("HK", "477"),
          new Flag("JP", "431"),
          new Flag("CN", "413"),
          new Flag("KR", "440"),
          new Flag("MT", "248"),
          new Flag("BS", "311"),
          new Flag("GR", "241"),
          new Flag("TW", "416"));

  static final List<String> VESSEL_NAMES =
      List.of(
          "HARMONY", "GRACE", "STAR", "PIONEER", "BRIDGE", "FORTUNE", "HOPE", "AURORA", "LOTUS",
          "SUMMIT", "VOYAGER", "PHOENIX", "HORIZON", "LIBERTY", "JASMINE", "TRIUMPH", "UNITY",
          "ZENITH");
}
