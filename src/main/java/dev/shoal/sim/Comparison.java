package dev.shoal.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The search-cost benchmark: dynamic querying with QRP, then a blind flood (no QRP anywhere) of
 * the same graph, files and queries at TTL 1, 2, … until its success reaches the dynamic one; the
 * ratio of query messages is the figure. The two networks are built one after the other from the
 * same seed, so only one is in memory at a time.
 */
final class Comparison {
    private final SimSettings settings;
    private final TtlRange ttls;
    private final SimReport report;

    Comparison(SimSettings settings, TtlRange ttls, SimReport report) {
        this.settings = settings;
        this.ttls = ttls;
        this.report = report;
    }

    void run() {
        SimSettings withQrp = settings.withQrp(true);
        int cap = Math.min(ttls.last(), 4);
        long t0 = System.nanoTime();
        Simulation sim = Simulation.build(withQrp, cap);
        report.header(withQrp, sim, (System.nanoTime() - t0) / 1_000_000);
        SimResult dynamic = sim.run(cap, true);
        report.line(dynamic);
        sim = null;
        SimSettings blind = settings.withQrp(false);
        t0 = System.nanoTime();
        Simulation flood = Simulation.build(blind, ttls.last());
        report.header(blind, flood, (System.nanoTime() - t0) / 1_000_000);
        SimResult match = null;
        for (int t = 1; t <= ttls.last() && match == null; t++) {
            SimResult r = flood.run(t, false);
            report.line(r);
            if (r.success() >= dynamic.success()) {
                match = r;
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nodes", settings.nodes());
        f.put("mode", "dynamic");
        f.put("ttl", dynamic.ttl());
        f.put("success", SimResult.round(dynamic.success()));
        f.put("messages_per_query", SimResult.round(dynamic.messagesPerQuery()));
        f.put("topology", settings.topology().label);
        f.put("replication", settings.replication());
        f.put("queries", settings.queries());
        f.put("seed", settings.seed());
        f.put("heap_bytes_per_node", dynamic.heapBytes() / settings.nodes());
        if (match == null) {
            f.put("flood_matched", false);
            report.summary(f, String.format(Locale.ROOT, "a blind flood up to TTL %d never reached the dynamic success of %s",
                    ttls.last(), SimCommand.percent(dynamic.success())));
            return;
        }
        double ratio = dynamic.messagesPerQuery() / match.messagesPerQuery();
        f.put("flood_matched", true);
        f.put("flood_ttl", match.ttl());
        f.put("flood_success", SimResult.round(match.success()));
        f.put("flood_messages_per_query", SimResult.round(match.messagesPerQuery()));
        f.put("message_ratio", SimResult.round(ratio));
        report.summary(f, String.format(Locale.ROOT,
                "dynamic + QRP: %s success with %,.1f query messages; blind flood TTL %d: %s with %,.1f; ratio %.4f (%.2f %%)",
                SimCommand.percent(dynamic.success()), dynamic.messagesPerQuery(), match.ttl(),
                SimCommand.percent(match.success()), match.messagesPerQuery(), ratio, 100 * ratio));
    }
}
