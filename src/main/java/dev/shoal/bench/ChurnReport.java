package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one churn run: a line per phase (searches, success, downloads) and a summary
 * (the churn/calm success ratio against its target, crashes, descriptors and threads before the
 * nodes started and after they all closed), as a table or as JSON lines.
 */
record ChurnReport(ChurnOptions options, boolean netem, ChurnTally calm, ChurnTally churn, int kills, int restarts,
        Rejoins rejoins, int failedStarts, int portsLost, int uncaught, int errorsLogged, int warningsWithException,
        LeakProbe.Counts before, LeakProbe.Counts after) {
    static final double TARGET = 0.95;

    /** Churn success over calm success; NaN when the calm phase found nothing. */
    double ratio() {
        return calm.successRate() > 0 ? churn.successRate() / calm.successRate() : Double.NaN;
    }

    /** Threads that died of an uncaught exception, ERROR lines, and nodes that did not start. */
    int crashes() {
        return uncaught + errorsLogged + failedStarts;
    }

    int downloadsLost(ChurnTally t) {
        return t.downloadsCompleted.get() - t.downloadsVerified.get();
    }

    boolean leaked() {
        return after.fds() > before.fds() || after.threads() > before.threads();
    }

    List<Map<String, Object>> lines() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("suite", "churn");
        s.put("summary", true);
        s.put("nodes", options.nodes());
        s.put("ultrapeers", options.ultrapeers());
        s.put("calm_s", options.calm().toSeconds());
        s.put("churn_s", options.churn().toSeconds());
        s.put("churn_per_minute", options.churnPerMinute());
        s.put("seed", options.seed());
        s.put("netem", netem ? "delay 50ms loss 1%" : "none");
        s.put("kills", kills);
        s.put("restarts", restarts);
        s.put("rejoined", rejoins.rejoined());
        s.put("killed_before_rejoining", rejoins.killedBeforeLink());
        s.put("rejoin_median_ms", rejoins.medianMillis());
        s.put("rejoin_max_ms", rejoins.maxMillis());
        // A figure that cannot be had (nothing searched) is left out rather than written as null.
        putFinite(s, "success_calm", calm.successRate());
        putFinite(s, "success_churn", churn.successRate());
        putFinite(s, "ratio", ratio());
        s.put("target", TARGET);
        s.put("crashes", crashes());
        s.put("uncaught_exceptions", uncaught);
        s.put("errors_logged", errorsLogged);
        s.put("warnings_with_exception", warningsWithException);
        s.put("failed_starts", failedStarts);
        s.put("ports_lost", portsLost);
        s.put("fds_before", before.fds());
        s.put("fds_after", after.fds());
        s.put("threads_before", before.threads());
        s.put("threads_after", after.threads());
        return List.of(phase(calm), phase(churn), s);
    }

    private Map<String, Object> phase(ChurnTally t) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("suite", "churn");
        f.put("phase", t.phase);
        f.put("searches", t.searches.get());
        f.put("found", t.found.get());
        f.put("skipped", t.skipped.get());
        putFinite(f, "success", t.successRate());
        f.put("median_hit_ms", t.medianHitMillis());
        f.put("downloads_started", t.downloadsStarted.get());
        f.put("downloads_resumed", t.downloadsResumed.get());
        f.put("downloads_completed", t.downloadsCompleted.get());
        f.put("downloads_verified", t.downloadsVerified.get());
        f.put("downloads_failed", t.downloadsFailed());
        f.put("downloads_cut_by_kill", t.downloadsCutByKill.get());
        f.put("downloads_unfinished", t.downloadsUnfinished.get());
        f.put("downloads_unaccounted", t.downloadsUnaccounted());
        return f;
    }

    void json(PrintStream out) {
        lines().forEach(l -> out.println(JsonLine.of(l)));
        out.flush();
    }

    void table(PrintStream out) {
        out.printf(Locale.ROOT, "churn: %d nodes (%d ultrapeers) on 127.0.0.1%s, %d s calm then %d s with %.0f %% of the"
                + " nodes killed and restarted per minute (%d kills, %d restarts), seed %d%n", options.nodes(),
                options.ultrapeers(), netem ? " with netem 50 ms delay 1 % loss" : "", options.calm().toSeconds(),
                options.churn().toSeconds(), options.churnPerMinute() * 100, kills, restarts, options.seed());
        out.println("                       calm      churn");
        row(out, "searches", calm.searches.get(), churn.searches.get());
        row(out, "found", calm.found.get(), churn.found.get());
        out.printf(Locale.ROOT, "  %-18s %7.1f %%  %7.1f %%%n", "success", calm.successRate() * 100,
                churn.successRate() * 100);
        row(out, "median hit ms", calm.medianHitMillis(), churn.medianHitMillis());
        row(out, "skipped", calm.skipped.get(), churn.skipped.get());
        row(out, "dl started", calm.downloadsStarted.get(), churn.downloadsStarted.get());
        row(out, "dl resumed", calm.downloadsResumed.get(), churn.downloadsResumed.get());
        row(out, "dl completed", calm.downloadsCompleted.get(), churn.downloadsCompleted.get());
        row(out, "dl verified", calm.downloadsVerified.get(), churn.downloadsVerified.get());
        row(out, "dl failed", calm.downloadsFailed(), churn.downloadsFailed());
        row(out, "dl cut by kill", calm.downloadsCutByKill.get(), churn.downloadsCutByKill.get());
        row(out, "dl unfinished", calm.downloadsUnfinished.get(), churn.downloadsUnfinished.get());
        row(out, "dl unaccounted", calm.downloadsUnaccounted(), churn.downloadsUnaccounted());
        out.printf(Locale.ROOT, "  restarted nodes linked again %d of %d (%d killed again first), first link after %d ms"
                + " median, %d ms at most%n", rejoins.rejoined(), rejoins.watched(), rejoins.killedBeforeLink(),
                rejoins.medianMillis(), rejoins.maxMillis());
        out.printf(Locale.ROOT, "  success ratio churn/calm %.3f (target >= %.2f)%n", ratio(), TARGET);
        out.printf(Locale.ROOT, "  crashes %d (uncaught %d, errors logged %d, failed starts %d); warnings with an"
                + " exception %d; restarts on a new port %d%n", crashes(), uncaught, errorsLogged, failedStarts,
                warningsWithException, portsLost);
        out.printf(Locale.ROOT, "  fds %d before, %d after; threads %d before, %d after%n", before.fds(), after.fds(),
                before.threads(), after.threads());
        out.flush();
    }

    private static void row(PrintStream out, String name, long calm, long churn) {
        out.printf(Locale.ROOT, "  %-18s %7d    %7d%n", name, calm, churn);
    }

    private static void putFinite(Map<String, Object> line, String key, double v) {
        if (Double.isFinite(v)) {
            line.put(key, round(v));
        }
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
