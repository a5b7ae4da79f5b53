package org.sekisho.maritime.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sekisho.maritime.adapter.json.GpsdJsonWriter;
import org.sekisho.maritime.application.DecodeAisStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho ais decode FILE [--json]}: decodes NMEA AIS sentences; with {@code --json} prints
 * one gpsd-style JSON object per message on stdout. A summary of broken sentences, with reasons,
 * goes to stderr. Exit 0 when at least one message was decoded or the input was empty of AIS, 1
 * when the file cannot be read or every AIS sentence was broken.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decode NMEA 0183 AIS sentences (!AIVDM/!AIVDO); '-' reads standard input.")
public final class AisDecodeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "NMEA file, or '-' for stdin")
  String file;

  @Option(names = "--json", description = "print JSON Lines with gpsd's field names and scaling")
  boolean json;

  @Option(
      names = "--device",
      defaultValue = "stdin",
      description = "value of the JSON 'device' field (default: ${DEFAULT-VALUE}, as gpsdecode)")
  String device;

  @Option(
      names = "--max-errors",
      defaultValue = "20",
      description = "how many broken sentences to list (default: ${DEFAULT-VALUE})")
  int maxErrors;

  public AisDecodeCommand() {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    InputStream in;
    try {
      in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
    } catch (IOException | RuntimeException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    GpsdJsonWriter writer = new GpsdJsonWriter(device);
    StringBuilder sb = new StringBuilder(512);
    DecodeAisStream.Summary summary;
    try (InputStream input = in) {
      summary =
          new DecodeAisStream(maxErrors)
              .run(
                  input,
                  (m, channel, time) -> {
                    if (json && writer.write(m, sb) && sb.length() > 8192) {
                      out.append(sb);
                      sb.setLength(0);
                    }
                  });
    } catch (IOException e) {
      err.println("error reading " + file + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    out.append(sb);
    out.flush();
    err.printf(
        "%d lines, %d messages decoded, %d broken sentences%n",
        summary.lines(), summary.messages(), summary.broken());
    for (Map.Entry<String, Long> e : summary.brokenByCode().entrySet()) {
      err.printf("  %-24s %d%n", e.getKey(), e.getValue());
    }
    for (DecodeAisStream.Broken b : summary.examples()) {
      err.printf("  line %d: %s%n", b.line(), b.problem());
    }
    err.flush();
    return summary.messages() == 0 && summary.broken() > 0 ? 1 : 0;
  }
}
