package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.intel.adapter.format.Formats;
import org.sekisho.intel.application.RowSource;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.intel.domain.Seizure;

/**
 * A JSON value of the wrong type is never dropped in silence: the row is refused with a problem
 * naming the field's path and the form expected, whatever the value and wherever it stands.
 */
class JsonShapeProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final RecordReader READER =
      new RecordReader(
          ZoneOffset.UTC, Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));

  private static final String DECLARATION =
      "{\"declarationId\":\"D1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"kind\":\"company\",\"name\":\"Sakura\",\"country\":\"JP\"},"
          + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"coffee\"}]}";
  private static final String SEIZURE =
      "{\"seizureId\":\"S1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\",\"route\":[\"HK\",\"JP\"],"
          + "\"persons\":[{\"name\":\"John Doe\",\"dateOfBirth\":\"1985-02-03\"}],\"companies\":[{\"name\":\"Lotus Co\"}],"
          + "\"relatedRecords\":[\"declaration:D1\"]}";

  /** The form a field takes in docs/formats/intel-records.md. */
  enum Form {
    TEXT,
    OBJECT,
    OBJECTS,
    TEXTS
  }

  record Field(RecordKind kind, String seed, String path, Form form) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field(RecordKind.DECLARATION, DECLARATION, "declarationId", Form.TEXT),
          new Field(RecordKind.DECLARATION, DECLARATION, "office", Form.TEXT),
          new Field(RecordKind.DECLARATION, DECLARATION, "importer", Form.OBJECT),
          new Field(RecordKind.DECLARATION, DECLARATION, "exporter", Form.OBJECT),
          new Field(RecordKind.DECLARATION, DECLARATION, "importer.name", Form.TEXT),
          new Field(RecordKind.DECLARATION, DECLARATION, "importer.address", Form.TEXT),
          new Field(RecordKind.DECLARATION, DECLARATION, "items", Form.OBJECTS),
          new Field(RecordKind.DECLARATION, DECLARATION, "items[0].hsCode", Form.TEXT),
          new Field(RecordKind.DECLARATION, DECLARATION, "items[0].description", Form.TEXT),
          new Field(RecordKind.SEIZURE, SEIZURE, "persons", Form.OBJECTS),
          new Field(RecordKind.SEIZURE, SEIZURE, "persons[0].name", Form.TEXT),
          new Field(RecordKind.SEIZURE, SEIZURE, "companies", Form.OBJECTS),
          new Field(RecordKind.SEIZURE, SEIZURE, "route", Form.TEXTS),
          new Field(RecordKind.SEIZURE, SEIZURE, "relatedRecords", Form.TEXTS),
          new Field(RecordKind.SEIZURE, SEIZURE, "narrative", Form.TEXT));

  @Provide
  Arbitrary<Field> fields() {
    return Arbitraries.of(FIELDS);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(NODES::textNode),
            Arbitraries.integers().between(0, 999).map(i -> (JsonNode) NODES.numberNode(i)),
            Arbitraries.of(true, false).map(NODES::booleanNode));
    Arbitrary<JsonNode> object =
        Arbitraries.of("name", "first", "hsCode", "x")
            .flatMap(k -> scalar.map(v -> (JsonNode) NODES.objectNode().set(k, v)));
    Arbitrary<JsonNode> listOfScalars =
        scalar.list().ofMinSize(1).ofMaxSize(3).map(l -> (JsonNode) NODES.arrayNode().addAll(l));
    Arbitrary<JsonNode> listOfObjects =
        object.list().ofMinSize(1).ofMaxSize(3).map(l -> (JsonNode) NODES.arrayNode().addAll(l));
    Arbitrary<JsonNode> mixedList =
        Arbitraries.oneOf(scalar, object, listOfScalars)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(l -> (JsonNode) NODES.arrayNode().addAll(l));
    return Arbitraries.oneOf(scalar, object, listOfScalars, listOfObjects, mixedList);
  }

  @Property(tries = 1500)
  void aValueOfTheWrongFormIsAProblemNamingItsPathNeverASilentDrop(
      @ForAll("fields") Field field, @ForAll("values") JsonNode value) throws Exception {
    ObjectNode row = (ObjectNode) JSON.readTree(field.seed());
    put(row, field.path(), value);
    Outcome<IntelRecord> read = read(field.kind(), row.toString());
    String wrongAt = wrongAt(field, value);
    if (wrongAt == null) {
      // the right form: nothing about its shape is said (the value may break other rules)
      assertThat(read.problems()).noneMatch(p -> p.code().equals("invalid-type"));
      return;
    }
    assertThat(read.isAccepted()).as("%s = %s", field.path(), value).isFalse();
    assertThat(read.problems())
        .as("%s = %s", field.path(), value)
        .anySatisfy(
            p -> {
              assertThat(p.code()).isEqualTo("invalid-type");
              assertThat(p.field()).isEqualTo(wrongAt);
              assertThat(p.message()).startsWith("expected ");
            });
  }

  /** Where a problem must be reported for {@code value} at the field, or null when none. */
  private static String wrongAt(Field f, JsonNode value) {
    return switch (f.form()) {
      case TEXT -> value.isContainerNode() ? f.path() : null;
      case OBJECT -> value.isObject() ? null : f.path();
      case OBJECTS -> {
        if (!value.isArray()) {
          yield f.path();
        }
        for (int i = 0; i < value.size(); i++) {
          if (!value.get(i).isObject()) {
            yield f.path() + "[" + i + "]";
          }
        }
        yield null;
      }
      case TEXTS -> {
        if (value.isObject()) {
          yield f.path();
        }
        if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isContainerNode()) {
              yield f.path() + "[" + i + "]";
            }
          }
        }
        yield null;
      }
    };
  }

  /** Sets {@code path} (dotted, with {@code [i]} indexes) in {@code row}. */
  private static void put(ObjectNode row, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode at = row;
    for (int i = 0; i < parts.length - 1; i++) {
      at = step(at, parts[i]);
    }
    String last = parts[parts.length - 1];
    int bracket = last.indexOf('[');
    if (bracket < 0) {
      ((ObjectNode) at).set(last, value);
    } else {
      ArrayNode list = (ArrayNode) at.get(last.substring(0, bracket));
      list.set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), value);
    }
  }

  private static JsonNode step(JsonNode at, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return at.get(part);
    }
    return at.get(part.substring(0, bracket))
        .get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
  }

  private static Outcome<IntelRecord> read(RecordKind kind, String line) throws Exception {
    try (RowSource rows =
        new Formats()
            .open(
                kind.plural(),
                "json",
                new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)))) {
      return switch (rows.next().fields()) {
        case Outcome.Accepted<org.sekisho.intel.domain.Fields> a -> READER.read(kind, a.value());
        case Outcome.Rejected<org.sekisho.intel.domain.Fields> r ->
            new Outcome.Rejected<>(r.problems());
      };
    }
  }

  /** The reviewer's rows: each refused, naming the field and the form expected. */
  @Example
  void theReviewersRowsAreRefusedNamingFieldAndForm() throws Exception {
    String base = SEIZURE.substring(0, SEIZURE.indexOf(",\"persons\""));
    String[][] cases = {
      {
        "\"persons\":{\"name\":\"John Doe\"}",
        "persons",
        "expected a list of objects, got an object"
      },
      {"\"persons\":[\"John Doe\"]", "persons[0]", "expected an object, got text"},
      {
        "\"persons\":[{\"name\":{\"first\":\"John\"}}]",
        "persons[0].name",
        "expected text, got an object"
      },
      {
        "\"persons\":[{\"name\":[\"John\",\"Doe\"]}]",
        "persons[0].name",
        "expected text, got a list"
      }
    };
    for (String[] c : cases) {
      Outcome<IntelRecord> o = read(RecordKind.SEIZURE, base + "," + c[0] + "}");
      assertThat(o.problems())
          .as(c[0])
          .extracting(Problem::field, Problem::message)
          .contains(org.assertj.core.groups.Tuple.tuple(c[1], c[2]));
    }
    Outcome<IntelRecord> importer =
        read(
            RecordKind.DECLARATION,
            DECLARATION.replace(
                "{\"kind\":\"company\",\"name\":\"Sakura\",\"country\":\"JP\"}",
                "\"just a string\""));
    assertThat(importer.problems())
        .extracting(Problem::field, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "importer", "expected an object (name, id, address, …), got text"));
    // the right forms are read as before
    Seizure s = (Seizure) read(RecordKind.SEIZURE, SEIZURE).orElseThrow();
    assertThat(s.persons())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("John Doe"));
  }
}
