package org.sekisho.maritime.adapter.db;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.maritime.application.StoredPicture;
import org.sekisho.maritime.domain.track.LastPicture;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * {@link StoredPicture} from schema {@code maritime}: vessels from {@code maritime.vessel} (one row
 * per vessel, its last report and static data), meetings from the encounter and fishing meeting
 * alerts, reports from the partitioned {@code maritime.position}. Thread-safe.
 */
public final class JdbiStoredPicture implements StoredPicture {
  private final Jdbi jdbi;

  public JdbiStoredPicture(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public LastPicture last(Instant notAfter, Duration vesselsWithin, Duration meetingsWithin) {
    return jdbi.inTransaction(
        h -> {
          Optional<Instant> newest =
              h.createQuery("select max(last_seen) from maritime.vessel where last_seen <= :to")
                  .bind("to", Timestamp.from(notAfter))
                  .map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp(1)))
                  .one()
                  .map(Timestamp::toInstant);
          if (newest.isEmpty()) {
            return LastPicture.NONE;
          }
          List<VesselSnapshot> vessels =
              h.createQuery(
                      "select * from maritime.vessel where last_seen between :since and :to order"
                          + " by mmsi")
                  .bind("since", Timestamp.from(newest.get().minus(vesselsWithin)))
                  .bind("to", Timestamp.from(newest.get()))
                  .map((rs, ctx) -> JdbiMaritimeRecords.vesselRow(rs))
                  .list();
          // an encounter alert names both vessels; its end is the meeting's (an alert's status
          // changes never move it)
          List<LastPicture.Meeting> meetings =
              h.createQuery(
                      "select mmsi, other_mmsi, coalesce(end_time, time) as ended from"
                          + " maritime.alert where kind in ('encounter', 'fishing-meeting') and"
                          + " mmsi is not null and other_mmsi is not null and coalesce(end_time,"
                          + " time) >= :since")
                  .bind("since", Timestamp.from(newest.get().minus(meetingsWithin)))
                  .map(
                      (rs, ctx) ->
                          new LastPicture.Meeting(
                              rs.getInt("mmsi"),
                              rs.getInt("other_mmsi"),
                              rs.getTimestamp("ended").toInstant()))
                  .list();
          return new LastPicture(vessels, meetings);
        });
  }

  @Override
  public void reports(Instant after, Instant through, Consumer<LastPicture.Report> each) {
    // in a transaction, so that the driver fetches through a cursor rather than all rows at once
    jdbi.useTransaction(
        h ->
            h.createQuery(
                    "select mmsi, time, lat, lon, speed_knots, course from maritime.position"
                        + " where time > :after and time <= :through order by time, mmsi")
                .bind("after", Timestamp.from(after))
                .bind("through", Timestamp.from(through))
                .setFetchSize(10_000)
                .map(
                    (rs, ctx) ->
                        new LastPicture.Report(
                            rs.getInt("mmsi"),
                            rs.getTimestamp("time").toInstant(),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            orNaN(rs, "speed_knots"),
                            orNaN(rs, "course")))
                .forEach(each));
  }

  private static double orNaN(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }
}
