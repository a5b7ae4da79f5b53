package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/**
 * Each kind of fault the JSON parser finds is worded in both languages, naming where (in
 * characters) and what was expected, with no trace of the parser's own English.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsonRefusalTest {
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.platform"));
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.platform"));
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  enum Lane {
    RED,
    GREEN
  }

  record Entry(Lane lane, LocalDate day, List<String> tags) {}

  /** The refusal of {@code body} read as InputCheck reads it (skipping through the value). */
  private static Problem syntax(String body, Messages t) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    JacksonException e =
        catchThrowableOfType(
            JacksonException.class,
            () -> {
              try (JsonParser p = JSON.getFactory().createParser(bytes)) {
                p.nextToken();
                p.skipChildren();
                p.nextToken();
              }
            });
    assertThat(e).as(body).isNotNull();
    return JsonRefusal.of(e, t, bytes);
  }

  private static Problem bound(String body, Messages t) {
    JacksonException e =
        catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, Entry.class));
    assertThat(e).as(body).isNotNull();
    return JsonRefusal.of(e, t);
  }

  private static void says(String body, String english, String japanese) {
    Problem en = syntax(body, EN);
    assertThat(en.code()).isEqualTo("invalid-json");
    assertThat(en.field()).isEmpty();
    assertThat(en.message()).as(body).isEqualTo(english);
    assertThat(syntax(body, JA).message()).as(body).isEqualTo(japanese);
  }

  @Test
  void aBodyCutOffAnywhereSaysWhereAndWhatItStillNeeds() {
    says(
        "{\"a\":[1,",
        "the JSON body ends early at line 1, column 9; it still needs ]} to close what it opened",
        "本文の JSON が 1 行 9 文字目で途切れています。開いたものを閉じる ]} がまだありません");
    // a number cut off: the parser calls it a field name; it is not inside a string
    says(
        "{\"a\":-",
        "the JSON body ends early at line 1, column 7; it still needs } to close what it opened",
        "本文の JSON が 1 行 7 文字目で途切れています。開いたものを閉じる } がまだありません");
    // an escaped quote does not close the string
    says(
        "{\"a\":\"x\\\"",
        "the JSON body ends early at line 1, column 10, inside a string not closed with a double"
            + " quote (\")",
        "本文の JSON が 1 行 10 文字目で途切れています。文字列が二重引用符（\"）で閉じられていません");
  }

  @Test
  void faultsInsideStringsAndNumbersAreNamed() {
    says(
        "{\"a\":\"\\q\"}",
        "the string at line 1, column 8 of the JSON body holds \\q, which is no JSON escape; write"
            + " a backslash itself as \\\\",
        "本文の JSON の 1 行 8 文字目の文字列にある \\q は JSON のエスケープではありません。バックスラッシュそのものは \\\\" + " と書いてください");
    says(
        "{\"a\":01}",
        "the number at line 1, column 7 of the JSON body starts with a zero; write it without"
            + " leading zeros, or as a string in double quotes",
        "本文の JSON の 1 行 7 文字目の数値が 0 で始まっています。先頭の 0 を除くか、二重引用符で囲んだ文字列にしてください");
    says(
        "{\"a\":1.}",
        "unexpected character '}' at line 1, column 8 of the JSON body; expected a digit (0-9)",
        "本文の JSON の 1 行 8 文字目に予期しない文字「}」があります。数字（0〜9）が必要です");
    says(
        "{\"a\":\"\\u12\"}",
        "unexpected character '\"' at line 1, column 11 of the JSON body; expected four"
            + " hexadecimal digits after \\u",
        "本文の JSON の 1 行 11 文字目に予期しない文字「\"」があります。\\u の後の 16 進数 4 桁が必要です");
  }

  @Test
  void aWrongClosingMarkOrATrailingCommaSaysWhatBelongsThere() {
    says(
        "{\"a\":1]",
        "unexpected character ']' at line 1, column 7 of the JSON body; expected a comma (,)"
            + " before the next field, or } to close the object",
        "本文の JSON の 1 行 7 文字目に予期しない文字「]」があります。次の項目の前のコンマ（,）か、オブジェクトを閉じる「}」が必要です");
    says(
        "[1,]",
        "unexpected character ']' at line 1, column 4 of the JSON body; expected a value (a"
            + " string in double quotes, a number, an object, a list, true, false or null)",
        "本文の JSON の 1 行 4 文字目に予期しない文字「]」があります。値（二重引用符で囲んだ文字列、数値、オブジェクト、リスト、true、false、null"
            + " のいずれか）が必要です");
    says(
        "{\"a\":1,}",
        "unexpected character '}' at line 1, column 8 of the JSON body; expected a field name in"
            + " double quotes",
        "本文の JSON の 1 行 8 文字目に予期しない文字「}」があります。二重引用符で囲んだ項目名が必要です");
  }

  @Test
  void bytesThatAreNotUtf8AreNamedAsSuch() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    JacksonException e =
        catchThrowableOfType(
            JacksonException.class,
            () -> {
              try (JsonParser p = JSON.getFactory().createParser(bytes)) {
                while (p.nextToken() != null) {
                  p.getText();
                }
              }
            });
    assertThat(JsonRefusal.of(e, EN, bytes).message())
        .startsWith("the JSON body is not UTF-8 text at line 1, column ")
        .endsWith("; send it encoded as UTF-8");
  }

  @Test
  void aValueOfTheWrongTypeNamesItsPathWhatItWantsAndWhatCame() {
    Problem lane = bound("{\"lane\":\"BLUE\"}", EN);
    assertThat(lane.field()).isEqualTo("lane");
    assertThat(lane.message()).isEqualTo("expected one of RED, GREEN at lane, got the text 'BLUE'");
    assertThat(bound("{\"lane\":\"BLUE\"}", JA).message())
        .isEqualTo("lane は「RED, GREEN」のいずれかで指定してください（送られたのは文字列「BLUE」）");
    Problem day = bound("{\"day\":\"yesterday\"}", EN);
    assertThat(day.field()).isEqualTo("day");
    assertThat(day.message())
        .isEqualTo(
            "expected a date or time as text in ISO 8601 form, such as 2026-11-29 or"
                + " 2026-11-29T09:30:00Z at day, got the text 'yesterday'");
    Problem tag = bound("{\"tags\":[\"a\",{}]}", EN);
    assertThat(tag.field()).isEqualTo("tags[1]");
    assertThat(tag.message()).isEqualTo("expected a string at tags[1], got an object");
    assertThat(bound("", EN).message()).isEqualTo("the body is empty; send a JSON value");
    assertThat(bound("", JA).message()).isEqualTo("本文が空です。JSON の値を送ってください");
  }

  @Test
  void aParsersRefusalWrappedByTheBinderIsWordedAsTheParsersOwn() {
    byte[] bytes = "{\"a\":[1,".getBytes(StandardCharsets.UTF_8);
    JacksonException cut =
        catchThrowableOfType(
            JacksonException.class,
            () -> {
              try (JsonParser p = JSON.getFactory().createParser(bytes)) {
                p.nextToken();
                p.skipChildren();
              }
            });
    var wrapped = new com.fasterxml.jackson.databind.JsonMappingException(null, "wrapped", cut);
    assertThat(JsonRefusal.of(wrapped, JA, bytes).message())
        .isEqualTo(JsonRefusal.of(cut, JA, bytes).message())
        .startsWith("本文の JSON が 1 行 9 文字目で途切れています");
  }

  @Test
  void columnsCountCharactersAcrossLines() {
    byte[] body = "{\n\"名前\":\r\n  \"値".getBytes(StandardCharsets.UTF_8);
    JsonRefusal.Place at = JsonRefusal.Place.inCharacters(body, body.length);
    assertThat(at.line()).isEqualTo("3");
    assertThat(at.column()).isEqualTo("5");
  }
}
