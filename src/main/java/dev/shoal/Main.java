package dev.shoal;

import dev.shoal.cli.ShoalCommand;
import dev.shoal.cli.Subcommand;
import dev.shoal.node.api.UserFolders;
import dev.shoal.sim.SimCommand;
import dev.shoal.ui.ShoalApp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The jar's entry point: no arguments (or only magnet links, which it then downloads) opens the
 * desktop app (when a window can be opened), anything else is the {@code shoal} command line, with the {@code demo}, {@code bench} and
 * {@code sim} commands that live outside the {@code cli} layer.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Servents log at INFO; only `shoal node` shows that, the others keep the terminal for their own output.
        if (System.getProperty("shoal.log.level") == null && !(args.length > 0 && args[0].equals("node"))) {
            System.setProperty("shoal.log.level", "WARN");
        }
        LoggingSetup.start();
        // A failure on a background thread is a log line like any other, never a stack trace on the terminal.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(Main.class).error("{} failed", thread.getName(), e));
        if (args.length == 0 || Arrays.stream(args).allMatch(Main::isMagnet)) {
            openApp(List.of(args));
            return;
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    static int execute(String... args) {
        CommandLine cli = ShoalCommand.newCommandLine(args, Subcommand.of(DemoCommand.class, DemoCommand::new),
                Subcommand.of(BenchCommand.class, BenchCommand::commandLine),
                Subcommand.of(SimCommand.class, SimCommand::new));
        LoggingSetup.await();
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli reports exceptions; an Error passes through, and running servents must not outlive it.
            failed(e);
            return 1;
        }
    }

    /** {@code shoal 'magnet:?...'}, as a browser or a desktop runs it for a link: the app opens and downloads it. */
    private static boolean isMagnet(String arg) {
        return arg.regionMatches(true, 0, "magnet:?", 0, 8);
    }

    private static void openApp(List<String> magnets) throws InterruptedException {
        LoggingSetup.await();
        Optional<String> noWindow = DisplayCheck.problem();
        if (noWindow.isPresent()) {
            System.err.println(magnets.isEmpty()
                    ? "shoal: cannot open the desktop app (" + noWindow.get() + "); run a headless servent"
                            + " with 'shoal node --share DIR' (see 'shoal node --help'), or try 'shoal demo'"
                    : "shoal: cannot open the desktop app (" + noWindow.get() + ") for the magnet link; download it"
                            + " with 'shoal get LINK --peer HOST:PORT' (see 'shoal get --help')");
            System.exit(2);
        }
        try {
            ShoalApp.open(dataDir(), magnets);
        } catch (RuntimeException | Error e) {
            failed(e);
            System.exit(1);
        }
        if (!DisplayCheck.windowOpened()) {
            System.err.println("shoal: the desktop app's window did not open (see the log above)");
            System.exit(1);
        }
    }

    private static void failed(Throwable e) {
        LoggerFactory.getLogger(Main.class).debug("failed", e);
        System.err.println("shoal: " + ShoalCommand.describe(e));
    }

    /** The desktop app's data folder: {@code -Dshoal.data=DIR}, else {@code ~/.shoal} like the command line. */
    private static Path dataDir() {
        String configured = System.getProperty("shoal.data");
        return configured != null ? Path.of(configured) : UserFolders.current().data();
    }
}
