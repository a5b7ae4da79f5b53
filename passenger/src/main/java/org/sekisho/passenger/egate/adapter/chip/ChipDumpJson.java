package org.sekisho.passenger.egate.adapter.chip;

import java.util.Base64;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;

/**
 * Chip files as the kiosk uploads them ({@code "chip"} in {@code POST /api/egate/decisions}, the
 * page's "Chip files (JSON)"): {@code {"com":B64,"dataGroups":{"1":B64,...},"sod":B64}}, standard
 * Base64 with padding. The format is described in {@code docs/formats/egate-kiosk.md}.
 */
public final class ChipDumpJson {
  private ChipDumpJson() {}

  /** The JSON text of {@code chip}; data groups in number order, those not read left out. */
  public static String write(ChipFiles chip) {
    Base64.Encoder b = Base64.getEncoder();
    StringBuilder s = new StringBuilder("{\"com\":\"").append(b.encodeToString(chip.com()));
    s.append("\",\"dataGroups\":{");
    boolean first = true;
    for (int n = 1; n <= 16; n++) {
      byte[] dg = chip.dataGroup(n);
      if (dg.length > 0) {
        s.append(first ? "" : ",").append('"').append(n).append("\":\"");
        s.append(b.encodeToString(dg)).append('"');
        first = false;
      }
    }
    return s.append("},\"sod\":\"").append(b.encodeToString(chip.sod())).append("\"}").toString();
  }
}
