package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.db.JdbcListStore;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.Normal;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * Migration V16 rewrites phone entries stored in a national form as +81 numbers in a new list
 * version, keeps what it cannot read (another length, a number whose +81 form is listed already),
 * and leaves earlier versions and other kinds of list as they were.
 */
@ExtendWith(PostgresExtension.class)
class PhoneEntriesMigrationTest {
  @Test
  void nationalPhoneEntriesBecomeInternationalInANewVersionAndTheRestIsKept(Database db) {
    Flyway.configure()
        .dataSource(db.dataSource())
        .schemas("targeting")
        .createSchemas(true)
        .table("flyway_history")
        .locations("classpath:db/targeting")
        .target("15")
        .load()
        .migrate();
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into targeting.reference_list (name, kind, version, created_by,"
                      + " updated_by) values ('old-phones', 'phones', 3, 'a', 'a'),"
                      + " ('names', 'parties', 1, 'a', 'a')");
              String e =
                  "insert into targeting.list_entry (list_name, value, note, added_version,"
                      + " removed_version, added_by) values (?, ?, ?, ?, ?, 'a')";
              h.execute(e, "old-phones", "+81 612345678", "intl", 1, null);
              h.execute(e, "old-phones", "330947412", "seized", 1, null);
              h.execute(e, "old-phones", "0312345678", "older key", 2, null);
              h.execute(e, "old-phones", "612345678", "twice", 2, null);
              h.execute(e, "old-phones", "12345", "short", 2, null);
              h.execute(e, "old-phones", "44207946095812", "long", 2, null);
              h.execute(e, "old-phones", "9012345678", "gone", 1, 3);
              h.execute(e, "names", "330947412", "", 1, null);
            });
    JdbcListStore store = new JdbcListStore(db.jdbi());
    ReferenceList before = store.at("old-phones", 3).orElseThrow();

    db.migrate(List.of(Migrations.of("targeting")));

    ReferenceList now = store.find("old-phones").orElseThrow();
    assertThat(now.version()).isEqualTo(4);
    assertThat(now.entries())
        .containsExactlyInAnyOrder(
            "+81 612345678",
            "+81 330947412",
            "+81 312345678",
            // kept: its +81 form is listed already, and two that read as no Japanese number
            "612345678",
            "12345",
            "44207946095812");
    // each rewritten entry is a key as lists store them today, and keeps its note
    for (String v : now.entries()) {
      if (v.startsWith("+")) {
        assertThat(ListKind.PHONES.normalise(v).value()).as(v).isEqualTo(v);
        assertThat(Normal.phone(v)).isEqualTo(v);
      }
    }
    assertThat(store.note("old-phones", 4, "+81 330947412")).contains("seized");
    assertThat(store.note("old-phones", 4, "+81 312345678")).contains("older key");
    // the version before replays as it was
    assertThat(store.at("old-phones", 3).orElseThrow().entries()).isEqualTo(before.entries());
    assertThat(store.at("old-phones", 3).orElseThrow().entries()).contains("330947412");
    // other kinds of list are not touched
    ReferenceList names = store.find("names").orElseThrow();
    assertThat(names.version()).isEqualTo(1);
    assertThat(names.entries()).containsExactly("330947412");
    String updatedBy =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select updated_by from targeting.reference_list where name ="
                                + " 'old-phones'")
                        .mapTo(String.class)
                        .one());
    assertThat(updatedBy).isEqualTo("migration V16");
    // a declared number written either way hits the rewritten entry; a Thai one no longer does
    assertThat(now.match(Normal.phone("03-3094-7412"))).isEqualTo("+81 330947412");
    assertThat(now.match(Normal.phone("+66 3 3094 7412"))).isNull();
    assertThat(before.match(Normal.phone("+66 3 3094 7412"))).isEqualTo("330947412");
  }
}
