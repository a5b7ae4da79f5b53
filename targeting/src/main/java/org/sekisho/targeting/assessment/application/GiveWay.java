package org.sekisho.targeting.assessment.application;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Makes a long background computation give way to the threads that answer requests: the computation
 * calls {@link #reached()} often (at every leaf of its pass over the trees), and there its thread
 * offers its core to any other runnable thread once it has computed for {@value #SLICE_MICROS} µs.
 *
 * <p>Why the scheduler's idle policy is not enough: on a kernel built without wakeup preemption
 * (preempt=none, usual for servers and virtual machines) a thread that never blocks keeps its core
 * until the next tick, 4 ms at 250 Hz, whatever its policy, and a thread woken onto that core (a
 * request's, PostgreSQL's) waits that long. On the 2-core machine one spinning idle-policy thread
 * took a durable commit's p99 from 0.8 to 8–12 ms; offering the core every 50 µs brought it back to
 * 0.7 ms. Waiting for the requests to stop instead was no better for their latency and left the
 * computation without a turn under steady load.
 *
 * <p>For one thread: each background thread has its own.
 */
public final class GiveWay {
  /** Longest stretch the background thread computes without offering its core. */
  public static final long SLICE_MICROS = 50;

  private static final long SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(SLICE_MICROS);

  private final LongSupplier nanoTime;
  private final Runnable offerCore;
  private long sliceStart;

  public GiveWay() {
    this(System::nanoTime, Thread::yield);
  }

  GiveWay(LongSupplier nanoTime, Runnable offerCore) {
    this.nanoTime = nanoTime;
    this.offerCore = offerCore;
    this.sliceStart = nanoTime.getAsLong();
  }

  /** Offers the core ({@link Thread#yield()}) once the current slice is used up. */
  public void reached() {
    long now = nanoTime.getAsLong();
    if (now - sliceStart >= SLICE_NANOS) {
      offerCore.run();
      sliceStart = nanoTime.getAsLong();
    }
  }
}
