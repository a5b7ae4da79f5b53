package org.sekisho.maritime.adapter.feed;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * Listens for NMEA sentences in UDP datagrams (as AIS receivers forward them, one or more lines per
 * datagram) and hands them, as one continuous stream, to a {@link NmeaTcpClient.StreamSink} on a
 * virtual thread. A datagram that does not end in a newline gets one.
 */
public final class NmeaUdpListener implements AutoCloseable {
  private final DatagramSocket socket;
  private final PipedOutputStream pipeOut = new PipedOutputStream();
  private final PipedInputStream pipeIn;
  private final Thread reader;
  private final Thread consumer;

  /**
   * Binds and starts at once.
   *
   * @param port UDP port, 0 for any free one (see {@link #port})
   */
  public NmeaUdpListener(InetAddress bind, int port, NmeaTcpClient.StreamSink sink)
      throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(bind, port));
    this.pipeIn = new PipedInputStream(pipeOut, 1 << 20);
    this.consumer =
        Thread.ofVirtual()
            .name("ais-udp-consumer")
            .start(
                () -> {
                  try {
                    sink.consume(pipeIn);
                  } catch (IOException e) {
                    // stream closed
                  }
                });
    this.reader = Thread.ofVirtual().name("ais-udp-" + port).start(this::receive);
  }

  private void receive() {
    byte[] buf = new byte[65_535];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    try {
      while (!socket.isClosed()) {
        socket.receive(p);
        int len = p.getLength();
        pipeOut.write(buf, 0, len);
        if (len > 0 && buf[len - 1] != '\n') {
          pipeOut.write('\n');
        }
        pipeOut.flush();
      }
    } catch (SocketException e) {
      // closed
    } catch (IOException e) {
      // pipe closed by the consumer
    }
  }

  /** The bound UDP port. */
  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pipeOut.close();
    reader.interrupt();
    try {
      consumer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
