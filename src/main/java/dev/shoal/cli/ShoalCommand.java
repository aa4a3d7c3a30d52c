package dev.shoal.cli;

import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.ShoalException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shoal} command line: a headless servent, a one-shot search and download, an indexer. */
@Command(name = "shoal", mixinStandardHelpOptions = true, versionProvider = ShoalVersion.class,
        description = "Shoal, a Gnutella 0.6 file-sharing servent.",
        footerHeading = "%n",
        footer = {"With no command, 'shoal' opens the desktop app.",
            "'shoal help COMMAND' or 'shoal COMMAND --help' explains a command."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:Success.", "1:Failure (a peer, file or folder that does not work out).",
            "2:Usage error (a mistyped option, a malformed URN)."})
public final class ShoalCommand implements Runnable {
    private static final List<Subcommand> BUILT_IN = List.of(Subcommand.of(NodeCommand.class, NodeCommand::new),
            Subcommand.of(SearchCommand.class, SearchCommand::new), Subcommand.of(GetCommand.class, GetCommand::new),
            Subcommand.of(BrowseCommand.class, BrowseCommand::new), Subcommand.of(IndexCommand.class, IndexCommand::new),
            Subcommand.of(StatsCommand.class, StatsCommand::new));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    private ShoalCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: try " + commandNames(spec.commandLine()));
    }

    /**
     * The command line for {@code args} on this process's stderr: failures print one line there,
     * never a stack trace. {@code moreCommands} (commands from outside this package, such as the
     * demo) are listed after the built-in ones, and {@code help} last. When {@code args} start
     * with a command's name, that command is the only one made: nothing else can run, and its
     * help and errors read the same.
     */
    public static CommandLine newCommandLine(String[] args, Subcommand... moreCommands) {
        return newCommandLine(Terminal.stderr(), args, moreCommands);
    }

    static CommandLine newCommandLine(Terminal terminal, String[] args, Subcommand... moreCommands) {
        List<Subcommand> all = new ArrayList<>(BUILT_IN);
        all.addAll(List.of(moreCommands));
        List<Subcommand> named = all.stream().filter(c -> args.length > 0 && c.name().equals(args[0])).toList();
        CommandLine cli = new CommandLine(new ShoalCommand(terminal));
        for (Subcommand command : named.isEmpty() ? all : named) {
            cli.addSubcommand(command.name(), command.factory().get());
        }
        if (named.isEmpty()) {
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        // Set last: picocli hands these to the subcommands present at the time.
        cli.setErr(terminal.writer());
        cli.setExecutionExceptionHandler(ShoalCommand::reportFailure);
        cli.setParameterExceptionHandler(ShoalCommand::reportUsageError);
        return cli;
    }

    /** The terminal of the command line {@code spec} belongs to. */
    static Terminal terminal(CommandLine.Model.CommandSpec spec) {
        return ((ShoalCommand) spec.root().userObject()).terminal;
    }

    private static int reportFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("shoal: " + describe(e));
        err.flush();
        return 1;
    }

    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && cli.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "': the commands are " + commandNames(cli);
        }
        PrintWriter err = cli.getErr();
        err.println("shoal: " + message.replaceAll("\\s*\\R\\s*", " ") + " (see '"
                + cli.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return 2;
    }

    private static String commandNames(CommandLine cli) {
        List<String> names = List.copyOf(cli.getSubcommands().keySet());
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** A failure in one line: a {@link ShoalException} says it all; anything else is named by its type. */
    public static String describe(Throwable e) {
        return AddressText.unslash(explain(e)).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String explain(Throwable e) {
        if (e instanceof ShoalException && e.getMessage() != null) {
            return e.getMessage();
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return "input/output error" + message;
        }
        return "unexpected " + e.getClass().getSimpleName() + message + " (a bug in Shoal " + BuildInfo.version()
                + "; please report it)";
    }
}
