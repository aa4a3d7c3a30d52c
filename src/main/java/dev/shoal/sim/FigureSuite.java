package dev.shoal.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's figures, each a PNG with a CSV of its points:
 * <ul>
 *   <li>{@code ttl-flood}: flooding a random graph (average degree 4, 0.125 %) at TTL 1..7, beside
 *       the published breadth-first model's points;</li>
 *   <li>{@code flood-vs-dynamic}: a two-tier network at 0.125 %: blind flood, flood with QRP, and
 *       dynamic querying with QRP (x = its per-link TTL cap), against TTL;</li>
 *   <li>{@code replication}: the same network at replication 0.01 % .. 2 %: dynamic querying
 *       against a blind flood of TTL 2 and floods with QRP of TTL 2 and 3.</li>
 * </ul>
 * Node count, queries and seed come from the command line.
 */
final class FigureSuite {
    private static final double[] REPLICATIONS = {0.0001, 0.00025, 0.0005, 0.00125, 0.0025, 0.005, 0.01, 0.02};

    private final SimSettings base;
    private final Path dir;
    private final PrintWriter out;

    /** @throws IllegalArgumentException when {@code base}'s nodes cannot make the figures' networks */
    FigureSuite(SimSettings base, Path dir, PrintWriter out) {
        this.base = base;
        this.dir = dir;
        this.out = out;
        // Built now, so that a size they cannot have is refused before the first figure runs.
        flat();
        twoTier(REPLICATIONS[0], true);
    }

    void run() throws IOException {
        Files.createDirectories(dir);
        ttlFlood();
        floodVsDynamic();
        replication();
    }

    private SimSettings flat() {
        return new SimSettings(Topology.RANDOM, base.nodes(), 4, 0.00125, 0, base.items(), base.backgroundFiles(),
                base.qrpSlots(), false, base.queries(), base.seed(), false);
    }

    private SimSettings twoTier(double replication, boolean qrp) {
        return new SimSettings(Topology.TWO_TIER, base.nodes(), Topology.ULTRAPEER_DEGREE, replication, 0, base.items(),
                base.backgroundFiles(), base.qrpSlots(), qrp, base.queries(), base.seed(), false);
    }

    private void ttlFlood() throws IOException {
        Simulation sim = Simulation.build(flat(), 7);
        List<double[]> ours = new ArrayList<>();
        for (int t = 1; t <= 7; t++) {
            ours.add(point(t, sim.run(t, false)));
        }
        List<double[]> model = new ArrayList<>();
        for (int t = 4; t <= 7; t++) {
            model.add(new double[] {t, PublishedModel.success(t), PublishedModel.messages(t)});
        }
        write("ttl-flood", String.format(Locale.ROOT, "Flooding a random graph: %,d nodes, degree 4, 0.125 %%",
                base.nodes()), "TTL", false,
                List.of(new Charts.Series("Shoal routers, flood", ours), new Charts.Series("published BFS model", model)));
    }

    private void floodVsDynamic() throws IOException {
        List<double[]> blind = new ArrayList<>();
        Simulation sim = Simulation.build(twoTier(0.00125, false), 4);
        for (int t = 1; t <= 4; t++) {
            blind.add(point(t, sim.run(t, false)));
        }
        sim = Simulation.build(twoTier(0.00125, true), 4);
        List<double[]> qrp = new ArrayList<>();
        List<double[]> dynamic = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            qrp.add(point(t, sim.run(t, false)));
            if (t >= 2) {
                dynamic.add(point(t, sim.run(t, true)));
            }
        }
        write("flood-vs-dynamic", String.format(Locale.ROOT, "Two-tier, %,d nodes, 0.125 %%: flood vs dynamic querying",
                base.nodes()), "TTL (dynamic: per-link cap)", false, List.of(new Charts.Series("blind flood", blind),
                        new Charts.Series("flood + QRP", qrp), new Charts.Series("dynamic + QRP", dynamic)));
    }

    private void replication() throws IOException {
        List<double[]> blind = new ArrayList<>();
        List<double[]> qrp2 = new ArrayList<>();
        List<double[]> qrp3 = new ArrayList<>();
        List<double[]> dynamic = new ArrayList<>();
        for (double r : REPLICATIONS) {
            Simulation sim = Simulation.build(twoTier(r, false), 4);
            blind.add(point(r, sim.run(2, false)));
            sim = Simulation.build(twoTier(r, true), 4);
            qrp2.add(point(r, sim.run(2, false)));
            qrp3.add(point(r, sim.run(3, false)));
            dynamic.add(point(r, sim.run(4, true)));
        }
        write("replication", String.format(Locale.ROOT, "Two-tier, %,d nodes: success and cost against replication",
                base.nodes()), "replication (share of nodes holding the file)", true,
                List.of(new Charts.Series("blind flood TTL 2", blind), new Charts.Series("flood + QRP TTL 2", qrp2),
                        new Charts.Series("flood + QRP TTL 3", qrp3), new Charts.Series("dynamic + QRP", dynamic)));
    }

    private double[] point(double x, SimResult r) {
        out.printf(Locale.ROOT, "  %-9s %-7s qrp=%-5s x=%-8s success %6s  %,10.1f msgs/query  (%,d ms)%n",
                r.settings().topology().label, r.mode(), r.settings().qrp(), x, SimCommand.percent(r.success()),
                r.messagesPerQuery(), r.wallMillis());
        out.flush();
        return new double[] {x, r.success(), r.messagesPerQuery()};
    }

    private void write(String name, String title, String xLabel, boolean logX, List<Charts.Series> series)
            throws IOException {
        StringBuilder csv = new StringBuilder("series,x,success,messages_per_query\n");
        for (Charts.Series s : series) {
            for (double[] p : s.points()) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.1f%n", csvField(s.name()), p[0], p[1], p[2]));
            }
        }
        Files.writeString(dir.resolve(name + ".csv"), csv);
        Charts.draw(title, xLabel, logX, series, dir.resolve(name + ".png"));
        out.println("wrote " + dir.resolve(name + ".png") + " and .csv");
        out.flush();
    }

    /** A series name as one CSV field (RFC 4180): quoted when it holds a comma or a quote. */
    static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
