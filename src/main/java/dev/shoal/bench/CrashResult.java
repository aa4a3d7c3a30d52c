package dev.shoal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one suite of {@link CrashBench} found: its figures in order, and the promises it saw broken
 * (a corrupt file, a download that never finished, an index that would not open). Not thread-safe.
 */
final class CrashResult {
    private final String suite;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    CrashResult(String suite) {
        this.suite = suite;
    }

    CrashResult put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    void problem(String what) {
        problems.add(what);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    String suite() {
        return suite;
    }

    /** The flat object {@code --json} prints: suite, the figures, ok, and the problems when there are any. */
    Map<String, Object> fields() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("suite", suite);
        all.putAll(fields);
        all.put("ok", ok());
        if (!ok()) {
            all.put("problems", String.join("; ", problems));
        }
        return all;
    }
}
