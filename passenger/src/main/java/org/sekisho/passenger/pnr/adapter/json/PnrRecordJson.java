package org.sekisho.passenger.pnr.adapter.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sekisho.passenger.pnr.domain.BagTag;
import org.sekisho.passenger.pnr.domain.Baggage;
import org.sekisho.passenger.pnr.domain.BookingDetails;
import org.sekisho.passenger.pnr.domain.Email;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.Originator;
import org.sekisho.passenger.pnr.domain.Phone;
import org.sekisho.passenger.pnr.domain.Seat;

/**
 * Reads back from a stored record ({@link PnrJson#pnr}, docs/formats/pnr-api-json.md) the details
 * the traveller page shows ({@link BookingDetails}). Lenient: a field a record stored before it was
 * written reads as absent. A flight leg stored before {@code arrivalDateInferred} was written reads
 * as inferred, since whether its sender gave the arrival date is no longer known.
 */
public final class PnrRecordJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PnrRecordJson() {}

  /** The details of a stored record; empty when there is none (masked) or it is not JSON. */
  public static Optional<BookingDetails> details(String recordJson) {
    if (recordJson == null || recordJson.isBlank()) {
      return Optional.empty();
    }
    JsonNode r;
    try {
      r = JSON.readTree(recordJson);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (r == null || !r.isObject()) {
      return Optional.empty();
    }
    List<Flight> itinerary = new ArrayList<>();
    for (JsonNode f : r.path("itinerary")) {
      itinerary.add(flight(f));
    }
    List<Phone> phones = new ArrayList<>();
    for (JsonNode p : r.path("phones")) {
      phones.add(
          new Phone(
              text(p, "type"), text(p, "number"), text(p, "text"), text(p, "passengerReference")));
    }
    List<Email> emails = new ArrayList<>();
    for (JsonNode e : r.path("emails")) {
      emails.add(new Email(text(e, "address"), text(e, "text"), text(e, "passengerReference")));
    }
    List<BookingDetails.PassengerPart> passengers = new ArrayList<>();
    for (JsonNode p : r.path("passengers")) {
      List<Baggage> bags = new ArrayList<>();
      for (JsonNode b : p.path("bags")) {
        List<BagTag> tags = new ArrayList<>();
        for (JsonNode t : b.path("tags")) {
          tags.add(
              new BagTag(
                  text(t, "carrier"),
                  text(t, "number"),
                  Math.max(1, t.path("consecutive").asInt(1)),
                  text(t, "destination")));
        }
        bags.add(
            new Baggage(
                text(b, "flight"),
                text(b, "origin"),
                text(b, "destination"),
                b.path("count").asInt(0),
                text(b, "weight"),
                text(b, "weightUnit"),
                tags,
                b.path("pooled").asBoolean(false),
                b.path("onPushedFlight").asBoolean(false)));
      }
      List<Seat> seats = new ArrayList<>();
      for (JsonNode s : p.path("seats")) {
        seats.add(
            new Seat(
                text(s, "flight"),
                text(s, "origin"),
                text(s, "destination"),
                text(s, "number"),
                text(s, "cabinClass")));
      }
      passengers.add(new BookingDetails.PassengerPart(text(p, "referenceNumber"), bags, seats));
    }
    return Optional.of(
        new BookingDetails(
            dateTime(r.path("created")),
            dateTime(r.path("lastModified")),
            originator(r.path("booking")),
            itinerary,
            phones,
            emails,
            passengers));
  }

  private static Originator originator(JsonNode o) {
    if (!o.isObject()) {
      return null;
    }
    Originator read =
        new Originator(
            text(o, "system"),
            text(o, "location"),
            text(o, "agencyNumber"),
            text(o, "officeId"),
            text(o, "city"),
            text(o, "systemCode"),
            text(o, "originatorType"),
            text(o, "country"),
            text(o, "currency"),
            text(o, "agent"));
    // an ORG sent with every element empty (ORG+:+:++++:+) names no one
    return read.equals(new Originator("", "", "", "", "", "", "", "", "", "")) ? null : read;
  }

  private static Flight flight(JsonNode f) {
    LocalDateTime dep = dateTime(f.path("departure"));
    LocalDateTime arr = dateTime(f.path("arrival"));
    LocalDate depDate = dep != null ? dep.toLocalDate() : date(f.path("departure"));
    LocalDate arrDate = arr != null ? arr.toLocalDate() : date(f.path("arrival"));
    LocalTime depTime = dep == null ? null : dep.toLocalTime();
    LocalTime arrTime = arr == null ? null : arr.toLocalTime();
    JsonNode inferred = f.path("arrivalDateInferred");
    return new Flight(
        text(f, "carrier"),
        text(f, "number"),
        text(f, "origin"),
        text(f, "destination"),
        depDate,
        depTime,
        arrDate,
        arrTime,
        text(f, "bookingClass"),
        text(f, "operatingCarrier"),
        text(f, "operatingNumber"),
        text(f, "status"),
        text(f, "aircraft"),
        !inferred.isBoolean() || inferred.booleanValue());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : "";
  }

  /** A date-time as written ({@code 2013-05-28T22:25:00}); null when absent or a date only. */
  private static LocalDateTime dateTime(JsonNode n) {
    if (!n.isTextual() || !n.asText().contains("T")) {
      return null;
    }
    try {
      return LocalDateTime.parse(n.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate date(JsonNode n) {
    if (!n.isTextual()) {
      return null;
    }
    String t = n.asText();
    try {
      return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
