package dev.shoal.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The values of several measured rounds of one figure; the median is what gets reported. */
record RoundStats(List<Double> values) {
    RoundStats {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
    }

    int n() {
        return values.size();
    }

    double median() {
        List<Double> sorted = sorted();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(values.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
