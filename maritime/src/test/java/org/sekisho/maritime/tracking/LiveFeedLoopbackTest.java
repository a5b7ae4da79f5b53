package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.adapter.feed.NmeaTcpClient;
import org.sekisho.maritime.adapter.feed.NmeaUdpListener;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.application.TrackAisFeed;
import org.sekisho.maritime.domain.track.TrackEvents;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;

/** Live AIS input over loopback TCP and UDP reaches the tracker. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveFeedLoopbackTest {
  static String feed() throws Exception {
    StringWriter w = new StringWriter();
    SyntheticAisFeed.demo().write(w);
    return w.toString();
  }

  static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
  }

  @Test
  void theTcpClientReadsAServersFeedIntoTheTracker() throws Exception {
    String nmea = feed();
    Object lock = new Object();
    VesselTracker tracker =
        new VesselTracker(VesselTracker.Settings.standard(), MidTable.standard(), TrackEvents.NONE);
    AtomicLong messages = new AtomicLong();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        NmeaTcpClient client =
            new NmeaTcpClient(
                "127.0.0.1",
                server.getLocalPort(),
                in ->
                    messages.addAndGet(
                        new TrackAisFeed(tracker, Clock.systemUTC(), lock).run(in).messages()))) {
      client.start();
      try (Socket s = server.accept();
          OutputStream out = s.getOutputStream()) {
        out.write(nmea.getBytes(StandardCharsets.ISO_8859_1));
      }
      await(() -> messages.get() > 0);
      assertThat(client.connections()).isEqualTo(1);
      assertThat(messages.get()).isGreaterThan(2000);
      synchronized (lock) {
        assertThat(tracker.vesselCount()).isEqualTo(6);
      }
    }
  }

  @Test
  void theUdpListenerTakesDatagramsOfSentences() throws Exception {
    String[] lines = feed().split("\n");
    Object lock = new Object();
    VesselTracker tracker =
        new VesselTracker(VesselTracker.Settings.standard(), MidTable.standard(), TrackEvents.NONE);
    try (NmeaUdpListener udp =
            new NmeaUdpListener(
                InetAddress.getLoopbackAddress(),
                0,
                in -> new TrackAisFeed(tracker, Clock.systemUTC(), lock).run(in));
        DatagramSocket sender = new DatagramSocket()) {
      int sent = 0;
      for (int i = 0; i < 400; i += 4) { // four sentences per datagram, no trailing newline
        String chunk = String.join("\n", java.util.Arrays.copyOfRange(lines, i, i + 4));
        byte[] b = chunk.getBytes(StandardCharsets.ISO_8859_1);
        sender.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), udp.port()));
        sent += 4;
        if (i % 40 == 0) {
          Thread.sleep(2); // loopback UDP can drop bursts
        }
      }
      assertThat(sent).isEqualTo(400);
      await(
          () -> {
            synchronized (lock) {
              return tracker.messages() >= 300;
            }
          });
      synchronized (lock) {
        assertThat(tracker.messages()).isGreaterThanOrEqualTo(300);
        assertThat(tracker.vesselCount()).isEqualTo(6);
      }
    }
  }
}
