package dev.shoal;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.demo.TerminalTour;
import dev.shoal.node.api.ShoalException;
import dev.shoal.ui.ShoalApp;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal demo}: a local network of servents, shown in the desktop app or walked through in the terminal. */
@Command(name = "demo",
        description = {"Start " + DemoNetwork.NODES + " servents on 127.0.0.1 sharing the sample library, and open the "
                + "desktop app joined to them; closing the window stops them.",
            "Without a usable display the same network is walked through in the terminal: a search, a download "
                + "from several sources, the SHA-1 check."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws InterruptedException {
        Optional<String> noWindow = DisplayCheck.problem();
        if (noWindow.isPresent() && !DisplayCheck.headless()) {
            System.err.println("shoal: cannot open a window (" + noWindow.get() + "); running the demo in the terminal");
        }
        System.out.println("Starting a demo network of " + DemoNetwork.NODES + " nodes on 127.0.0.1...");
        DemoNetwork network = DemoNetwork.start(Path.of("").toAbsolutePath());
        if (noWindow.isPresent()) {
            try {
                return new TerminalTour(network, System.out).run();
            } finally {
                network.close();
            }
        }
        return inWindow(network);
    }

    /** Runs until the window is closed; whatever goes wrong opening it, the network is stopped. */
    private static int inWindow(DemoNetwork network) throws InterruptedException {
        Thread stop = new Thread(network::close, "shoal-demo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        CountDownLatch closed = new CountDownLatch(1);
        String welcome = "<b>Welcome to the Shoal demo.</b> " + DemoNetwork.NODES + " nodes on 127.0.0.1 share "
                + network.fileCount() + " files.<br>Try searching for <b>" + network.suggestedQuery() + "</b>"
                + (network.generated() ? "." : ", <b>sonnet</b> or <b>mandelbrot</b>.");
        boolean opened;
        try {
            ShoalApp.openJoined(network.root().resolve("you"), network.addresses(), welcome, () -> {
                network.close();
                closed.countDown();
            });
            opened = DisplayCheck.windowOpened();
        } catch (RuntimeException | Error e) {
            network.close();
            throw new ShoalException("cannot open the demo window: " + e.getMessage(), e);
        }
        if (!opened) {
            network.close();
            throw new ShoalException("the demo window did not open (see the log above); the demo network is stopped");
        }
        closed.await();
        return 0;
    }
}
