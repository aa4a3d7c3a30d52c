package dev.shoal.routing;

import java.time.Duration;

/**
 * Settings for a {@link Router}. Lifetimes are the minimum time a route or seen-GUID is kept
 * (two generations: at most twice that); {@code maxEntries} bounds each generation of each
 * table. {@code leaf}: we are a leaf, so we answer but never relay anything.
 */
public record RouterConfig(TtlPolicy ttl, Duration seenLifetime, Duration queryRouteLifetime,
        Duration pushRouteLifetime, int maxEntries, boolean leaf) {

    public RouterConfig {
        if (ttl == null || seenLifetime == null || queryRouteLifetime == null || pushRouteLifetime == null) {
            throw new IllegalArgumentException("all settings are required");
        }
        for (Duration d : new Duration[] {seenLifetime, queryRouteLifetime, pushRouteLifetime}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("lifetimes must be positive: " + d);
            }
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
    }

    /**
     * LimeWire's table sizes: queries 5–10 min, pushes 7–14 min, 100 000 entries per generation;
     * seen GUIDs as long as query routes, since a duplicate can only matter while we could
     * still route its hits.
     */
    public static RouterConfig defaults() {
        return new RouterConfig(TtlPolicy.defaults(), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(7), 100_000, false);
    }

    public RouterConfig withTtl(TtlPolicy policy) {
        return new RouterConfig(policy, seenLifetime, queryRouteLifetime, pushRouteLifetime, maxEntries, leaf);
    }

    public RouterConfig withMaxEntries(int max) {
        return new RouterConfig(ttl, seenLifetime, queryRouteLifetime, pushRouteLifetime, max, leaf);
    }

    public RouterConfig withLeaf(boolean isLeaf) {
        return new RouterConfig(ttl, seenLifetime, queryRouteLifetime, pushRouteLifetime, maxEntries, isLeaf);
    }
}
