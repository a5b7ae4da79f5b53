package org.sekisho.maritime.domain.vessel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Flag state from an MMSI's Maritime Identification Digits (ITU-R M.585): ship stations
 * (MIDxxxxxx), coast stations (00MIDxxxx), groups (0MIDxxxxx), SAR aircraft (111MIDxxx), aids to
 * navigation (99MIDxxxx) and auxiliary craft (98MIDxxxx). The table ships as {@code
 * /maritime/mid.csv} (source and licence beside it). Immutable, thread-safe.
 */
public final class MidTable {
  private final String[] flags = new String[1000];

  private MidTable() {}

  /** The table shipped with Sekisho. */
  public static MidTable standard() {
    try (InputStream in = MidTable.class.getResourceAsStream("/maritime/mid.csv")) {
      if (in == null) {
        throw new IllegalStateException("maritime/mid.csv is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads "mid,flag" lines; '#' comments and the header are skipped. */
  public static MidTable read(InputStream in) throws IOException {
    MidTable t = new MidTable();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      String[] f = line.split(",");
      if (f.length == 2 && f[0].matches("[2-7]\\d\\d") && f[1].matches("[A-Z]{2}")) {
        t.flags[Integer.parseInt(f[0])] = f[1];
      }
    }
    return t;
  }

  /** The MID of an MMSI, or -1 when the MMSI has no MID (invalid or not a station). */
  public static int mid(long mmsi) {
    if (mmsi < 0 || mmsi > 999_999_999L) {
      return -1;
    }
    int m = (int) mmsi;
    int mid;
    if (m >= 111_000_000 && m < 112_000_000) {
      mid = (m / 1000) % 1000;
    } else if (m >= 980_000_000) {
      mid = (m / 10_000) % 1000;
    } else if (m < 10_000_000) {
      mid = m / 10_000;
    } else if (m < 100_000_000) {
      mid = m / 100_000;
    } else {
      mid = m / 1_000_000;
    }
    return mid >= 201 && mid <= 775 ? mid : -1;
  }

  /** The flag (ISO 3166-1 alpha-2) of an MMSI, if its MID is allocated. */
  public Optional<String> flag(long mmsi) {
    int mid = mid(mmsi);
    return mid < 0 ? Optional.empty() : Optional.ofNullable(flags[mid]);
  }
}
