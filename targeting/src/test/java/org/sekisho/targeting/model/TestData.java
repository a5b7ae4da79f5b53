package org.sekisho.targeting.model;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;
import org.sekisho.targeting.model.domain.KcsDeclaration;

/** The KCS sample files in test resources. */
public final class TestData {
  private TestData() {}

  public static Path path(String name) {
    try {
      return Path.of(TestData.class.getResource("/kcs/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<KcsDeclaration> read(String name) {
    try (Reader r =
        new InputStreamReader(
            TestData.class.getResourceAsStream("/kcs/" + name), StandardCharsets.UTF_8)) {
      KcsDeclarationReader in = KcsDeclarationReader.open(r, true).orElseThrow();
      List<KcsDeclaration> out = new ArrayList<>();
      for (KcsDeclarationReader.Row row = in.next(); row != null; row = in.next()) {
        out.add(row.declaration().orElseThrow());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
