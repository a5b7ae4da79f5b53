package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.core.RecordFormat;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;

/**
 * A record sent for assessment alone meets the limits ingest stores with, every text field of every
 * kind targeting assesses, its parties' and items' included, as {@link RecordFormat} declares them:
 * one character over is refused {@code too-long} naming the path, exactly at the limit is not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SubmittedRecordLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  private final DeclarationJson json = new DeclarationJson();

  private static final Map<String, String> GOOD =
      Map.of(
          "declaration",
          "{\"declarationId\":\"D1\",\"date\":\"2026-11-27\",\"office\":\"JPYOK\","
              + "\"importer\":{\"name\":\"Sakura\"},\"declarant\":{},\"exporter\":{},"
              + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}",
          "postal-item",
          "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPNRT-MAIL\","
              + "\"sender\":{},\"addressee\":{}}",
          "transport-document",
          "{\"number\":\"HDMU1\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
              + "\"shipper\":{},\"consignee\":{},\"notifyParty\":{}}");

  /** A text field of a record: where it lies and its limit. */
  private record Place(ObjectNode parent, String name, boolean list, String path, int max) {}

  @Test
  void everyTextOneCharacterOverItsLimitIsRefusedNamingItsPath() throws Exception {
    int checked = 0;
    for (var kind : GOOD.entrySet()) {
      for (int at = 0; ; at++) {
        ObjectNode record = (ObjectNode) JSON.readTree(kind.getValue());
        List<Place> places = places(RecordFormat.ofKind(kind.getKey()).orElseThrow(), record, "");
        if (at == places.size()) {
          break;
        }
        Place p = places.get(at);
        set(p, "7".repeat(p.max() + 1));
        List<Problem> problems =
            json.parseSubmitted(kind.getKey(), record.toString(), TODAY).problems();
        assertThat(problems)
            .as(kind.getKey() + " " + p.path())
            .contains(
                Problem.of(
                    "too-long",
                    p.path(),
                    "expected at most " + p.max() + " characters, got " + (p.max() + 1)));
        // the value's length is its problem: nothing else is said of it
        assertThat(problems)
            .as(kind.getKey() + " " + p.path())
            .filteredOn(q -> q.field().equals(p.path()))
            .hasSize(1);

        set(p, "7".repeat(p.max()));
        assertThat(json.parseSubmitted(kind.getKey(), record.toString(), TODAY).problems())
            .as(kind.getKey() + " " + p.path() + " at its limit")
            .noneMatch(q -> q.code().equals("too-long"));
        checked++;
      }
    }
    // every kind's own texts, its parties' and (a declaration's) its item's
    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void aTextThatSplitsIntoSeveralIsCheckedPartByPart() {
    String bill =
        "{\"number\":\"HDMU1\",\"date\":\"2026-11-27\",\"containers\":\"CSQU3054383; "
            + "C".repeat(101)
            + "\"}";
    assertThat(json.parseSubmitted("transport-document", bill, TODAY).problems())
        .extracting(Problem::field, Problem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("containers[1]", "too-long"));
  }

  /** The text fields of {@code o} as {@code shape} lists them, its objects' and lists' included. */
  private static List<Place> places(RecordFormat.Shape shape, ObjectNode o, String prefix) {
    List<Place> out = new ArrayList<>();
    shape
        .fields()
        .forEach(
            (name, f) -> {
              switch (f.form()) {
                case TEXT -> out.add(new Place(o, name, false, prefix + name, f.max()));
                case TEXT_LIST -> out.add(new Place(o, name, true, prefix + name + "[0]", f.max()));
                case OBJECT -> {
                  if (o.get(name) instanceof ObjectNode party) {
                    out.addAll(places(f.shape(), party, prefix + name + "."));
                  }
                }
                case OBJECT_LIST -> {
                  if (o.get(name) instanceof ArrayNode l && l.get(0) instanceof ObjectNode first) {
                    out.addAll(places(f.shape(), first, prefix + name + "[0]."));
                  }
                }
              }
            });
    return out;
  }

  private static void set(Place p, String value) {
    if (p.list()) {
      p.parent().putArray(p.name()).add(value);
    } else {
      p.parent().put(p.name(), value);
    }
  }
}
