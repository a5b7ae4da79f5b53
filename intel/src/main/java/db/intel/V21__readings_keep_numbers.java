package db.intel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * <p>In pages of {@value #BATCH} entities by id (a million-record database holds some 25,000
 * numbered companies), each page's changes written as one batch, so memory stays bounded whatever
 * the size. Re-runnable: a second run changes nothing.
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
   * Latin letter where it differs from the stored one, reading {@code batch} entities a page;
   * returns how many readings changed. Idempotent; runs in the caller's transaction.
   */
  public static int reread(Connection c, int batch) throws SQLException {
    NameReading readings = EntityReadings.shared();
    int changed = 0;
    long after = 0;
    try (PreparedStatement page =
            c.prepareStatement(
                "select id, type, display, key, reading from intel.entity where id > ? and "
                    + CANDIDATES
                    + " order by id limit ?");
        PreparedStatement update =
            c.prepareStatement("update intel.entity set reading = ? where id = ?")) {
      while (true) {
        page.setLong(1, after);
        page.setInt(2, batch);
        int rows = 0;
        int pending = 0;
        try (ResultSet rs = page.executeQuery()) {
          while (rs.next()) {
            rows++;
            after = rs.getLong(1);
            String reading = readings.ofEntity(rs.getString(2), rs.getString(3), rs.getString(4));
            if (Objects.equals(reading, rs.getString(5))) {
              continue;
            }
            update.setString(1, reading);
            update.setLong(2, after);
            update.addBatch();
            pending++;
          }
        }
        if (pending > 0) {
          update.executeBatch();
          changed += pending;
        }
        if (rows < batch) {
          return changed;
        }
      }
    }
  }
}
