package dev.shoal.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shoal sim}: builds a simulated network whose nodes run Shoal's own routing classes and
 * measures how searches fare in it. One line per TTL, as a table or (with {@code --json}) as JSON
 * objects, the last holding at least nodes, mode, ttl, success and messages_per_query.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulates search in a Gnutella network of N nodes, each running Shoal's own router, "
                + "QRP tables and dynamic querying, on a virtual clock with a seeded random source.")
public final class SimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--topology", paramLabel = "random|power-law|two-tier", defaultValue = "two-tier",
            description = "Network shape (default: ${DEFAULT-VALUE}); two-tier: 15%% ultrapeers, leaves on 3 of them.")
    String topology;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "10000",
            description = "Nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--degree", paramLabel = "D",
            description = "Average links per node; per ultrapeer for two-tier (default: 4; two-tier 32).")
    Integer degree;

    @Option(names = "--replication", paramLabel = "R", defaultValue = "0.00125",
            description = "Share of nodes holding each searched file: 0.00125 or 0.125%% (default: ${DEFAULT-VALUE}).")
    String replication;

    @Option(names = "--ttl", paramLabel = "T|LOW..HIGH", defaultValue = "4",
            description = "Flood TTL, or the per-link TTL cap of dynamic querying; a range gives one line per TTL "
                    + "(default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--mode", paramLabel = "flood|dynamic", defaultValue = "flood",
            description = "Flood every query, or let ultrapeers query dynamically (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "200",
            description = "Queries per TTL (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--qrp", paramLabel = "auto|on|off", defaultValue = "auto",
            description = "Query routing tables of two tiers; off floods blindly (default: on for two-tier; "
                    + "random and power-law networks have none).")
    String qrp;

    @Option(names = "--zipf", paramLabel = "S", defaultValue = "0",
            description = "Zipf exponent of file popularity (copies and query odds); 0: every file at --replication.")
    double zipf;

    @Option(names = "--items", paramLabel = "M", description = "Searchable files (default: as many as --queries).")
    Integer items;

    @Option(names = "--files", paramLabel = "F", defaultValue = "50",
            description = "Other files each node shares, filling its QRP table (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--qrp-slots", paramLabel = "SLOTS", defaultValue = "65536",
            description = "QRP table size (default: ${DEFAULT-VALUE}).")
    int qrpSlots;

    @Option(names = "--churn", description = "Nodes come and go: log-normal sessions and pauses, median 60 min; "
            + "leaves replace lost ultrapeers.")
    boolean churn;

    @Option(names = "--compare", description = "Two tiers: dynamic querying with QRP against a blind flood of the same "
            + "graph: flood TTLs 1..HIGH until it matches the dynamic success; the last line holds the message ratio.")
    boolean compare;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw success and messages per TTL into a PNG.")
    Path plot;

    @Option(names = "--figures", paramLabel = "DIR",
            description = "Run the README's figure set with these --nodes/--queries/--seed and write PNG and CSV files into DIR.")
    Path figures;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SimSettings settings;
        TtlRange ttls;
        boolean dynamic;
        FigureSuite figureSuite;
        try {
            ttls = TtlRange.parse(ttl);
            dynamic = parseMode(mode);
            settings = settings();
            figureSuite = figures != null ? new FigureSuite(settings, figures, out) : null;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (figureSuite != null) {
            figureSuite.run();
            return 0;
        }
        SimReport report = new SimReport(out, json);
        if (compare) {
            new Comparison(settings, ttls, report).run();
            return 0;
        }
        long t0 = System.nanoTime();
        Simulation sim = Simulation.build(settings, ttls.last());
        report.header(settings, sim, (System.nanoTime() - t0) / 1_000_000);
        List<SimResult> results = new ArrayList<>();
        for (int t = ttls.first(); t <= ttls.last(); t++) {
            SimResult r = sim.run(t, dynamic);
            results.add(r);
            report.line(r);
        }
        if (plot != null) {
            Charts.perTtl(results, plot);
        }
        return 0;
    }

    private SimSettings settings() {
        Topology t = Topology.parse(topology);
        boolean routing = switch (qrp) {
            case "auto" -> t == Topology.TWO_TIER;
            case "on" -> {
                if (t != Topology.TWO_TIER) {
                    // Tables go from leaves to ultrapeers and between ultrapeers of two tiers only.
                    throw new IllegalArgumentException("--qrp on needs --topology two-tier: the nodes of a "
                            + t.label + " network have no leaves and exchange no tables, so every query floods");
                }
                yield true;
            }
            case "off" -> false;
            default -> throw new IllegalArgumentException("--qrp must be auto, on or off: '" + qrp + "'");
        };
        if (compare && t != Topology.TWO_TIER) {
            throw new IllegalArgumentException("--compare needs --topology two-tier: it pits dynamic querying with QRP "
                    + "against blind floods, and a " + t.label + " network has no tables");
        }
        return new SimSettings(t, nodes, degree != null ? degree : t.defaultDegree(), parseRatio(replication), zipf,
                items != null ? items : queries, files, qrpSlots, routing, queries, seed, churn);
    }

    static boolean parseMode(String m) {
        return switch (m) {
            case "flood" -> false;
            case "dynamic" -> true;
            default -> throw new IllegalArgumentException("--mode must be flood or dynamic: '" + m + "'");
        };
    }

    static double parseRatio(String s) {
        try {
            String v = s.strip();
            return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replication must be a ratio like 0.00125 or a percentage like 0.125%");
        }
    }

    /**
     * A stand-alone {@code shoal sim} command line, as the root command line sets it up: failures are
     * one {@code shoal:} line on stderr (exit 2 for usage errors, 1 for failures).
     */
    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new SimCommand());
        cli.setCommandName("shoal sim");
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("shoal: " + e.getMessage());
            err.println("Try 'shoal sim --help' for more information.");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            PrintWriter err = c.getErr();
            err.println("shoal: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            err.flush();
            return 1;
        });
        return cli;
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }

    /** A replication ratio as a percentage with the digits it needs: 0.125 %, 1 %. */
    static String ratio(double ratio) {
        return new java.math.BigDecimal(100 * ratio).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() + " %";
    }
}
