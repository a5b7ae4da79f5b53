package org.sekisho.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
  private static final Path DIR = Path.of("/tmp/sekisho-config-test");

  @Test
  void withoutAUrlTheEmbeddedServerIsUsed() {
    assertThat(DatabaseConfig.fromEnvironment(Map.of(), DIR).isEmbedded()).isTrue();
    assertThat(DatabaseConfig.fromEnvironment(Map.of("SEKISHO_DB_URL", " "), DIR).isEmbedded())
        .isTrue();
  }

  @Test
  void aJdbcUrlIsTaken() {
    DatabaseConfig c =
        DatabaseConfig.fromEnvironment(
            Map.of("SEKISHO_DB_URL", "jdbc:postgresql://db.example:5432/sekisho"), DIR);
    assertThat(c.isEmbedded()).isFalse();
  }

  @Test
  void aLibpqUrlIsRefusedNamingTheVariableAndTheFormExpectedWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                DatabaseConfig.fromEnvironment(
                    Map.of("SEKISHO_DB_URL", "postgres://sekisho:s3cret@db.example/sekisho"), DIR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SEKISHO_DB_URL: expected a JDBC URL such as jdbc:postgresql://")
        .hasMessageNotContaining("s3cret");
  }
}
