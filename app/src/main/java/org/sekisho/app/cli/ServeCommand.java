package org.sekisho.app.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.sekisho.app.Sekisho;
import org.sekisho.platform.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the web UI and API until stopped (Ctrl-C).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free)")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
    try {
      Sekisho.checkServerSettings(System.getenv());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC());
    WebServer web = s.serve(host, port);
    spec.commandLine()
        .getOut()
        .println("Sekisho is running at http://" + displayHost(host) + ":" + web.port() + "/");
    spec.commandLine().getOut().flush();
    awaitShutdown(s);
    return 0;
  }

  static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  /** Blocks until the JVM is asked to stop, then closes server and database cleanly. */
  static void awaitShutdown(Sekisho s) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  s.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
