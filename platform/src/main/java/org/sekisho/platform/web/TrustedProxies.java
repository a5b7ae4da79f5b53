package org.sekisho.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies in front of the server ({@code SEKISHO_TRUSTED_PROXIES}), whose {@code
 * X-Forwarded-For} tells who the client is. Without them every client behind a proxy has the
 * proxy's address: the audit log names the proxy, and the sign-in and declaration throttles hold
 * every client to one budget.
 *
 * <p>Only a request that comes from a trusted proxy is read for the header, and the client is the
 * right-most address in it that is not itself a trusted proxy: entries further left were written by
 * the client or by proxies nobody vouches for, so a client cannot choose its own address. With no
 * proxy trusted (the default) the header is ignored.
 */
public final class TrustedProxies {
  /** No proxy trusted: the client is the peer of the connection. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** An address and how many of its leading bits a peer must share with it. */
  private record Range(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  /**
   * Reads {@code value}: addresses or CIDR ranges (IPv4 or IPv6) separated by commas, e.g. {@code
   * 127.0.0.1, 10.0.0.0/8, fd00::/8}; blank or null for none. Host names are refused: a proxy is
   * trusted by address, not by what a name server says.
   *
   * @throws IllegalArgumentException naming {@code SEKISHO_TRUSTED_PROXIES}, the entry and the form
   *     expected
   */
  public static TrustedProxies parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String address = entry;
      int bits = -1;
      int slash = entry.indexOf('/');
      if (slash >= 0) {
        address = entry.substring(0, slash);
        String b = entry.substring(slash + 1);
        if (!b.matches("\\d{1,3}")) {
          throw refused(entry, "the length after / must be a number of bits");
        }
        bits = Integer.parseInt(b);
      }
      byte[] bytes =
          literal(address)
              .orElseThrow(
                  () -> refused(entry, "not an IPv4 or IPv6 address (names are not taken)"));
      int max = bytes.length * 8;
      if (bits > max) {
        throw refused(entry, "an " + (max == 32 ? "IPv4" : "IPv6") + " range has at most /" + max);
      }
      ranges.add(new Range(bytes, bits < 0 ? max : bits));
    }
    return new TrustedProxies(ranges);
  }

  private static IllegalArgumentException refused(String entry, String why) {
    String shown = entry.length() > 60 ? entry.substring(0, 60) + "…" : entry;
    return new IllegalArgumentException(
        "SEKISHO_TRUSTED_PROXIES: '"
            + shown
            + "': "
            + why
            + "; expected addresses or ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8");
  }

  /**
   * The bytes of an IPv4 or IPv6 address written as a literal ({@code 192.0.2.7}, {@code
   * 2001:db8::1}, in brackets or not; 4 bytes for an IPv4-mapped IPv6 one): never looked up as a
   * name, so that reading a client's address costs no name server query; empty for anything else.
   */
  public static Optional<byte[]> literal(String s) {
    String a = s.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    if (v4) {
      for (String part : a.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      // a literal: InetAddress parses it without asking a name server
      return Optional.of(InetAddress.getByName(a).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether no proxy is trusted. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  private boolean trusts(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
  }

  /**
   * The client of a request from {@code peer} carrying {@code forwardedFor} (the {@code
   * X-Forwarded-For} headers' values joined by commas, or null).
   */
  public String client(String peer, String forwardedFor) {
    if (ranges.isEmpty() || forwardedFor == null || !trusts(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop).isEmpty()) {
        // garbage written by someone upstream: who sent it is the last address we can vouch for
        return client;
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }
}
