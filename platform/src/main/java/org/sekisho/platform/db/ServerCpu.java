package org.sekisho.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by the embedded PostgreSQL of a data directory, for benchmarks that print what the
 * database costs beside what the JVM costs.
 */
public final class ServerCpu {
  private ServerCpu() {}

  /**
   * CPU time (user + system) of the embedded server that {@link Database#open} starts over {@code
   * dataDir}: its postmaster, found by its {@code postmaster.pid}, and the postmaster's children
   * (backends, writers), read from Linux {@code /proc}.
   *
   * @return nanoseconds, or -1 where there is no such server or no {@code /proc}
   */
  public static long embeddedNanos(Path dataDir) {
    Path proc = Path.of("/proc");
    String postmaster;
    try {
      postmaster =
          Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid")).get(0).strip();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    long ticks = 0;
    try (var dirs = Files.newDirectoryStream(proc)) {
      for (Path p : dirs) {
        String pid = p.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          // after the command name in parentheses: ppid is field 4, utime 14, stime 15
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (pid.equals(postmaster) || f[1].equals(postmaster)) {
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException | RuntimeException gone) {
          // The process ended while we looked.
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
  }
}
