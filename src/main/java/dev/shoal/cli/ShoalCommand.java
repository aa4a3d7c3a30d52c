package dev.shoal.cli;

import dev.shoal.node.api.ShoalException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shoal} command line: a headless servent, a one-shot search and an indexer. */
@Command(name = "shoal", mixinStandardHelpOptions = true, versionProvider = ShoalVersion.class,
        description = "Shoal, a Gnutella 0.6 file-sharing servent.",
        subcommands = {NodeCommand.class, SearchCommand.class, GetCommand.class, IndexCommand.class})
public final class ShoalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try node, search, get or index");
    }

    public static void main(String[] args) {
        // A long-running node logs what it does; one-shot commands keep stderr for their own output.
        if (System.getProperty("shoal.log.level") == null && (args.length == 0 || !args[0].equals("node"))) {
            System.setProperty("shoal.log.level", "WARN");
        }
        System.exit(newCommandLine().execute(args));
    }

    /** A command line whose failures print one line on stderr, never a stack trace. */
    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new ShoalCommand());
        cli.setExecutionExceptionHandler(ShoalCommand::reportFailure);
        cli.setParameterExceptionHandler(ShoalCommand::reportUsageError);
        return cli;
    }

    private static int reportFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("shoal: " + describe(e));
        err.flush();
        return e instanceof ShoalException ? 1 : 3;
    }

    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("shoal: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return 2;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof ShoalException) && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
