package dev.cairn.cli.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP proxy on 127.0.0.1 between agents and the controller, for cutting links in tests: it
 * can drop every open connection, refuse new ones ("down"), and throttle the bytes it forwards.
 * Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean down;
  private volatile int bytesPerSecond;
  private volatile boolean closed;

  public TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-proxy-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code 127.0.0.1:port}, what agents dial. */
  public String target() {
    return "127.0.0.1:" + port();
  }

  public int connectionsAccepted() {
    return accepted.get();
  }

  /** Closes every open connection, as a link cut does. */
  public void cutAll() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Down: every open connection is cut and new ones are closed at once. */
  public void setDown(boolean down) {
    this.down = down;
    if (down) {
      cutAll();
    }
  }

  /** Limits forwarding to about this many bytes per second in each direction (0 = unlimited). */
  public void throttle(int bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        accepted.incrementAndGet();
        if (down) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket();
        try {
          upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
        } catch (IOException e) {
          closeQuietly(client); // the controller is down: the agent sees a failed connection
          continue;
        }
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer, 0, chunk())) > 0) {
          out.write(buffer, 0, read);
          out.flush();
          int rate = bytesPerSecond;
          if (rate > 0) {
            Thread.sleep(Math.max(1, 1000L * read / rate));
          }
        }
      } catch (IOException | InterruptedException e) {
        // connection cut or closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private int chunk() {
    int rate = bytesPerSecond;
    return rate > 0 ? Math.max(256, Math.min(8192, rate / 20)) : 8192;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    cutAll();
  }
}
