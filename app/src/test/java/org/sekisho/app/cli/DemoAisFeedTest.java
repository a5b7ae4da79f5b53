package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.app.Sekisho;
import org.sekisho.maritime.adapter.geo.GeoJsonLand;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A restart of the demo later the same day keeps the AIS feed its first start loaded: no second
 * arrival of a ship, no alert twice, no track point twice.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DemoAisFeedTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-28");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void aRestartLaterThatDayAddsNoPortCallAlertOrPositionTwice(
      Database db, @TempDir Path dataDir, @TempDir Path demoDir) throws Exception {
    // the first start at 10:00 in Tokyo: the feed ends then, so it starts before 09:00
    Instant first = Instant.parse("2026-11-28T01:00:00Z");
    Sekisho started = new Sekisho(db, dataDir, Clock.fixed(first, ZoneOffset.UTC), false);
    DemoAisFeed.Loaded loaded = DemoAisFeed.load(started.maritime().service(), demoDir, DAY, TOKYO);
    assertThat(loaded.replayed()).isTrue();
    List<Long> before = counts(db);
    assertThat(before.get(0)).as("port calls").isPositive();
    assertThat(before.get(1)).as("alerts").isPositive();
    assertThat(before.get(2)).as("positions").isPositive();
    assertThat(before.get(3)).as("conveyance movements from AIS").isPositive();
    assertThat(Files.readString(demoDir.resolve(DemoAisFeed.ANCHOR), StandardCharsets.UTF_8))
        .isEqualTo(first + "\n");
    // boats on station and a camera, so that an alert offers the nearest boat with its ETA
    var maritime = started.maritime().service();
    assertThat(maritime.records().patrols())
        .extracting(PatrolBoat::id)
        .containsExactlyInAnyOrder("demo-pl-1", "demo-pm-2");
    assertThat(maritime.records().patrols()).allMatch(b -> b.time().equals(first));
    assertThat(maritime.records().sites()).containsExactly(DemoAisFeed.CAMERA);
    assertThat(loaded.summary()).contains("2 patrol boats on station");
    var alerts = maritime.rankedAlerts(first.minusSeconds(86_400), 10);
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.get(0).nearestBoats()).isNotEmpty();

    // restarted at 10:45: the same feed, kept, not replayed a quarter of an hour later
    Instant restart = first.plusSeconds(45 * 60);
    Sekisho again = new Sekisho(db, dataDir, Clock.fixed(restart, ZoneOffset.UTC), false);
    try {
      DemoAisFeed.Loaded kept = DemoAisFeed.load(again.maritime().service(), demoDir, DAY, TOKYO);
      assertThat(kept.replayed()).isFalse();
      assertThat(kept.summary()).isEqualTo(loaded.summary());
      assertThat(counts(db)).isEqualTo(before);

      // a first load cut short (the anchor written, not the end): replayed from the same moment,
      // so the port calls and alerts it meets are those stored already
      Files.delete(demoDir.resolve(DemoAisFeed.LOADED));
      DemoAisFeed.Loaded replayed =
          DemoAisFeed.load(again.maritime().service(), demoDir, DAY, TOKYO);
      assertThat(replayed.replayed()).isTrue();
      assertThat(replayed.summary()).contains(first.toString());
      List<Long> after = counts(db);
      assertThat(after.get(0)).as("port calls").isEqualTo(before.get(0));
      assertThat(after.get(1)).as("alerts").isEqualTo(before.get(1));
      assertThat(after.get(3)).as("conveyance movements").isEqualTo(before.get(3));
    } finally {
      again.close();
    }
  }

  @Test
  void theDemoBoatsAreAtSeaAndItsCameraOverlooksTheSea() {
    for (PatrolBoat b : DemoAisFeed.BOATS) {
      assertThat(GeoJsonLand.shared().depth(b.lat(), b.lon())).as(b.name()).isZero();
    }
    var c = DemoAisFeed.CAMERA;
    // the rule the camera form applies: no farther inland than it can see
    assertThat(GeoJsonLand.shared().depth(c.lat(), c.lon()) * 60).isLessThan(c.rangeNm());
  }

  private static List<Long> counts(Database db) {
    return db.jdbi()
        .withHandle(
            h ->
                List.of(
                    h.createQuery("select count(*) from maritime.port_call")
                        .mapTo(Long.class)
                        .one(),
                    h.createQuery("select count(*) from maritime.alert").mapTo(Long.class).one(),
                    h.createQuery("select count(*) from maritime.position").mapTo(Long.class).one(),
                    h.createQuery("select count(*) from intel.record where source_id like 'ais-%'")
                        .mapTo(Long.class)
                        .one()));
  }
}
