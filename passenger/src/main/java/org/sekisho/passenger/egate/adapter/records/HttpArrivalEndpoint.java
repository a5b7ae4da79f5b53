package org.sekisho.passenger.egate.adapter.records;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.application.CustomsArrivalRecords;
import org.sekisho.passenger.egate.application.ImmigrationArrivalRecords;
import org.sekisho.passenger.egate.domain.kiosk.Purpose;
import org.sekisho.passenger.egate.domain.kiosk.PurposeRecord;

/**
 * Posts a purpose record as JSON to an authority's own endpoint (see {@code
 * docs/formats/egate-kiosk-records.md}): {@code {"purpose","capture_id","kiosk","captured_at",
 * "fields":{...}}}, {@code Content-Type: application/json}, optional bearer token. A 2xx answer is
 * the receipt; anything else is a rejection naming the status. Thread-safe.
 */
public final class HttpArrivalEndpoint {
  private final HttpClient http;
  private final URI uri;
  private final String bearerToken;
  private final Purpose purpose;
  private final Duration timeout;

  public HttpArrivalEndpoint(
      HttpClient http, URI uri, String bearerToken, Purpose purpose, Duration timeout) {
    this.http = http;
    this.uri = uri;
    this.bearerToken = bearerToken == null ? "" : bearerToken;
    this.purpose = purpose;
    this.timeout = timeout;
  }

  /** This endpoint as the customs port; refuses to be built for another purpose. */
  public static CustomsArrivalRecords customs(HttpClient http, URI uri, String token) {
    HttpArrivalEndpoint e =
        new HttpArrivalEndpoint(http, uri, token, Purpose.CUSTOMS, Duration.ofSeconds(5));
    return e::send;
  }

  /** This endpoint as the immigration port. */
  public static ImmigrationArrivalRecords immigration(HttpClient http, URI uri, String token) {
    HttpArrivalEndpoint e =
        new HttpArrivalEndpoint(http, uri, token, Purpose.IMMIGRATION, Duration.ofSeconds(5));
    return e::send;
  }

  public Outcome<String> send(PurposeRecord r) {
    if (r.purpose() != purpose) {
      return Outcome.rejected(
          "wrong-endpoint", "purpose", "a " + r.purpose() + " record cannot go to " + uri);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(FlatJson.envelope(r), StandardCharsets.UTF_8));
    if (!bearerToken.isEmpty()) {
      b.header("Authorization", "Bearer " + bearerToken);
    }
    try {
      HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() / 100 == 2) {
        return Outcome.accepted(uri + " " + res.statusCode() + " " + r.captureId());
      }
      return Outcome.rejected(
          "delivery-failed", "endpoint", uri + " answered HTTP " + res.statusCode());
    } catch (IOException e) {
      return Outcome.rejected("delivery-failed", "endpoint", uri + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.rejected("delivery-failed", "endpoint", "interrupted sending to " + uri);
    }
  }
}
