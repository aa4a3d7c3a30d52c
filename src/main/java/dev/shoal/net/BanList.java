package dev.shoal.net;

import dev.shoal.time.Clock;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often each address connects, and the addresses banned for connecting too often. An address
 * may open {@code connectsPerMinute} connections in a burst and then as many a minute; the
 * connection that finds none left is refused and the address banned for the first ban, each
 * further ban twice as long up to the longest. Every connection of a banned address is refused at
 * once, before a byte is read. Addresses are kept in least-recently-seen order and the oldest is
 * forgotten past {@code trackedAddresses}, so the list costs a bounded amount of memory whatever
 * the number of addresses. Times come from the injected clock. Thread-safe.
 */
final class BanList {
    private static final Logger LOG = LoggerFactory.getLogger(BanList.class);

    private final Clock clock;
    private final PeerLimits limits;
    private final Map<InetAddress, Entry> entries;

    private static final class Entry {
        final TokenBucket connects;
        long bannedUntilNanos;
        int bans;

        Entry(TokenBucket connects) {
            this.connects = connects;
        }
    }

    BanList(PeerLimits limits, Clock clock) {
        this.clock = clock;
        this.limits = limits;
        int max = limits.trackedAddresses();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Entry> eldest) {
                return size() > max;
            }
        };
    }

    /** Records a connection from {@code address}; null if it may go on, else why it is refused. */
    synchronized DropReason admit(InetAddress address) {
        long now = clock.nanoTime();
        Entry e = entries.get(address);
        if (e == null) {
            e = new Entry(new TokenBucket(limits.connectsPerMinute() / 60.0, limits.connectsPerMinute(), now));
            entries.put(address, e);
        }
        if (now < e.bannedUntilNanos) {
            return DropReason.BANNED;
        }
        if (e.connects.take(1, now)) {
            return null;
        }
        e.bans++;
        long first = limits.firstBan().toNanos();
        long longest = limits.longestBan().toNanos();
        long ban = e.bans > 30 ? longest : Math.min(longest, first << (e.bans - 1));
        e.bannedUntilNanos = now + ban;
        LOG.info("{} connects more than {} times a minute: banned for {} s", address.getHostAddress(),
                limits.connectsPerMinute(), ban / 1_000_000_000L);
        return DropReason.CONNECT_RATE;
    }

    synchronized boolean isBanned(InetAddress address) {
        Entry e = entries.get(address);
        return e != null && clock.nanoTime() < e.bannedUntilNanos;
    }

    /** Addresses banned at this instant. */
    synchronized int banned() {
        long now = clock.nanoTime();
        int n = 0;
        for (Entry e : entries.values()) {
            if (now < e.bannedUntilNanos) {
                n++;
            }
        }
        return n;
    }

    synchronized int tracked() {
        return entries.size();
    }
}
