package org.sekisho.passenger.pnr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The GTAS PNRGOV/PAXLST test messages copied into test resources ({@code pnr-api/}). */
public final class Corpus {
  private Corpus() {}

  /** Text of {@code pnr-api/<name>}. */
  public static String text(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/pnr-api/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource pnr-api/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path of {@code pnr-api/<name>} on disk. */
  public static Path path(String name) {
    URL url = Corpus.class.getResource("/pnr-api/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource pnr-api/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Names (relative to {@code pnr-api/}) of every PNRGOV message file. */
  public static List<String> pnrFiles() {
    return files("parsers-pnr", "loader-pnr");
  }

  /** Names (relative to {@code pnr-api/}) of every PAXLST message file. */
  public static List<String> apiFiles() {
    return files("parsers-apis", "loader-apis", "paxlst-inline");
  }

  private static List<String> files(String... folders) {
    return Stream.of(folders)
        .flatMap(
            f -> {
              try (Stream<Path> s = Files.list(path(f))) {
                return s.map(p -> f + "/" + p.getFileName()).sorted().toList().stream();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }
}
