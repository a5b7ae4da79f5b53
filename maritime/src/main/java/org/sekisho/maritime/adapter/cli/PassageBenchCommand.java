package org.sekisho.maritime.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sekisho.maritime.adapter.geo.GeoJsonLand;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.geo.Passage;
import org.sekisho.maritime.domain.geo.Passages;
import org.sekisho.maritime.domain.geo.SeaRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times patrol passages by sea ({@link SeaRoutes}) between random positions at sea round Japan,
 * against the straight line in the same run: the first pass (the land's tiles read as they are
 * met), a second pass over other pairs (tiles known), and how many passages the land lengthens.
 */
@Command(
    name = "passages",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark patrol passages by sea round the land against straight lines, on random pairs"
            + " of positions at sea round Japan.")
public final class PassageBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--pairs",
      defaultValue = "300",
      description = "pairs of positions per pass (default: ${DEFAULT-VALUE})")
  int pairs;

  @Option(
      names = "--max-nm",
      defaultValue = "300",
      description = "most miles between the two positions of a pair (default: ${DEFAULT-VALUE})")
  double maxNm;

  @Option(names = "--seed", defaultValue = "7", description = "random seed (default: 7)")
  long seed;

  public PassageBenchCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (pairs < 1 || maxNm <= 0) {
      spec.commandLine().getErr().println("--pairs and --max-nm must be greater than 0");
      return 2;
    }
    long t0 = System.nanoTime();
    GeoJsonLand land = GeoJsonLand.load();
    out.printf("land read in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    SeaRoutes routes = new SeaRoutes(land);
    SplittableRandom random = new SplittableRandom(seed);
    for (String pass :
        new String[] {"first pass (tiles read as met)", "second pass (tiles known)"}) {
      List<double[]> chosen = pairs(land, random);
      long[] sea = new long[chosen.size()];
      long[] straight = new long[chosen.size()];
      int longer = 0;
      int noRoute = 0;
      double ratio = 0;
      for (int i = 0; i < chosen.size(); i++) {
        double[] p = chosen.get(i);
        long s0 = System.nanoTime();
        Passage line = Passages.STRAIGHT.between(p[0], p[1], p[2], p[3]);
        straight[i] = System.nanoTime() - s0;
        long r0 = System.nanoTime();
        Passage bySea = routes.between(p[0], p[1], p[2], p[3]);
        sea[i] = System.nanoTime() - r0;
        if (bySea.basis() == Passage.Basis.NO_SEA_ROUTE) {
          noRoute++;
        } else if (bySea.distanceNm() > line.distanceNm() * 1.05) {
          longer++;
          ratio += bySea.distanceNm() / line.distanceNm();
        }
      }
      out.printf(
          "%s: %d passages of at most %.0f nm; by sea p50 %.2f ms, p95 %.2f ms, max %.1f ms;"
              + " straight line p50 %.4f ms%n",
          pass,
          chosen.size(),
          maxNm,
          percentile(sea, 50),
          percentile(sea, 95),
          percentile(sea, 100),
          percentile(straight, 50));
      out.printf(
          "  %d of %d (%.0f %%) longer than the straight line by more than 5 %% (%.2f× on"
              + " average), %d without a sea route%n",
          longer,
          chosen.size(),
          100.0 * longer / chosen.size(),
          longer == 0 ? 1.0 : ratio / longer,
          noRoute);
      out.flush();
    }
    return 0;
  }

  /** Pairs of positions at sea (not on the map's land) within 30–45°N, 128–146°E. */
  private List<double[]> pairs(GeoJsonLand land, SplittableRandom random) {
    List<double[]> out = new ArrayList<>();
    while (out.size() < pairs) {
      double lat1 = 30 + 15 * random.nextDouble();
      double lon1 = 128 + 18 * random.nextDouble();
      double lat2 = 30 + 15 * random.nextDouble();
      double lon2 = 128 + 18 * random.nextDouble();
      if (land.depth(lat1, lon1) > 0
          || land.depth(lat2, lon2) > 0
          || Geo.distanceNm(lat1, lon1, lat2, lon2) > maxNm) {
        continue;
      }
      out.add(new double[] {lat1, lon1, lat2, lon2});
    }
    return out;
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
