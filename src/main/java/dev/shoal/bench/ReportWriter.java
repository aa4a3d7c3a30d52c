package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.PrintStream;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints figures as a table for people or as JSON lines (one object per figure) for scripts. */
final class ReportWriter {
    private static final MathContext DIGITS = new MathContext(6);

    private ReportWriter() {
    }

    static void table(List<Figure> figures, String context, PrintStream out) {
        out.println("Shoal bench: " + context);
        List<Figure> routing = figures.stream().filter(f -> f.unit().equals("msg/s")).toList();
        List<Figure> latency = figures.stream().filter(f -> f.unit().equals("ms")).toList();
        if (!routing.isEmpty()) {
            out.println();
            out.println("routing: messages decoded + routed per second, one thread (median, min, max of "
                    + routing.get(0).value().n() + " rounds)");
            out.println("  ratio = routed ÷ byte scan of the same frames, per round, median of the rounds");
            out.println("  alloc = bytes allocated per message; gc = share of the routing time the collector reported");
            out.println(String.format(Locale.ROOT, "  %-8s %12s %12s %12s   %-11s %13s %9s %8s %6s", "stream",
                    "median", "min", "max", "reference", "ref median", "ratio", "alloc", "gc"));
            for (Figure f : routing) {
                out.println(String.format(Locale.ROOT, "  %-8s %,12.0f %,12.0f %,12.0f   %-11s %,13.0f %9.4f %,8.0f %5.1f%%",
                        f.name(), f.value().p50(), f.value().min(), f.value().max(), f.reference(),
                        f.ref().p50(), f.ratio(), f.extras().getOrDefault(RoutingSuite.ALLOC, Double.NaN),
                        100 * f.extras().getOrDefault(RoutingSuite.GC_SHARE, Double.NaN)));
            }
        }
        if (!latency.isEmpty()) {
            out.println();
            out.println("latency: milliseconds from search() to first hit over leaf-A-B-C, one query at a time");
            out.println("  ratio = query p50 ÷ reference p50 (bare MINA 100-byte echo over 3 relays, same run)");
            out.println(String.format(Locale.ROOT, "  %-13s %8s %8s %8s %8s %8s %7s %5s   %-17s %8s %8s %8s %8s",
                    "figure", "p50", "p90", "p99", "min", "max", "n", "lost", "reference", "ref p50", "ref p90",
                    "ref p99", "ratio"));
            for (Figure f : latency) {
                Summary v = f.value();
                Summary r = f.ref();
                out.println(String.format(Locale.ROOT,
                        "  %-13s %8.3f %8.3f %8.3f %8.3f %8.3f %7d %5d   %-17s %8.3f %8.3f %8.3f %8.2f", f.name(),
                        v.p50(), v.p90(), v.p99(), v.min(), v.max(), v.n(), f.lost(), f.reference(), r.p50(),
                        r.p90(), r.p99(), f.ratio()));
            }
        }
    }

    static void json(List<Figure> figures, PrintStream out) {
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", f.suite());
            m.put("figure", f.name());
            m.put("unit", f.unit());
            put(m, "", f.value());
            m.put("reference", f.reference());
            put(m, "ref_", f.ref());
            m.put("ratio", f.ratio());
            m.put("lost", f.lost());
            m.putAll(f.extras());
            out.println(object(m));
        }
    }

    /** {@code p50} is the median. */
    private static void put(Map<String, Object> m, String prefix, Summary s) {
        m.put(prefix + "n", s.n());
        m.put(prefix + "p50", s.p50());
        m.put(prefix + "p90", s.p90());
        m.put(prefix + "p99", s.p99());
        m.put(prefix + "min", s.min());
        m.put(prefix + "max", s.max());
    }

    /** A flat JSON object, numbers rounded to the digits the tables show. */
    static String object(Map<String, Object> fields) {
        return JsonLine.of(fields, DIGITS);
    }


}
