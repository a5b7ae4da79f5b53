package org.sekisho.maritime.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.sekisho.core.InputFiles;
import org.sekisho.maritime.adapter.json.GpsdJsonWriter;
import org.sekisho.maritime.application.DecodeAisStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho ais decode FILE [--json]}: decodes NMEA AIS sentences and prints one line per
 * message on stdout: gpsd's fields as {@code name=value}, or with {@code --json} one gpsd-style
 * JSON object. A summary goes to stderr: lines read, messages printed (so the count matches the
 * output: a type 24 part A is printed merged into its part B, as gpsd does), broken sentences with
 * reasons and lines skipped as not AIS at all (other NMEA, text). Exit 0 when at least one message
 * was decoded; 1 when none was (every AIS sentence broken, a file with no AIS in it, an empty
 * input) or reading failed midway; 2 when the file cannot be opened (missing, a folder, not
 * readable: worded by {@link InputFiles}, as every command words it) or {@code --max-errors} is
 * negative, worded as every bad option is.
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

  // read when FILE is '-'; asked for at the run, so a test or a launcher may set System.in first
  private final Supplier<InputStream> stdin;

  public AisDecodeCommand() {
    this(() -> System.in);
  }

  /** A command that reads {@code stdin} for FILE {@code -}. */
  public AisDecodeCommand(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (maxErrors < 0) {
      // refused as every command refuses a bad value: one line, exit 2
      throw new ParameterException(
          spec.commandLine(),
          "--max-errors: expected how many broken sentences to list, 0 or more, got " + maxErrors);
    }
    InputStream in = "-".equals(file) ? stdin.get() : open(file);
    // without --json, each message on one line of the same fields (type 24 merged alike)
    GpsdJsonWriter writer = new GpsdJsonWriter(json ? device : null);
    StringBuilder sb = new StringBuilder(512);
    long[] written = {0};
    DecodeAisStream.Summary summary;
    try (InputStream input = in) {
      summary =
          new DecodeAisStream(maxErrors)
              .run(
                  input,
                  (m, channel, time) -> {
                    int from = sb.length();
                    if (writer.write(m, sb)) {
                      if (!json) {
                        String line = readable(sb.substring(from));
                        sb.setLength(from);
                        sb.append(line).append('\n');
                      }
                      written[0]++;
                      if (sb.length() > 8192) {
                        out.append(sb);
                        sb.setLength(0);
                      }
                    }
                  });
    } catch (IOException e) {
      err.println("error reading " + file + ": " + reason(e));
      err.flush();
      return 1;
    }
    out.append(sb);
    out.flush();
    err.println(summaryLine(summary, OptionalLong.of(written[0])));
    for (Map.Entry<String, Long> e : summary.brokenByCode().entrySet()) {
      err.printf("  %-24s %d%n", e.getKey(), e.getValue());
    }
    for (DecodeAisStream.Broken b : summary.examples()) {
      err.printf("  line %d: %s%n", b.line(), b.problem());
    }
    if (summary.messages() == 0) {
      err.println(
          "no AIS message could be decoded from "
              + ("-".equals(file) ? "standard input" : file)
              + (summary.lines() == 0
                  ? ": it is empty"
                  : ": expected NMEA 0183 AIS sentences (!AIVDM/!AIVDO), one per line"));
    }
    err.flush();
    return summary.messages() == 0 ? 1 : 0;
  }

  /**
   * The summary line: lines, messages (the JSON objects printed when {@code written} is given, with
   * the decoded count beside it when they differ), broken sentences and lines that were not AIS.
   */
  static String summaryLine(DecodeAisStream.Summary s, OptionalLong written) {
    StringBuilder b = new StringBuilder();
    b.append(s.lines()).append(s.lines() == 1 ? " line, " : " lines, ");
    if (written.isPresent()) {
      b.append(written.getAsLong()).append(" messages printed");
      if (written.getAsLong() != s.messages()) {
        b.append(" (")
            .append(s.messages())
            .append(
                " decoded: a type 24 part A is printed with the part B of its vessel that follows,"
                    + " as gpsd does, and a part without the other is not printed)");
      }
    } else {
      b.append(s.messages()).append(" messages decoded");
    }
    b.append(", ").append(s.broken()).append(" broken sentences");
    b.append(", ").append(s.skipped()).append(" lines skipped (not AIS: other NMEA or text)");
    return b.toString();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * One gpsd JSON object as a line people read: its fields as {@code name=value} in gpsd's order
   * and scaling, text quoted, without the JSON's class and scaling markers ({@code type=1 repeat=0
   * mmsi=366053209 status=0 status_text="Under way using engine" … lat=37.80 …}).
   */
  static String readable(String jsonLine) {
    com.fasterxml.jackson.databind.JsonNode o;
    try {
      o = JSON.readTree(jsonLine);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the gpsd writer wrote no JSON: " + jsonLine, e);
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f : o.properties()) {
      if (f.getKey().equals("class") || f.getKey().equals("scaled")) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append(' ');
      }
      com.fasterxml.jackson.databind.JsonNode v = f.getValue();
      // text and nested values as JSON writes them (quoted, escaped); numbers and flags bare
      b.append(f.getKey()).append('=').append(v.isValueNode() && !v.isTextual() ? v.asText() : v);
    }
    return b.toString();
  }

  /**
   * Opens {@code name}, or refuses it as a wrong argument (exit 2, one line) in the words every
   * command uses for a file it cannot read ({@link InputFiles}): missing, a folder, unreadable.
   */
  private InputStream open(String name) {
    Path p;
    try {
      p = Path.of(name);
    } catch (InvalidPathException e) {
      throw new ParameterException(
          spec.commandLine(), "FILE: " + name + " is not a valid path (" + e.getReason() + ")");
    }
    InputFiles.unreadable(p)
        .ifPresent(
            why -> {
              throw new ParameterException(spec.commandLine(), "FILE: " + why);
            });
    try {
      return Files.newInputStream(p);
    } catch (IOException e) {
      // gone or locked between the check and the opening
      throw new ParameterException(
          spec.commandLine(), "FILE: " + p + " cannot be read (" + reason(e) + ")");
    }
  }

  /**
   * Why a file could not be read, without the path again: {@link NoSuchFileException}'s message is
   * the path alone ("cannot read x.nmea: x.nmea").
   */
  static String reason(Exception e) {
    return switch (e) {
      case NoSuchFileException f -> "no such file";
      case AccessDeniedException f -> "permission denied";
      case FileSystemException f when f.getReason() != null -> f.getReason();
      case FileSystemException f -> f.getClass().getSimpleName();
      case InvalidPathException f -> "not a valid path (" + f.getReason() + ")";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
