package dev.shoal.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reported speed figure next to the reference measured in the same run, on the same machine,
 * interleaved with it, so that a busy machine slows both and their ratio stays meaningful.
 *
 * @param suite       the suite that measured it ({@code routing} or {@code latency})
 * @param name        what was measured, e.g. {@code mix} or {@code query_3_hops}
 * @param unit        unit of {@code value} and {@code reference}: {@code msg/s} or {@code ms}
 * @param value       the figure: rates of rounds (msg/s) or single latencies (ms)
 * @param reference   what the reference is, e.g. {@code byte_scan}
 * @param ref         the reference measurements, same unit
 * @param ratio       figure ÷ reference (see the suite for how it is paired)
 * @param lost        attempts that produced no measurement (queries without a hit in time)
 * @param extras      side readings that need no reference because load does not change them
 *                    (such as bytes allocated per message), in print order
 */
record Figure(String suite, String name, String unit, Summary value, String reference, Summary ref, double ratio,
        long lost, Map<String, Double> extras) {

    Figure {
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
