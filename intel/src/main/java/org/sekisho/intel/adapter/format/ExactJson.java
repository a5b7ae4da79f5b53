package org.sekisho.intel.adapter.format;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * JSON read and written with every digit of its numbers: a number with a point or an exponent is
 * read as a {@link java.math.BigDecimal} (never through a double), kept in the tree as written, and
 * written in plain form ({@code 0.0000001}, never {@code 1E-7}). Stateless and thread-safe.
 */
public final class ExactJson {
  private static final ObjectMapper COMPACT = build(false);
  private static final ObjectMapper INDENTED = build(true);

  private ExactJson() {}

  /** A mapper that reads and writes numbers exactly, in one line. */
  public static ObjectMapper compact() {
    return COMPACT;
  }

  /** A mapper that reads and writes numbers exactly, indented for reading. */
  public static ObjectMapper indented() {
    return INDENTED;
  }

  /**
   * A number or other scalar as text: a decimal with all its digits in plain form, anything else as
   * Jackson writes it.
   */
  public static String text(JsonNode scalar) {
    return scalar.isBigDecimal() ? scalar.decimalValue().toPlainString() : scalar.asText();
  }

  private static ObjectMapper build(boolean indent) {
    JsonMapper.Builder b =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    if (indent) {
      b.enable(SerializationFeature.INDENT_OUTPUT);
    }
    return b.build();
  }
}
