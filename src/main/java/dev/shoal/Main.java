package dev.shoal;

import dev.shoal.cli.ShoalCommand;
import dev.shoal.demo.DemoNetwork;
import dev.shoal.demo.TerminalTour;
import dev.shoal.ui.ShoalApp;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;

/**
 * The jar's entry point: no arguments opens the desktop app (when there is a display), {@code demo}
 * runs a local demo network, anything else is the {@code shoal} command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && !args[0].equals("demo")) {
            ShoalCommand.main(args);
            return;
        }
        // The servents the app and the demo run should not flood the terminal with their INFO lines.
        if (System.getProperty("shoal.log.level") == null) {
            System.setProperty("shoal.log.level", "WARN");
        }
        boolean headless = GraphicsEnvironment.isHeadless();
        if (args.length == 0) {
            if (headless) {
                System.err.println("shoal: no display for the desktop app; run a headless servent with"
                        + " 'shoal node --share DIR' (see 'shoal node --help'), or try 'shoal demo'");
                System.exit(2);
            }
            ShoalApp.open(dataDir());
            return;
        }
        demo(headless);
    }

    private static void demo(boolean headless) throws InterruptedException {
        System.out.println("Starting a demo network of " + DemoNetwork.NODES + " nodes on 127.0.0.1...");
        DemoNetwork network = DemoNetwork.start(Path.of("").toAbsolutePath());
        if (headless) {
            int code;
            try {
                code = new TerminalTour(network, System.out).run();
            } finally {
                network.close();
            }
            System.exit(code);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(network::close, "shoal-demo-stop"));
        String welcome = "<b>Welcome to the Shoal demo.</b> " + DemoNetwork.NODES + " nodes on 127.0.0.1 share "
                + network.fileCount() + " files.<br>Try searching for <b>" + network.suggestedQuery() + "</b>"
                + (network.generated() ? "." : ", <b>sonnet</b> or <b>mandelbrot</b>.");
        ShoalApp.openJoined(network.root().resolve("you"), network.addresses(), welcome, network::close);
    }

    /** The desktop app's data folder: {@code -Dshoal.data=DIR}, else {@code ~/.shoal} like the command line. */
    private static Path dataDir() {
        String configured = System.getProperty("shoal.data");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".shoal");
    }
}
