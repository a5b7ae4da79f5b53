package org.sekisho.targeting.assessment.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Explains stored referrals on one thread, in blocks: what waits when the thread is free is
 * explained together (up to {@value #BLOCK} at once, in one pass over the model's leaves, several
 * times cheaper per referral than one by one), and the reasons of a block are stored together.
 *
 * <p>It never holds up an assessment: {@link #later} only offers the referral to a bounded queue.
 * When the queue is full the referral stays stored as waiting for its reasons and is picked up from
 * the store once the queue has drained (as are those left waiting by an earlier run, at start). One
 * thread at most, so explanations never take more than one core from the assessing threads, and
 * that thread offers its core to them every few dozen microseconds ({@link GiveWay}).
 */
public final class ModelReasonsWorker implements ModelReasons, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ModelReasonsWorker.class.getName());

  /** Most referrals explained together. */
  public static final int BLOCK = 256;

  private static final long CLOSING_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final AssessmentStore store;
  private final IntFunction<List<Referral>> waiting;
  private final BlockingQueue<Referral> queue;
  private final long lingerNanos;
  private final Thread thread;
  private final AtomicLong explained = new AtomicLong();
  private final AtomicLong blocks = new AtomicLong();
  private final AtomicLong leftToStore = new AtomicLong();
  private final AtomicLong caughtUp = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();
  private volatile boolean catchUp = true;
  private volatile boolean closing;
  // used by the worker thread only
  private final GiveWay giveWay = new GiveWay();

  /**
   * @param store where the reasons are added
   * @param waiting referrals waiting in the store, at most the number given (see {@link
   *     AssessRecords#waitingForModelReasons})
   * @param capacity most referrals queued in memory
   * @param linger how long the first referral of a block waits for others to join it (a lone
   *     referral costs about twice as much CPU as one in a full block); the reasons follow the
   *     answer later by about this much when the worker is idle
   * @param threads makes the one worker thread (a daemon; the adapter may lower its priority)
   */
  public ModelReasonsWorker(
      AssessmentStore store,
      IntFunction<List<Referral>> waiting,
      int capacity,
      Duration linger,
      java.util.concurrent.ThreadFactory threads) {
    this.store = store;
    this.waiting = waiting;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.lingerNanos = linger.toNanos();
    this.thread = threads.newThread(this::run);
  }

  /** Starts the thread; it first explains the referrals an earlier run left waiting. */
  public void start() {
    thread.start();
  }

  @Override
  public void later(Referral r) {
    if (!queue.offer(r)) {
      // full: the referral is stored as waiting and is read back once the queue has drained
      leftToStore.incrementAndGet();
      catchUp = true;
    }
  }

  /** What the worker has done so far. */
  public record Stats(
      long explained, long blocks, long leftToStore, long caughtUp, long busyNanos, int queued) {}

  public Stats stats() {
    return new Stats(
        explained.get(),
        blocks.get(),
        leftToStore.get(),
        caughtUp.get(),
        busyNanos.get(),
        queue.size());
  }

  private void run() {
    try {
      for (List<Referral> block = next(); block != null; block = next()) {
        long t0 = System.nanoTime();
        explain(block);
        busyNanos.addAndGet(System.nanoTime() - t0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next block to explain; null once closing and nothing is queued. */
  private List<Referral> next() throws InterruptedException {
    Referral first;
    while ((first = queue.poll(200, TimeUnit.MILLISECONDS)) == null) {
      if (closing) {
        return null;
      }
      if (catchUp) {
        catchUp = false;
        List<Referral> stored = readWaiting();
        if (!stored.isEmpty()) {
          // a full block: there may be more
          catchUp = stored.size() >= BLOCK;
          caughtUp.addAndGet(stored.size());
          return stored;
        }
      }
    }
    List<Referral> block = new ArrayList<>(BLOCK);
    block.add(first);
    long deadline = System.nanoTime() + lingerNanos;
    while (block.size() < BLOCK) {
      queue.drainTo(block, BLOCK - block.size());
      long left = deadline - System.nanoTime();
      if (block.size() >= BLOCK || left <= 0 || closing) {
        break;
      }
      // short waits, so that closing does not wait out the linger
      Referral r = queue.poll(Math.min(left, CLOSING_CHECK_NANOS), TimeUnit.NANOSECONDS);
      if (r != null) {
        block.add(r);
      }
    }
    return block;
  }

  private List<Referral> readWaiting() {
    try {
      return waiting.apply(BLOCK);
    } catch (RuntimeException e) {
      catchUp = true;
      LOG.log(System.Logger.Level.WARNING, "referrals waiting for model reasons not read: " + e);
      return List.of();
    }
  }

  /** Explains a block, each referral with the model that scored it, and stores the reasons. */
  void explain(List<Referral> block) {
    Map<RiskScorer, List<Referral>> byModel = new IdentityHashMap<>();
    for (Referral r : block) {
      byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
    }
    Map<Long, List<String>> reasons = new LinkedHashMap<>();
    byModel.forEach(
        (m, rs) -> {
          List<DeclarationView> ds = rs.stream().map(Referral::declaration).toList();
          try {
            List<List<String>> out =
                m.explainAll(ds, AssessRecords.MODEL_REASONS, giveWay::reached);
            for (int i = 0; i < rs.size(); i++) {
              reasons.put(rs.get(i).id(), out.get(i));
            }
          } catch (RuntimeException e) {
            // those assessments stand without model reasons (their lanes never depended on them)
            // and stop waiting, so that a failing model is not retried for ever
            LOG.log(
                System.Logger.Level.WARNING,
                "model reasons for " + rs.size() + " referrals not computed: " + e);
            rs.forEach(r -> reasons.put(r.id(), List.of()));
          }
        });
    try {
      store.addModelReasons(reasons);
      explained.addAndGet(reasons.size());
      blocks.incrementAndGet();
    } catch (RuntimeException e) {
      catchUp = true;
      LOG.log(
          System.Logger.Level.WARNING,
          "model reasons for " + reasons.size() + " referrals not stored: " + e);
    }
  }

  /**
   * Explains what is still queued (waiting up to {@code patience}) and stops the thread; referrals
   * still waiting after that stay stored as waiting for the next start.
   */
  public void close(Duration patience) {
    closing = true;
    try {
      thread.join(patience.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #close(Duration)} with 30 s of patience. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
