package db.intel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sekisho.intel.adapter.db.EntityReadings;
import org.sekisho.intel.domain.NameReading;

/**
 * The readings V17 and the store wrote before dropped the digits and Latin letters of a name
 * written in Japanese (サクラ物産 571 and サクラ物産 12 were both SAKURA BUSSAN, and サクラ物産 ABC had none), so
 * numbered companies shared one reading. This migration reads again the persons and companies whose
 * names hold kana or kanji and a digit or Latin letter, and writes the reading that now keeps them;
 * no other entity is read or written, and a reading already right is left as it is.
 *
 * <p>One pass over the entities finds them (a million-record database holds some 25,000 numbered
 * companies); they are then read and written in pages of {@value #BATCH}, each page's changes as
 * one batch. Re-runnable: a second run changes nothing.
 */
public class V21__readings_keep_numbers extends BaseJavaMigration {

  private static final int BATCH = 1_000;

  /**
   * Kana or kanji (as V17 reads) and, before NFKC, anything that may become a digit or a Latin
   * letter: ASCII and full-width ones, accented Latin, Roman numerals, circled numbers, squared
   * units (㎏) and ligatures. A superset: the reader decides.
   */
  static final String CANDIDATES =
      "type in ('person', 'company')"
          + " and display ~ '[\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f]'"
          + " and display ~ '[0-9A-Za-z\\u00c0-\\u024f\\u1e00-\\u1eff\\u2160-\\u217f"
          + "\\u2460-\\u24ff\\u3251-\\u325f\\u32b1-\\u32bf\\u3371-\\u33ff\\ufb00-\\ufb06"
          + "\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]'";

  @Override
  public void migrate(Context context) throws SQLException {
    reread(context.getConnection(), BATCH);
  }

  /**
   * Writes the reading of every person and company whose name holds kana or kanji and a digit or
   * Latin letter where it differs from the stored one, {@code batch} entities a page; returns how
   * many readings changed. Idempotent; runs in the caller's transaction.
   */
  public static int reread(Connection c, int batch) throws SQLException {
    // one pass over the entities finds the few to read again (ids only: 25,000 longs at a
    // million records); their names and readings are then read and written a page at a time
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement find =
        c.prepareStatement("select id from intel.entity where " + CANDIDATES + " order by id")) {
      find.setFetchSize(10_000);
      try (ResultSet rs = find.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    NameReading readings = EntityReadings.shared();
    int changed = 0;
    try (PreparedStatement page =
            c.prepareStatement(
                "select id, type, display, key, reading from intel.entity where id = any(?)");
        PreparedStatement update =
            c.prepareStatement("update intel.entity set reading = ? where id = ?")) {
      for (int from = 0; from < ids.size(); from += batch) {
        List<Long> part = ids.subList(from, Math.min(ids.size(), from + batch));
        page.setArray(1, c.createArrayOf("bigint", part.toArray()));
        int pending = 0;
        try (ResultSet rs = page.executeQuery()) {
          while (rs.next()) {
            String reading = readings.ofEntity(rs.getString(2), rs.getString(3), rs.getString(4));
            if (Objects.equals(reading, rs.getString(5))) {
              continue;
            }
            update.setString(1, reading);
            update.setLong(2, rs.getLong(1));
            update.addBatch();
            pending++;
          }
        }
        if (pending > 0) {
          update.executeBatch();
          changed += pending;
        }
      }
    }
    return changed;
  }
}
