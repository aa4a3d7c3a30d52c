package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.PrintStream;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Transfer figures as a table for people, or as JSON lines (one object per figure) for scripts. */
final class TransferReport {
    private static final MathContext DIGITS = new MathContext(6);

    private TransferReport() {
    }

    static void table(List<TransferFigure> figures, String context, PrintStream out) {
        out.println("Shoal transfer bench: " + context);
        out.println("  MB/s = 10^6 bytes per second, s = seconds; median (min..max) of the rounds;"
                + " ratio = figure / reference in the same round");
        out.println();
        out.println(String.format(Locale.ROOT, "  %-13s %-23s %-5s %9s %9s %9s   %-12s %9s   %-21s %7s",
                "suite", "figure", "unit", "median", "min", "max", "reference", "ref med", "ratio (min..max)",
                "target"));
        for (TransferFigure f : figures) {
            String reference = f.hasReference() ? f.reference() : "-";
            String refMedian = f.hasReference() ? fmt(f.ref().median()) : "-";
            String ratio = f.hasRatio() ? String.format(Locale.ROOT, "%.3f (%.3f..%.3f)", f.ratio().median(),
                    f.ratio().min(), f.ratio().max()) : "-";
            String target = Double.isNaN(f.target()) ? "-"
                    : String.format(Locale.ROOT, "%s%.2f", f.atMost() ? "<=" : ">=", f.target());
            out.println(String.format(Locale.ROOT, "  %-13s %-23s %-5s %9s %9s %9s   %-12s %9s   %-21s %7s",
                    f.suite(), f.name(), f.unit(), fmt(f.value().median()), fmt(f.value().min()),
                    fmt(f.value().max()), reference, refMedian, ratio, target));
        }
    }

    static void json(List<TransferFigure> figures, PrintStream out) {
        for (TransferFigure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", f.suite());
            m.put("figure", f.name());
            m.put("unit", f.unit());
            put(m, "", f.value());
            if (f.hasReference()) {
                m.put("reference", f.reference());
                put(m, "ref_", f.ref());
            }
            if (f.hasRatio()) {
                put(m, "ratio_", f.ratio());
                m.put("ratio", f.ratio().median());
            }
            if (!Double.isNaN(f.target())) {
                m.put("target_ratio", f.target());
                m.put("target_is", f.atMost() ? "at_most" : "at_least");
                if (f.hasRatio()) {
                    m.put("meets_target", f.meetsTarget());
                }
            }
            out.println(JsonLine.of(m, DIGITS));
        }
    }

    private static void put(Map<String, Object> m, String prefix, RoundStats s) {
        m.put(prefix + "n", s.n());
        m.put(prefix + "median", s.median());
        m.put(prefix + "min", s.min());
        m.put(prefix + "max", s.max());
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
    }
}
