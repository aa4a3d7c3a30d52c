package dev.shoal.sim;

import dev.shoal.json.JsonLine;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints runs as a table for people or as JSON lines for scripts. */
final class SimReport {
    private final PrintWriter out;
    private final boolean json;
    private boolean tableHead;

    SimReport(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void header(SimSettings s, Simulation sim, long buildMillis) {
        if (json) {
            return;
        }
        Graph g = sim.graph();
        out.printf(Locale.ROOT, "shoal sim: %s, %,d nodes (%,d ultrapeers), %,d links, replication %s%s, QRP %s, "
                + "%d queries per line, seed %d%s%n", s.topology().label, s.nodes(), g.ultrapeerCount(), g.linkCount(),
                SimCommand.ratio(s.replication()), s.zipfExponent() > 0 ? " (mean, Zipf " + s.zipfExponent() + ")" : "",
                s.qrp() ? "on" : "off", s.queries(), s.seed(), s.churn() ? ", churn" : "");
        out.printf(Locale.ROOT, "built in %.1f s; heap %,.0f MB, %,d bytes per node%n", buildMillis / 1000.0,
                sim.heapBytes() / 1048576.0, sim.heapBytes() / s.nodes());
        out.flush();
    }

    void line(SimResult r) {
        line(r, Map.of());
    }

    /** One run; {@code extra} fields are added to its JSON line (and shown in the table's last column). */
    void line(SimResult r, Map<String, Object> extra) {
        boolean reference = PublishedModel.appliesTo(r.settings(), r.mode()) && PublishedModel.hasTtl(r.ttl());
        if (json) {
            Map<String, Object> f = r.fields();
            if (reference) {
                f.put("reference_success", PublishedModel.success(r.ttl()));
                f.put("reference_messages_per_query", PublishedModel.messages(r.ttl()));
            }
            f.putAll(extra);
            out.println(JsonLine.of(f));
            out.flush();
            return;
        }
        if (!tableHead) {
            tableHead = true;
            out.printf(Locale.ROOT, "%-8s %3s %8s %11s %10s %10s %9s %8s  %s%n", "mode", "ttl", "success", "msgs/query",
                    "hits/query", "reached", "results", "wall ms", "reference");
        }
        String ref = "";
        if (reference) {
            ref = String.format(Locale.ROOT, "published model %s, %,.0f msgs",
                    SimCommand.percent(PublishedModel.success(r.ttl())), PublishedModel.messages(r.ttl()));
        }
        if (r.hasBfs()) {
            SimResult.Flat f = r.flat();
            ref += String.format(Locale.ROOT, "%splain BFS %,.1f msgs, %,.1f reached: %s (BFS %d ms); "
                    + "largest component: %s of origins, success %s; at mean reach %s", ref.isEmpty() ? "" : "; ",
                    f.bfsMessagesPerQuery(), f.bfsReachedPerQuery(), f.bfsEqual() ? "equal" : "DIFFERENT",
                    r.bfsWallMillis(), SimCommand.percent(f.originsInLargestComponent()),
                    SimCommand.percent(f.successInLargestComponent()), SimCommand.percent(f.successAtMeanReach()));
        }
        if (!r.outcomes().isEmpty()) {
            ref += (ref.isEmpty() ? "" : "; ") + "stops " + r.outcomes();
        }
        if (!extra.isEmpty()) {
            ref += (ref.isEmpty() ? "" : "; ") + extra;
        }
        out.printf(Locale.ROOT, "%-8s %3d %8s %,11.1f %,10.1f %,10.1f %,9.1f %,8d  %s%n", r.mode(), r.ttl(),
                SimCommand.percent(r.success()), r.messagesPerQuery(), r.hitMessagesPerQuery(), r.reachedPerQuery(),
                r.resultsPerQuery(), r.wallMillis(), ref);
        out.flush();
    }

    void note(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    /** A summary line: in JSON, an object of its own (the last line). */
    void summary(Map<String, Object> fields, String text) {
        if (json) {
            out.println(JsonLine.of(fields));
        } else {
            out.println(text);
        }
        out.flush();
    }
}
