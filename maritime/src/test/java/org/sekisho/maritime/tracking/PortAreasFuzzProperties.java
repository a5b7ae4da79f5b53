package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;

/** Mutated port GeoJSON never crashes the reader: it gives areas or a named rejection. */
class PortAreasFuzzProperties {
  static final String SOURCE = load();

  static String load() {
    try (InputStream in =
        PortAreasFuzzProperties.class.getResourceAsStream("/maritime/ports.geojson")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, SOURCE.length() - 1);
    Arbitrary<Character> ch =
        Arbitraries.of('[', ']', '{', '}', ',', '"', '-', '9', '0', '.', 'x', ' ');
    return Combinators.combine(pos.list().ofMinSize(1).ofMaxSize(4), ch.list().ofSize(4))
        .as(
            (ps, cs) -> {
              StringBuilder b = new StringBuilder(SOURCE);
              for (int i = 0; i < ps.size(); i++) {
                int p = Math.min(ps.get(i), b.length() - 1);
                if (i % 2 == 0) {
                  b.setCharAt(p, cs.get(i));
                } else {
                  b.deleteCharAt(p);
                }
              }
              return b.toString();
            });
  }

  @Property(tries = 1500)
  void mutatedPortFilesGiveAreasOrANamedRejection(@ForAll("mutated") String text) {
    try {
      GeoJsonPortAreas areas =
          GeoJsonPortAreas.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      assertThat(areas.ports()).isNotNull();
      areas.at(35.6, 139.8);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("GeoJSON");
    } catch (JacksonException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
