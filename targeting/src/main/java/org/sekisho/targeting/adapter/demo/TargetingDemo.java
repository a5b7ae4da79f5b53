package org.sekisho.targeting.adapter.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.ReferenceLists;
import org.sekisho.targeting.criteria.application.StoredCriterion;

/**
 * The targeting centre's starting point for {@code sekisho demo}: reference lists filled from what
 * intelligence already knows when the day starts (traders and phones of networks under watch,
 * countries and goods of recent seizures) and released criteria that use them, so that the day's
 * declarations, consignments and parcels are assessed with reasons an analyst recognises.
 *
 * <p>Everything goes through the analysts' own use cases (lists created and imported, criteria
 * saved, checked and released), as {@value #ACTOR}. Idempotent: a list that exists keeps its
 * entries (new ones are added), a criterion whose name exists is left alone.
 */
public final class TargetingDemo {
  /** Who the demo's lists and criteria are owned and released by. */
  public static final String ACTOR = "system:demo";

  private TargetingDemo() {}

  /**
   * What intelligence knows before the day's records arrive.
   *
   * @param seizedTraders ids or names of traders named in seizures
   * @param networkPhones phone numbers shared by networks under watch
   * @param watchParties persons or companies under watch (e.g. a hub addressee)
   * @param watchAddresses addresses shared by a network
   * @param riskCountries countries on the routes of recent seizures (not Japan)
   * @param seizedGoods HS headings (4 digits) of recently seized goods
   * @param notes why a value is on its list, by value (e.g. the seizure that named a trader), kept
   *     as the list entry's note, which an analyst reads beside the hit
   */
  public record Intelligence(
      List<String> seizedTraders,
      List<String> networkPhones,
      List<String> watchParties,
      List<String> watchAddresses,
      List<String> riskCountries,
      List<String> seizedGoods,
      Map<String, String> notes) {
    public Intelligence {
      seizedTraders = List.copyOf(seizedTraders);
      networkPhones = List.copyOf(networkPhones);
      watchParties = List.copyOf(watchParties);
      watchAddresses = List.copyOf(watchAddresses);
      riskCountries = List.copyOf(riskCountries);
      seizedGoods = List.copyOf(seizedGoods);
      notes = Map.copyOf(notes);
    }
  }

  /** What seeding did. */
  public record Summary(int listsCreated, int entriesAdded, int criteriaReleased) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "targeting demo: %d lists new (%d entries added), %d criteria released",
          listsCreated,
          entriesAdded,
          criteriaReleased);
    }
  }

  private record DemoList(String name, String kind, String description, List<String> values) {}

  /** The demo's criteria, in the language analysts write (docs/formats/criteria.md). */
  static final List<String> CRITERIA =
      List.of(
          """
          criterion "Trader named in a seizure"
            when importer in list "seized-traders" or exporter in list "seized-traders"
            then lane red weight 50
            because "A party to this record was named in an earlier seizure"
          """,
          """
          criterion "Watched consignee before arrival"
            when kind = "transport-document"
             and (importer in list "seized-traders" or importer in list "watch-parties")
            then lane red weight 40
            because "The consignee is under watch: examine the goods on arrival"
          """,
          """
          criterion "Phone of a network under watch"
            when importer_phone in list "network-phones"
            then lane yellow weight 30
            because "The importer gives a phone number shared by a network under watch"
          """,
          """
          criterion "Address of a network under watch"
            when importer_address in list "watch-addresses"
            then lane yellow weight 25
            because "The goods go to an address shared by a network under watch"
          """,
          """
          criterion "Parcels to a hub addressee"
            when kind = "postal-item" and importer in list "watch-parties"
            then lane red weight 40
            because "One addressee receives parcels from many senders abroad"
          """,
          """
          criterion "Recently seized goods from seizure routes"
            when hs in list "seized-goods" and origin in list "seizure-route-countries"
            then weight 30
            because "Goods of a kind seized recently, from a country on a seizure route"
          """,
          """
          criterion "Under-valued smartphones"
            when hs starts with "851713" and value_per_kg < 100000
            then weight 20
            because "Smartphones declared far below their market value per kg"
          """);

  /** Creates the lists and releases the criteria (see the class comment). */
  public static Summary seed(
      ReferenceLists lists, CriteriaCatalogue criteria, Intelligence intelligence) {
    List<DemoList> wanted =
        List.of(
            new DemoList(
                "seized-traders",
                "parties",
                "traders named in seizures",
                intelligence.seizedTraders()),
            new DemoList(
                "watch-parties",
                "parties",
                "persons and companies under watch",
                intelligence.watchParties()),
            new DemoList(
                "network-phones",
                "phones",
                "phones shared by networks under watch",
                intelligence.networkPhones()),
            new DemoList(
                "watch-addresses",
                "addresses",
                "addresses shared by networks under watch",
                intelligence.watchAddresses()),
            new DemoList(
                "seizure-route-countries",
                "countries",
                "countries on the routes of recent seizures",
                intelligence.riskCountries()),
            new DemoList(
                "seized-goods",
                "hs-codes",
                "HS headings of recent seizures",
                intelligence.seizedGoods()));
    int created = 0;
    int added = 0;
    for (DemoList l : wanted) {
      if (lists.find(l.name()).isEmpty()) {
        lists.create(l.name(), l.kind(), l.description(), ACTOR).orElseThrow();
        created++;
      }
      if (!l.values().isEmpty()) {
        added +=
            lists
                .importCsv(l.name(), csv(l.values(), intelligence.notes()), ACTOR)
                .orElseThrow()
                .added();
      }
    }
    Set<String> existing = new LinkedHashSet<>();
    criteria.latest().forEach(c -> existing.add(c.name()));
    int released = 0;
    for (String source : CRITERIA) {
      int open = source.indexOf('"');
      String name = source.substring(open + 1, source.indexOf('"', open + 1));
      if (existing.contains(name)) {
        continue;
      }
      Outcome<StoredCriterion> saved =
          criteria.save(
              new CriteriaCatalogue.Draft(
                  Optional.empty(), source, Set.of(), Optional.empty(), Optional.empty()),
              ACTOR);
      StoredCriterion c = saved.orElseThrow();
      criteria.release(c.id(), c.version(), ACTOR).orElseThrow();
      released++;
    }
    return new Summary(created, added, released);
  }

  /** One value per row, quoted, as the list import reads CSV. */
  /** Rows of {@code value[,note]} (docs/formats/criteria.md, list imports). */
  private static String csv(List<String> values, Map<String, String> notes) {
    List<String> rows = new ArrayList<>();
    for (String v : values) {
      String note = notes.get(v);
      rows.add(quoted(v) + (note == null ? "" : "," + quoted(note)));
    }
    return String.join("\n", rows) + "\n";
  }

  private static String quoted(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
