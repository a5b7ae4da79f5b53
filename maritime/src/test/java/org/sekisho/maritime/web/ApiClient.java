package org.sekisho.maritime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A test's client of a server on loopback: signs in through the API, sends with a bearer token. */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String password;

  /**
   * @param base the server's address, such as {@code http://127.0.0.1:41234}
   * @param password the password of every account the test signs in as
   */
  ApiClient(String base, String password) {
    this.base = base;
    this.password = password;
  }

  /** A bearer token of {@code user}, asserting the sign-in succeeded. */
  String token(String user) throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/login",
            null,
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("token").asText();
  }

  /** Sends {@code body} (none when null) to {@code path}, with {@code token} when not null. */
  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
