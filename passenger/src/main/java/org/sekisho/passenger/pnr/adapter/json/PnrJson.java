package org.sekisho.passenger.pnr.adapter.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sekisho.core.Problem;
import org.sekisho.passenger.edifact.InterchangeHeader;
import org.sekisho.passenger.edifact.Warning;
import org.sekisho.passenger.pnr.domain.Address;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.ApiPush;
import org.sekisho.passenger.pnr.domain.BagTag;
import org.sekisho.passenger.pnr.domain.Baggage;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.FormOfPayment;
import org.sekisho.passenger.pnr.domain.HistoryEntry;
import org.sekisho.passenger.pnr.domain.Originator;
import org.sekisho.passenger.pnr.domain.Passenger;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.SpecialService;
import org.sekisho.passenger.pnr.domain.TravelDocument;
import org.sekisho.passenger.pnr.domain.Traveller;

/**
 * The JSON form of parsed PNRGOV and PAXLST messages, as documented in {@code
 * docs/formats/pnr-api-json.md}: maps and lists ready for {@link JsonText}. Empty codes become
 * {@code null}; dates are ISO 8601.
 */
public final class PnrJson {
  private PnrJson() {}

  /** A PNRGOV push that was accepted. */
  public static Map<String, Object> pnrPush(String file, PnrPush push, boolean withRaw) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "PNRGOV");
    m.put("file", file);
    m.put("status", "accepted");
    m.put("interchange", header(push.header()));
    m.put("messages", list(push.messages(), msg -> pnrMessage(msg, withRaw)));
    m.put("warnings", list(push.warnings(), PnrJson::warning));
    return m;
  }

  /** A PAXLST interchange that was accepted. */
  public static Map<String, Object> apiPush(String file, ApiPush push) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "PAXLST");
    m.put("file", file);
    m.put("status", "accepted");
    m.put("interchange", header(push.header()));
    m.put("messages", list(push.messages(), PnrJson::apiMessage));
    m.put("warnings", list(push.warnings(), PnrJson::warning));
    return m;
  }

  /** A message that could not be used. */
  public static Map<String, Object> rejected(String format, String file, List<Problem> problems) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("file", file);
    m.put("status", "rejected");
    m.put(
        "problems",
        list(
            problems,
            p -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("code", p.code());
              x.put("field", text(p.field()));
              x.put("message", p.message());
              return x;
            }));
    m.put("warnings", List.of());
    return m;
  }

  private static Map<String, Object> header(Optional<InterchangeHeader> header) {
    if (header.isEmpty()) {
      return null;
    }
    InterchangeHeader h = header.get();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("syntax", text(h.syntaxIdentifier()));
    m.put("syntaxVersion", text(h.syntaxVersion()));
    m.put("sender", text(h.sender()));
    m.put("recipient", text(h.recipient()));
    m.put("preparationDate", text(h.preparationDate()));
    m.put("preparationTime", text(h.preparationTime()));
    m.put("controlReference", text(h.controlReference()));
    return m;
  }

  public static Map<String, Object> warning(Warning w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", w.code());
    m.put("segment", w.position().segment());
    m.put("line", w.position().line());
    m.put("column", w.position().column());
    m.put("tag", text(w.tag()));
    m.put("message", w.message());
    return m;
  }

  private static Map<String, Object> pnrMessage(PnrMessage msg, boolean withRaw) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", text(msg.reference()));
    m.put("version", text(msg.version()) == null ? null : msg.version() + "." + msg.release());
    m.put("function", text(msg.function()));
    m.put("sender", originator(msg.sender()));
    m.put("flight", msg.flight() == null ? null : flight(msg.flight()));
    m.put("declaredCount", msg.declaredCount());
    m.put("pnrs", list(msg.pnrs(), p -> pnr(p, msg, withRaw)));
    return m;
  }

  public static Map<String, Object> pnr(Pnr p, PnrMessage msg, boolean withRaw) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("recordLocator", text(p.recordLocator()));
    m.put("carrier", text(p.carrier()));
    m.put("created", p.created());
    m.put("lastModified", p.lastModified());
    m.put("origin", text(p.origin()));
    m.put("destination", text(p.destination()));
    m.put("booking", originator(p.booking()));
    m.put("passengerCount", p.passengers().size());
    m.put("bagCount", p.bagCount());
    m.put("passengers", list(p.passengers(), PnrJson::passenger));
    m.put("itinerary", list(p.itinerary(), PnrJson::flight));
    m.put("codeShares", list(p.codeShares(), PnrJson::codeShare));
    m.put("addresses", list(p.addresses(), PnrJson::address));
    m.put(
        "phones",
        list(
            p.phones(),
            ph -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("type", text(ph.type()));
              x.put("number", ph.number());
              x.put("text", ph.text());
              x.put("passengerReference", text(ph.passengerReference()));
              return x;
            }));
    m.put(
        "emails",
        list(
            p.emails(),
            e -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("address", e.address());
              x.put("text", e.text());
              x.put("passengerReference", text(e.passengerReference()));
              return x;
            }));
    m.put("payments", list(p.payments(), PnrJson::payment));
    m.put("services", list(p.services(), PnrJson::service));
    m.put("remarks", p.remarks());
    m.put("history", list(p.history(), PnrJson::history));
    m.put("historyLines", p.historyLines());
    m.put("segment", p.position().segment());
    m.put("line", p.position().line());
    if (withRaw) {
      m.put("raw", p.raw());
    }
    return m;
  }

  private static Map<String, Object> passenger(Passenger p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("surname", text(p.surname()));
    m.put("givenName", text(p.givenName()));
    m.put("type", text(p.type()));
    m.put("referenceNumber", text(p.referenceNumber()));
    m.put("uniqueId", text(p.uniqueId()));
    m.put("infant", p.infant());
    m.put("withInfant", p.withInfant());
    m.put("documents", list(p.documents(), PnrJson::document));
    m.put(
        "addresses",
        list(
            p.addresses(),
            a -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("type", text(a.type()));
              x.put("country", text(a.country()));
              x.put("street", text(a.street()));
              x.put("city", text(a.city()));
              x.put("region", text(a.region()));
              x.put("postcode", text(a.postcode()));
              return x;
            }));
    m.put(
        "otherDocuments",
        list(
            p.otherDocuments(),
            o -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("type", text(o.type()));
              x.put("number", text(o.number()));
              x.put("placeOfBirth", text(o.placeOfBirth()));
              x.put("placeOfIssue", text(o.placeOfIssue()));
              x.put("issued", o.issued());
              x.put("applicableCountry", text(o.applicableCountry()));
              x.put("infant", o.infant());
              return x;
            }));
    m.put(
        "seats",
        list(
            p.seats(),
            s -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("flight", text(s.flight()));
              x.put("origin", text(s.origin()));
              x.put("destination", text(s.destination()));
              x.put("number", text(s.number()));
              x.put("cabinClass", text(s.cabinClass()));
              return x;
            }));
    m.put("bagCount", p.bagCount());
    m.put("bags", list(p.bags(), PnrJson::baggage));
    m.put(
        "tickets",
        list(
            p.tickets(),
            t -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("number", text(t.number()));
              x.put("type", text(t.type()));
              x.put("baseFare", text(t.baseFare()));
              x.put("total", text(t.total()));
              x.put("currency", text(t.currency()));
              x.put("issued", t.issued());
              return x;
            }));
    m.put(
        "frequentFlyers",
        list(
            p.frequentFlyers(),
            f -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("carrier", text(f.carrier()));
              x.put("number", text(f.number()));
              x.put("tier", text(f.tier()));
              return x;
            }));
    m.put(
        "infants",
        list(
            p.infants(),
            i -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("surname", text(i.surname()));
              x.put("givenName", text(i.givenName()));
              x.put("dateOfBirth", i.dateOfBirth());
              return x;
            }));
    m.put("services", list(p.services(), PnrJson::service));
    return m;
  }

  private static Map<String, Object> document(TravelDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", text(d.type()));
    m.put("number", text(d.number()));
    m.put("issuingCountry", text(d.issuingCountry()));
    m.put("nationality", text(d.nationality()));
    m.put("dateOfBirth", d.dateOfBirth());
    m.put("gender", text(d.gender()));
    m.put("expiry", d.expiry());
    m.put("issued", d.issued());
    m.put("surname", text(d.surname()));
    m.put("givenName", text(d.givenName()));
    m.put("middleName", text(d.middleName()));
    return m;
  }

  private static Map<String, Object> baggage(Baggage b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flight", text(b.flight()));
    m.put("origin", text(b.origin()));
    m.put("destination", text(b.destination()));
    m.put("count", b.count());
    m.put("weight", text(b.weight()));
    m.put("weightUnit", text(b.weightUnit()));
    m.put("pooled", b.pooled());
    m.put("onPushedFlight", b.onPushedFlight());
    m.put("tags", list(b.tags(), PnrJson::tag));
    return m;
  }

  private static Map<String, Object> tag(BagTag t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("carrier", text(t.carrier()));
    m.put("number", text(t.number()));
    m.put("consecutive", t.consecutive());
    m.put("destination", text(t.destination()));
    return m;
  }

  public static Map<String, Object> flight(Flight f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("carrier", text(f.carrier()));
    m.put("number", text(f.number()));
    m.put("designator", text(f.designator()));
    m.put("paddedNumber", text(f.paddedNumber()));
    m.put("origin", text(f.origin()));
    m.put("destination", text(f.destination()));
    m.put("departure", when(f.departureDate(), f.departure()));
    m.put("arrival", when(f.arrivalDate(), f.arrival()));
    m.put("arrivalDateInferred", f.arrivalDateInferred());
    m.put("bookingClass", text(f.bookingClass()));
    m.put("operatingCarrier", text(f.operatingCarrier()));
    m.put("operatingNumber", text(f.operatingNumber()));
    m.put("status", text(f.status()));
    m.put("aircraft", text(f.aircraft()));
    return m;
  }

  private static Object when(Object date, Object dateTime) {
    return dateTime != null ? dateTime : date;
  }

  private static Map<String, Object> codeShare(Flight f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("marketingCarrier", text(f.carrier()));
    m.put("marketingFlightNumber", text(f.number()));
    m.put("fullMarketingFlightNumber", text(f.designator()));
    m.put("operatingCarrier", text(f.operatingCarrier()));
    m.put("operatingFlightNumber", text(f.operatingNumber()));
    m.put("origin", text(f.origin()));
    m.put("destination", text(f.destination()));
    return m;
  }

  private static Map<String, Object> originator(Originator o) {
    if (o == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("system", text(o.system()));
    m.put("location", text(o.location()));
    m.put("agencyNumber", text(o.agencyNumber()));
    m.put("officeId", text(o.officeId()));
    m.put("city", text(o.city()));
    m.put("systemCode", text(o.systemCode()));
    m.put("originatorType", text(o.originatorType()));
    m.put("country", text(o.country()));
    m.put("currency", text(o.currency()));
    m.put("agent", text(o.agent()));
    return m;
  }

  private static Map<String, Object> address(Address a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("purpose", text(a.purpose()));
    m.put("street", text(a.street()));
    m.put("city", text(a.city()));
    m.put("region", text(a.region()));
    m.put("country", text(a.country()));
    m.put("postcode", text(a.postcode()));
    m.put("telephone", text(a.telephone()));
    return m;
  }

  private static Map<String, Object> payment(FormOfPayment p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", text(p.type()));
    m.put("amount", text(p.amount()));
    m.put("vendor", text(p.vendor()));
    m.put("account", text(p.account()));
    m.put("expiry", text(p.expiry()));
    m.put("holderName", text(p.holderName()));
    m.put("billingAddress", text(p.billingAddress()));
    m.put("billingPhone", text(p.billingPhone()));
    m.put("passengerReference", text(p.passengerReference()));
    return m;
  }

  private static Map<String, Object> service(SpecialService s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", text(s.code()));
    m.put("status", text(s.status()));
    m.put("carrier", text(s.carrier()));
    m.put("boardPoint", text(s.boardPoint()));
    m.put("offPoint", text(s.offPoint()));
    m.put("text", text(s.text()));
    m.put("passengerReference", text(s.passengerReference()));
    return m;
  }

  private static Map<String, Object> history(HistoryEntry h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("originator", text(h.originator()));
    m.put("at", h.at());
    m.put(
        "actions",
        list(
            h.actions(),
            a -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("code", text(a.code()));
              x.put("details", a.details());
              return x;
            }));
    return m;
  }

  private static Map<String, Object> apiMessage(ApiMessage msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", text(msg.reference()));
    m.put("version", text(msg.version()) == null ? null : msg.version() + ":" + msg.release());
    m.put("documentType", text(msg.documentType()));
    m.put("transactionReference", text(msg.transactionReference()));
    m.put("reportingParty", text(msg.reportingParty()));
    m.put("reportingPhones", msg.reportingPhones());
    m.put("flights", list(msg.flights(), PnrJson::flight));
    m.put("declaredCount", msg.declaredCount());
    m.put("travellers", list(msg.travellers(), PnrJson::traveller));
    return m;
  }

  private static Map<String, Object> traveller(Traveller t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", text(t.role()));
    m.put("crew", t.isCrew());
    m.put("surname", text(t.surname()));
    m.put("givenName", text(t.givenName()));
    m.put("middleName", text(t.middleName()));
    m.put("gender", text(t.gender()));
    m.put("dateOfBirth", t.dateOfBirth());
    m.put("nationality", text(t.nationality()));
    m.put("residence", text(t.residence()));
    m.put("birthPlace", text(t.birthPlace()));
    m.put("embarkation", text(t.embarkation()));
    m.put("debarkation", text(t.debarkation()));
    m.put("bookingReference", text(t.bookingReference()));
    m.put("passengerReference", text(t.passengerReference()));
    m.put("seat", text(t.seat()));
    m.put("documents", list(t.documents(), PnrJson::apiDocument));
    m.put("bagCount", t.bagCount());
    m.put("bagWeight", text(t.bagWeight()));
    m.put("bagWeightUnit", text(t.bagWeightUnit()));
    m.put("bagTags", list(t.bagTags(), PnrJson::tag));
    m.put("address", text(t.address()));
    m.put("contacts", t.contacts());
    return m;
  }

  private static Map<String, Object> apiDocument(TravelDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", text(d.type()));
    m.put("number", text(d.number()));
    m.put("issuingCountry", text(d.issuingCountry()));
    m.put("expiry", d.expiry());
    m.put("issued", d.issued());
    return m;
  }

  private static String text(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static <T> List<Object> list(List<T> items, Function<T, Object> f) {
    List<Object> out = new ArrayList<>(items.size());
    for (T t : items) {
      out.add(f.apply(t));
    }
    return out;
  }
}
