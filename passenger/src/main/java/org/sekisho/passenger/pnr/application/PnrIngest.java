package org.sekisho.passenger.pnr.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.edifact.Warning;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.ApiPush;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.passenger.pnr.domain.BookingFacts;
import org.sekisho.passenger.pnr.domain.PaxlstParser;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;

/**
 * Receives PNRGOV pushes and PAXLST lists: archives every message as sent (also the rejected ones),
 * and stores each booking of a push as a new version with its changes from the version before
 * (names, seats, payments, itinerary). The same message text received twice is stored once ({@code
 * duplicate}). Thread-safe when the store is.
 */
public final class PnrIngest {
  private static final System.Logger LOG = System.getLogger(PnrIngest.class.getName());
  private final PnrStore store;
  private final Listener listener;
  private final Clock clock;
  private final PnrgovParser pnrParser;
  private final PaxlstParser apiParser;

  public PnrIngest(PnrStore store, Clock clock) {
    this(store, clock, null);
  }

  /**
   * @param listener told about every stored booking version and API list (screening), or null
   */
  public PnrIngest(PnrStore store, Clock clock, Listener listener) {
    this.listener = listener;
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pnrParser = new PnrgovParser(clock);
    this.apiParser = new PaxlstParser(clock);
  }

  /**
   * Told after messages are stored, on the ingesting thread (screening runs there). A failure of
   * the listener is logged and does not undo the ingest.
   */
  public interface Listener {
    /**
     * The bookings of one PNRGOV message, each stored as a new version.
     *
     * @param source who or what pushed it ({@code http:USER}, {@code file:NAME}): what the push
     *     changes is attributed to it
     */
    void pnrStored(PnrMessage message, List<StoredPnr> pnrs, Instant at, String source);

    /** One PAXLST message, stored; {@code source} as for {@link #pnrStored}. */
    void apiStored(ApiMessage message, Instant at, String source);
  }

  /**
   * A booking as stored: the record, its version number and its changes from the version before.
   */
  public record StoredPnr(Pnr pnr, int version, List<BookingChange> changes) {
    public StoredPnr {
      changes = List.copyOf(changes);
    }
  }

  /**
   * What happened to one received message.
   *
   * @param travellers the passengers of the bookings stored (PNR) or the travellers listed (API); 0
   *     for a duplicate, which stores nothing
   */
  public record Receipt(
      long messageId,
      boolean duplicate,
      List<BookingVersion> bookings,
      int travellers,
      List<Warning> warnings) {
    public Receipt {
      bookings = List.copyOf(bookings);
      warnings = List.copyOf(warnings);
    }
  }

  /** A booking version written for a push. */
  public record BookingVersion(
      String carrier, String locator, int version, List<BookingChange> changes) {
    public BookingVersion {
      changes = List.copyOf(changes);
    }
  }

  /** Ingests a PNRGOV push; rejected (and archived as rejected) when it cannot be used. */
  public Outcome<Receipt> pnr(String text, String source) {
    Instant now = clock.instant();
    Outcome<PnrPush> parsed = withoutLocators(pnrParser.parse(text));
    Optional<Long> id = archive("PNRGOV", source, text, now, parsed.problems());
    if (!(parsed instanceof Outcome.Accepted<PnrPush> ok)) {
      return Outcome.rejected(parsed.problems().get(0));
    }
    if (id.isEmpty()) {
      return Outcome.accepted(new Receipt(-1, true, List.of(), 0, ok.value().warnings()));
    }
    List<BookingVersion> versions = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>(ok.value().warnings());
    int travellers = 0;
    for (PnrMessage m : ok.value().messages()) {
      List<StoredPnr> stored = new ArrayList<>();
      for (Pnr pnr : m.pnrs()) {
        if (pnr.recordLocator().isEmpty()) {
          continue;
        }
        if (m.flight() == null && pnr.itinerary().isEmpty()) {
          // stored, but screening has no flight to put its travellers on: say so, not silently
          warnings.add(
              new Warning(
                  "not-screened",
                  pnr.position(),
                  "SRC",
                  "booking "
                      + pnr.carrier()
                      + "/"
                      + pnr.recordLocator()
                      + " is stored but not screened: no flight in the record (expected a TVL"
                      + " segment for the message's flight or in the record's itinerary)"));
        }
        BookingFacts facts = BookingFacts.of(pnr);
        List<BookingChange> changes =
            store
                .latest(pnr.carrier(), pnr.recordLocator())
                .map(prev -> facts.changesSince(prev.facts()))
                .orElse(List.of());
        int version = store.addVersion(id.get(), m, pnr, facts, changes, now);
        versions.add(new BookingVersion(pnr.carrier(), pnr.recordLocator(), version, changes));
        stored.add(new StoredPnr(pnr, version, changes));
        travellers += pnr.passengers().size();
      }
      if (listener != null && !stored.isEmpty()) {
        try {
          listener.pnrStored(m, stored, now, source);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "screening after PNR ingest failed", e);
        }
      }
    }
    return Outcome.accepted(new Receipt(id.get(), false, versions, travellers, warnings));
  }

  /**
   * A push whose records all lack a record locator stores nothing: refused ({@code no-pnr}) so the
   * sender learns it, rather than accepted with no booking.
   */
  private static Outcome<PnrPush> withoutLocators(Outcome<PnrPush> parsed) {
    if (!(parsed instanceof Outcome.Accepted<PnrPush> ok)) {
      return parsed;
    }
    List<Pnr> all = ok.value().messages().stream().flatMap(m -> m.pnrs().stream()).toList();
    if (!all.isEmpty() && all.stream().allMatch(p -> p.recordLocator().isEmpty())) {
      return Outcome.rejected(
          "no-pnr",
          "RCI",
          "no record of the push has a record locator, so nothing was stored: expected an RCI"
              + " segment in each record (RCI+JL:ABC123)");
    }
    return parsed;
  }

  /** Ingests a PAXLST list; rejected (and archived as rejected) when it cannot be used. */
  public Outcome<Receipt> api(String text, String source) {
    Instant now = clock.instant();
    Outcome<ApiPush> parsed = apiParser.parse(text);
    Optional<Long> id = archive("PAXLST", source, text, now, parsed.problems());
    if (!(parsed instanceof Outcome.Accepted<ApiPush> ok)) {
      return Outcome.rejected(parsed.problems().get(0));
    }
    if (id.isEmpty()) {
      return Outcome.accepted(new Receipt(-1, true, List.of(), 0, ok.value().warnings()));
    }
    int travellers = 0;
    for (ApiMessage m : ok.value().messages()) {
      store.addApiMessage(id.get(), m, now);
      travellers += m.travellers().size();
      if (listener != null) {
        try {
          listener.apiStored(m, now, source);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "screening after API ingest failed", e);
        }
      }
    }
    return Outcome.accepted(
        new Receipt(id.get(), false, List.of(), travellers, ok.value().warnings()));
  }

  private Optional<Long> archive(
      String kind, String source, String text, Instant now, List<Problem> problems) {
    return store.archive(
        new PnrStore.ArchivedMessage(
            kind,
            source,
            text,
            sha256(kind + "\n" + text),
            now,
            problems.isEmpty() ? "accepted" : "rejected",
            problems.isEmpty() ? "" : problems.get(0).toString()));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
