package org.sekisho.intel.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import org.sekisho.intel.application.IngestPorts.RowSources;
import org.sekisho.intel.application.RowSource;

/** Opens the row source for a kind and format (json, csv, kcs). */
public final class Formats implements RowSources {
  @Override
  public RowSource open(String kind, String format, InputStream in) throws IOException {
    return switch (format) {
      case "json" -> new JsonRows(in);
      case "csv" -> new CsvRows(in, kind.equals("declarations"));
      case "kcs" -> new KcsRows(in);
      default -> throw new IllegalArgumentException("unknown format " + format);
    };
  }
}
