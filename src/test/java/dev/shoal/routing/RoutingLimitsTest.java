package dev.shoal.routing;

import static dev.shoal.LimitsTable.millis;
import static dev.shoal.LimitsTable.minutes;
import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that routing holds. */
class RoutingLimitsTest {
    private final RouterConfig router = RouterConfig.defaults();
    private final DynamicQueryConfig dq = DynamicQueryConfig.defaults();

    @Test
    void ttl() {
        says("Max TTL", router.ttl().maxTtl() + " (own queries clamped");
        says("Hard hops + TTL limit", router.ttl().hardLimit() + " (dropped above)");
    }

    @Test
    void routeTables() {
        says("Seen-GUID table", "2 generations × " + n(router.maxEntries()) + " entries",
                minutes(router.seenLifetime()) + " lifetime");
        says("Query routes", "2 generations, " + minutes(router.queryRouteLifetime()));
        says("Push routes", "2 generations, " + minutes(router.pushRouteLifetime()));
    }

    @Test
    void qrpTables() {
        assertThat(Integer.bitCount(QrpTable.MAX_SIZE)).isEqualTo(1);
        says("QRP table", n(QrpTable.DEFAULT_SIZE) + " slots", "infinity " + QrpTable.DEFAULT_INFINITY,
                QrpTable.DEFAULT_ENTRY_BITS + "-bit entries", n(QrpTable.DEFAULT_CHUNK_SIZE) + "-byte pieces",
                "up to 2^" + Integer.numberOfTrailingZeros(QrpTable.MAX_SIZE) + " slots");
    }

    @Test
    void dynamicQuerying() {
        says("Dynamic query target", dq.target() + " results (keywords)", dq.hashTarget() + " (hash)",
                "stops at " + dq.routedCapForLeaf() + " routed");
        says("Dynamic query probe", "to ≤ " + dq.probeHitLinks() + " links",
                "TTL 2 to " + dq.probeWideLinks() + " more",
                "when fewer than " + DynamicQuery.MATCHING_LINKS_FOR_A_COMMON_FILE + " match");
        says("Dynamic query TTL", "≤ " + dq.maxTtl() + " per link", dq.leafFactor() + " hosts per ultrapeer",
                n(dq.hostsWhenNoResults()) + " hosts wanted", dq.sparedLinks() + " links spared");
        says("Dynamic query waits", seconds(Duration.ofMillis(dq.perHopWait())) + " per hop",
                "after " + seconds(Duration.ofMillis(dq.speedUpAfter())),
                "down to " + millis(Duration.ofMillis(dq.minPerHopWait())));
        says("Dynamic query limits", n(dq.horizonCap()) + " ultrapeers",
                seconds(Duration.ofMillis(dq.timeLimit())));
    }

    @Test
    void pongCacheAndHostChoice() {
        says("Pong cache", PongCache.PER_HOP + " pongs per hop count 1–" + PongCache.MAX_HOPS,
                seconds(Duration.ofMillis(PongCache.LIFETIME_MILLIS)) + " each",
                "≤ " + PongCache.ANSWER_SIZE + " per answer",
                "every " + seconds(Duration.ofMillis(PongCache.REFRESH_MILLIS)));
        says("Host choice", "rest " + seconds(Duration.ofMillis(HostSelector.FIRST_REST_MILLIS)),
                "≤ " + minutes(Duration.ofMillis(HostSelector.MAX_REST_MILLIS)));
    }
}
