package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A JSON body the server cannot read (cut off, a character out of place, a word that is no JSON, a
 * control character in a string, text after the value, a list where an object belongs, a value of
 * the wrong type) is refused with 400 {@code invalid-json} in the reader's language as a whole:
 * what is wrong, where (line and column, counted in characters), and what was expected; never the
 * parser's English, its class names or its internal wording.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MalformedJsonLanguageTest {
  /** What the route reads: a note with a text and a count. */
  record Note(String text, int count) {}

  private final TestServer t;
  private final String token;

  MalformedJsonLanguageTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.post(
                    "/api/notes",
                    Access.signedIn(),
                    "add a note",
                    ctx -> ctx.json(ctx.bodyAsClass(Note.class))));
    this.token = t.token("kato");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private JsonNode refused(String lang, String body) {
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/notes",
            Map.of(
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/json",
                "Accept-Language",
                lang),
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).as(body + " → " + a.body()).isEqualTo(400);
    JsonNode json = a.json();
    assertThat(json.get("error").asText()).isEqualTo("invalid-json");
    String message = json.get("message").asText();
    assertThat(message)
        .as(body)
        .doesNotContain(
            "`",
            "REDACTED",
            "Source:",
            "Unexpected",
            "expecting",
            "end-of-input",
            "token",
            "Jackson",
            "java.",
            "JsonToken",
            "Cannot deserialize");
    if (lang.equals("ja")) {
      // nothing English left once the format's name, its literals and what was sent are taken out
      String rest = message;
      for (String word :
          List.of(
              "JSON", "true", "false", "null", "tru", "u0009", "many", "count", "colour", "text")) {
        rest = rest.replace(word, "");
      }
      assertThat(rest).as(body).doesNotContainPattern("[A-Za-z]{2,}");
    }
    return json;
  }

  private void says(String body, String english, String japanese) {
    assertThat(refused("en", body).get("message").asText()).as(body).isEqualTo(english);
    assertThat(refused("ja", body).get("message").asText()).as(body).isEqualTo(japanese);
  }

  @Test
  void aBodyCutOffMidStringSaysWhereItEndsInTheReadersLanguage() {
    says(
        "{\"a\": \"b",
        "the JSON body ends early at line 1, column 9, inside a string not closed with a double"
            + " quote (\")",
        "本文の JSON が 1 行 9 文字目で途切れています。文字列が二重引用符（\"）で閉じられていません");
  }

  @Test
  void aBodyCutOffBetweenValuesSaysWhatItStillNeeds() {
    says(
        "{\"text\":",
        "the JSON body ends early at line 1, column 9; it still needs } to close what it opened",
        "本文の JSON が 1 行 9 文字目で途切れています。開いたものを閉じる } がまだありません");
    says(
        "[{\"text\": \"x\"},\n {\"text\": \"y\"",
        "the JSON body ends early at line 2, column 14; it still needs }] to close what it"
            + " opened",
        "本文の JSON が 2 行 14 文字目で途切れています。開いたものを閉じる }] がまだありません");
  }

  @Test
  void columnsCountCharactersNotBytes() {
    // 名 and 前 are three bytes each in UTF-8: the reader counts them as one character each
    says(
        "{\"名前\": \"値",
        "the JSON body ends early at line 1, column 10, inside a string not closed with a double"
            + " quote (\")",
        "本文の JSON が 1 行 10 文字目で途切れています。文字列が二重引用符（\"）で閉じられていません");
    says(
        "{\"名前\":\"値\"} x",
        "the body holds more after its JSON value, which ends at line 1, column 11; send one JSON"
            + " value",
        "本文の JSON の値（1 行 11 列で終わり）の後ろに続きがあります。JSON の値を一つだけ送ってください");
  }

  @Test
  void aCharacterOutOfPlaceIsNamedWithWhatWasExpected() {
    says(
        "{\"text\" 1}",
        "unexpected character '1' at line 1, column 9 of the JSON body; expected a colon (:)"
            + " after the field name",
        "本文の JSON の 1 行 9 文字目に予期しない文字「1」があります。項目名の後のコロン（:）が必要です");
    says(
        "{\"text\":\"x\" \"count\":2}",
        "unexpected character '\"' at line 1, column 13 of the JSON body; expected a comma (,)"
            + " before the next field, or } to close the object",
        "本文の JSON の 1 行 13 文字目に予期しない文字「\"」があります。次の項目の前のコンマ（,）か、オブジェクトを閉じる「}」が必要です");
    says(
        "{text:1}",
        "unexpected character 't' at line 1, column 2 of the JSON body; expected a field name"
            + " in double quotes",
        "本文の JSON の 1 行 2 文字目に予期しない文字「t」があります。二重引用符で囲んだ項目名が必要です");
    says(
        "{\"text\":tru}",
        "unexpected word 'tru' at line 1, column 9 of the JSON body; expected a value (a string"
            + " in double quotes, a number, an object, a list, true, false or null)",
        "本文の JSON の 1 行 9 文字目の「tru」は読めません。値（二重引用符で囲んだ文字列、数値、オブジェクト、リスト、true、false、null"
            + " のいずれか）が必要です");
  }

  @Test
  void aControlCharacterInsideAStringIsNamedWithItsEscape() {
    says(
        "{\"text\":\"x\ty\"}",
        "the string at line 1, column 11 of the JSON body holds the control character U+0009,"
            + " which JSON writes as an escape, such as \\t or \\u0009",
        "本文の JSON の 1 行 11 文字目の文字列に制御文字 U+0009 がそのまま入っています。\\t や \\u0009" + " のようにエスケープして書いてください");
  }

  @Test
  void aListWhereAnObjectBelongsAndAValueOfTheWrongTypeAreWorded() {
    says(
        "[1]",
        "expected a JSON object as the body, got a list",
        "本文は JSON オブジェクトで送ってください（送られたのはリスト）");
    JsonNode wrong = refused("en", "{\"text\":\"x\",\"count\":\"many\"}");
    assertThat(wrong.get("field").asText()).isEqualTo("count");
    assertThat(wrong.get("message").asText())
        .isEqualTo("expected a number at count, got the text 'many'");
    assertThat(refused("ja", "{\"text\":\"x\",\"count\":\"many\"}").get("message").asText())
        .isEqualTo("count は数値で指定してください（送られたのは文字列「many」）");
    JsonNode unknown = refused("en", "{\"text\":\"x\",\"colour\":\"red\"}");
    assertThat(unknown.get("field").asText()).isEqualTo("colour");
    assertThat(unknown.get("message").asText())
        .isEqualTo("this route does not take the field colour; it takes count, text");
    assertThat(refused("ja", "{\"text\":\"x\",\"colour\":\"red\"}").get("message").asText())
        .isEqualTo("このルートは項目 colour を受け付けません。受け付けるのは count, text です");
  }

  @Test
  void aBodyThatIsNoJsonValueAtAllIsWordedWhenTheHandlerReadsIt() {
    // not starting with { or [: the handler's parser refuses it, in the same words
    says(
        "tru",
        "unexpected word 'tru' at line 1, column 1 of the JSON body; expected a value (a string"
            + " in double quotes, a number, an object, a list, true, false or null)",
        "本文の JSON の 1 行 1 文字目の「tru」は読めません。値（二重引用符で囲んだ文字列、数値、オブジェクト、リスト、true、false、null"
            + " のいずれか）が必要です");
  }
}
