package db.intel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sekisho.intel.adapter.db.EntityReadings;
import org.sekisho.intel.domain.NameReading;

/**
 * Persons and companies gain the romaji reading of a name written in Japanese (山田太郎 → TARO YAMADA),
 * with a trigram index, so that a kanji-written party and its romaji spelling become candidates of
 * one another and a search in one script finds the other. The reading needs a Japanese dictionary,
 * so this migration is Java: it reads each stored person and company written in kana or kanji once
 * and writes its reading (entities written only in Latin letters are not read). Re-runnable: only
 * rows without a reading are read.
 */
public class V17__japanese_name_readings extends BaseJavaMigration {

  private static final int BATCH = 1_000;

  @Override
  public void migrate(Context context) throws SQLException {
    fill(context.getConnection());
  }

  /**
   * Adds the column and index where missing and writes the reading of every person and company
   * written in kana or kanji that has none. Idempotent; runs in the caller's transaction.
   */
  public static void fill(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("alter table intel.entity add column if not exists reading text");
      s.execute(
          "create index if not exists entity_reading_trgm on intel.entity using gin(reading"
              + " public.gin_trgm_ops)");
    }
    NameReading readings = EntityReadings.shared();
    try (PreparedStatement select =
            c.prepareStatement(
                "select id, type, display, key from intel.entity where type in ('person', 'company')"
                    + " and reading is null and display ~"
                    + " '[\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f]'");
        PreparedStatement update =
            c.prepareStatement("update intel.entity set reading = ? where id = ?")) {
      select.setFetchSize(BATCH);
      int pending = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String reading = readings.ofEntity(rs.getString(2), rs.getString(3), rs.getString(4));
          if (reading == null) {
            continue;
          }
          update.setString(1, reading);
          update.setLong(2, rs.getLong(1));
          update.addBatch();
          if (++pending == BATCH) {
            update.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
