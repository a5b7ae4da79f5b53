package org.sekisho.targeting.assessment.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A background computation offers its core once per slice, not more often and not less. */
class GiveWayTest {
  private static final long SLICE = TimeUnit.MICROSECONDS.toNanos(GiveWay.SLICE_MICROS);

  @Test
  void theCoreIsOfferedOncePerSliceOfComputing() {
    AtomicLong now = new AtomicLong(7_000_000_000L);
    AtomicInteger offers = new AtomicInteger();
    GiveWay g = new GiveWay(now::get, offers::incrementAndGet);
    now.addAndGet(SLICE - 1);
    g.reached();
    assertThat(offers).hasValue(0);
    now.addAndGet(1);
    g.reached();
    assertThat(offers).hasValue(1);
    // the next slice starts when the core comes back
    now.addAndGet(SLICE / 2);
    g.reached();
    assertThat(offers).hasValue(1);
    now.addAndGet(SLICE * 10);
    g.reached();
    g.reached();
    assertThat(offers).hasValue(2);
  }

  @Test
  void aSliceStartsAfterTheOfferReturnsNotBeforeIt() {
    AtomicLong now = new AtomicLong(0);
    AtomicInteger offers = new AtomicInteger();
    // another thread ran for three slices while this one had offered its core
    GiveWay g =
        new GiveWay(
            now::get,
            () -> {
              offers.incrementAndGet();
              now.addAndGet(3 * SLICE);
            });
    now.addAndGet(SLICE);
    g.reached();
    now.addAndGet(SLICE - 1);
    g.reached();
    assertThat(offers).hasValue(1);
  }
}
