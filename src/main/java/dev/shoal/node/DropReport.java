package dev.shoal.node;

import dev.shoal.net.DropCounters;
import dev.shoal.net.DropReason;
import dev.shoal.net.NetStats;
import dev.shoal.node.api.NodeStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's drop counters, gathered from where they are counted (the network layer, the
 * message loop, the upload slots) into one {@link NodeStats}; and their summary in the log, one
 * line per period and only when something changed, so a flood shows as a steady line rather than
 * a line per message.
 */
final class DropReport {
    private static final Logger log = LoggerFactory.getLogger(DropReport.class);
    /** Reasons listed in one log line; the rest are summed up. */
    private static final int LOGGED_REASONS = 8;
    /** At most one summary line this often. */
    static final long LOG_PERIOD_MILLIS = 10_000;

    private final Supplier<NetStats> net;
    private final DropCounters handler;
    private final LongSupplier uploadsRefusedForAddress;
    private Map<DropReason, Long> lastLogged = new EnumMap<>(DropReason.class);
    private long lastLogMillis = Long.MIN_VALUE;

    DropReport(Supplier<NetStats> net, DropCounters handler, LongSupplier uploadsRefusedForAddress) {
        this.net = net;
        this.handler = handler;
        this.uploadsRefusedForAddress = uploadsRefusedForAddress;
    }

    NodeStats stats() {
        NetStats n = net.get();
        Map<DropReason, Long> counts = counts(n);
        List<NodeStats.Drop> drops = new ArrayList<>();
        for (Map.Entry<DropReason, Long> e : counts.entrySet()) {
            DropReason r = e.getKey();
            drops.add(new NodeStats.Drop(r.key(), r.group().label(), r.description(), e.getValue()));
        }
        return new NodeStats(n.links(), n.handshaking(), n.httpSessions(), n.bannedAddresses(), drops);
    }

    private Map<DropReason, Long> counts(NetStats n) {
        Map<DropReason, Long> counts = new EnumMap<>(n.drops());
        for (DropReason r : DropReason.values()) {
            counts.merge(r, handler.get(r), Long::sum);
        }
        counts.merge(DropReason.ADDRESS_UPLOADS, uploadsRefusedForAddress.getAsLong(), Long::sum);
        return counts;
    }

    /** Called often (every second); logs once per {@link #LOG_PERIOD_MILLIS} at most. */
    synchronized void tick(long nowMillis) {
        if (lastLogMillis == Long.MIN_VALUE || nowMillis - lastLogMillis >= LOG_PERIOD_MILLIS) {
            lastLogMillis = nowMillis;
            logChanges();
        }
    }

    /** Logs what was counted since the last call, biggest first; nothing if nothing was. */
    synchronized void logChanges() {
        Map<DropReason, Long> now = counts(net.get());
        List<Map.Entry<DropReason, Long>> changed = new ArrayList<>();
        long total = 0;
        for (Map.Entry<DropReason, Long> e : now.entrySet()) {
            long delta = e.getValue() - lastLogged.getOrDefault(e.getKey(), 0L);
            if (delta > 0) {
                changed.add(Map.entry(e.getKey(), delta));
                total += delta;
            }
        }
        lastLogged = now;
        if (changed.isEmpty()) {
            return;
        }
        changed.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder line = new StringBuilder("dropped, refused or closed since the last report: ");
        for (int i = 0; i < changed.size() && i < LOGGED_REASONS; i++) {
            line.append(i == 0 ? "" : ", ").append(changed.get(i).getKey().key()).append(' ')
                    .append(changed.get(i).getValue());
        }
        if (changed.size() > LOGGED_REASONS) {
            line.append(" and ").append(changed.size() - LOGGED_REASONS).append(" more reasons");
        }
        log.info("{} ({} in all; shoal stats lists every reason)", line, total);
    }
}
