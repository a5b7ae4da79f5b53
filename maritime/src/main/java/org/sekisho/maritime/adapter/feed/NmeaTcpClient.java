package org.sekisho.maritime.adapter.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an NMEA feed from a TCP server (an AIS receiver or aggregator), reconnecting with a growing
 * pause when the connection drops, on its own virtual thread until {@link #close}.
 */
public final class NmeaTcpClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NmeaTcpClient.class);

  /** Where the bytes go; runs until the stream ends. */
  @FunctionalInterface
  public interface StreamSink {
    void consume(InputStream in) throws IOException;
  }

  private final String host;
  private final int port;
  private final StreamSink sink;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong connections = new AtomicLong();
  private volatile Socket socket;
  private Thread thread;

  public NmeaTcpClient(String host, int port, StreamSink sink) {
    this.host = host;
    this.port = port;
    this.sink = sink;
  }

  public synchronized void start() {
    if (running.getAndSet(true)) {
      return;
    }
    thread = Thread.ofVirtual().name("ais-tcp-" + host + ":" + port).start(this::loop);
  }

  private void loop() {
    long pause = 500;
    while (running.get()) {
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(new InetSocketAddress(host, port), 5000);
        connections.incrementAndGet();
        pause = 500;
        sink.consume(s.getInputStream());
      } catch (IOException e) {
        if (running.get()) {
          LOG.debug("AIS feed {}:{}: {}", host, port, e.getMessage());
        }
      }
      if (!running.get()) {
        break;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = Math.min(30_000, pause * 2);
    }
  }

  /** Connections made so far. */
  public long connections() {
    return connections.get();
  }

  @Override
  public synchronized void close() {
    running.set(false);
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    if (thread != null) {
      thread.interrupt();
    }
  }
}
