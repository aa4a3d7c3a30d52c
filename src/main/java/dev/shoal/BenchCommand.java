package dev.shoal;

import dev.shoal.bench.BenchMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal bench}: the benchmarks, whose own options ({@link BenchMain#USAGE}) are passed on as
 * they are; only {@code --help} is read here.
 */
@Command(name = "bench",
        description = "Measure Shoal on this machine, each figure next to a reference measured in the same run "
                + "(see Benchmarks in the README).",
        footerHeading = "%n")
final class BenchCommand implements Callable<Integer> {
    private static final int WIDTH = 78;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "The benchmark's arguments, as shown below.")
    List<String> args = new ArrayList<>();

    /** The command with its arguments left for the benchmark to read, options included. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.getCommandSpec().usageMessage().footer(wrapped(BenchMain.USAGE));
        return cli;
    }

    /** The benchmark's usage lines broken before an option, where picocli would break anywhere. */
    private static String[] wrapped(String usage) {
        List<String> lines = new ArrayList<>();
        for (String line : usage.split("\n")) {
            String rest = line;
            while (rest.length() > WIDTH) {
                int cut = rest.lastIndexOf(" [", WIDTH);
                if (cut <= 0) {
                    break;
                }
                lines.add(rest.substring(0, cut));
                rest = "           " + rest.substring(cut + 1);
            }
            lines.add(rest);
        }
        return lines.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        return BenchMain.run(args.toArray(String[]::new), System.out, System.err);
    }
}
