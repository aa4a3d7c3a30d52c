package dev.shoal.net;

import dev.shoal.protocol.MessageType;
import dev.shoal.time.Clock;

/**
 * What one link may make us do: each kind of message has a rate with a burst, and all frames
 * together a byte rate, counted on the bytes as framed (after inflating, so a compressed link
 * pays for what it makes us handle, not for what it sent). A frame over a budget is dropped
 * before anything is allocated for it, and costs the link a strike; a link that runs out of
 * strikes is flooding and is closed. Checked on the I/O thread by {@link GnutellaDecoder}, so
 * what is dropped never reaches a queue. Times come from the injected {@link Clock}.
 * Not thread safe: one per link, used by its decoder only.
 */
public final class InboundBudget {
    /** A sustained rate and the burst allowed above it; {@link #UNLIMITED} never runs out. */
    public record Rate(int perSecond, int burst) {
        public static final Rate UNLIMITED = new Rate(Integer.MAX_VALUE, Integer.MAX_VALUE);

        public Rate {
            if (perSecond < 0 || burst < 1) {
                throw new IllegalArgumentException("a rate needs perSecond >= 0 and burst >= 1");
            }
        }

        public boolean unlimited() {
            return perSecond == Integer.MAX_VALUE;
        }
    }

    /**
     * The budgets of one link. Bursts are sized for what a well-behaved peer sends at once: a
     * whole QRP table (up to 255 patches), the pongs answering a few pings, a search's worth of
     * hits, and the 20 s keep-alive and 3 s pong-cache pings; the strikes are the overflow a
     * peer may cause by mistake before it counts as flooding.
     */
    public record Limits(Rate pings, Rate pongs, Rate queries, Rate hits, Rate pushes, Rate qrp, Rate vendor, Rate other,
            Rate bytes, Rate strikes) {
        public static Limits defaults() {
            return new Limits(new Rate(2, 30), new Rate(30, 300), new Rate(50, 500), new Rate(200, 2_000),
                    new Rate(20, 200), new Rate(20, 1_000), new Rate(10, 100), new Rate(5, 50),
                    new Rate(256 * 1024, 2 * 1024 * 1024), new Rate(10, 1_000));
        }

        /** No budget at all: for benchmarks that measure routing speed, never for a real node. */
        public static Limits unlimited() {
            Rate u = Rate.UNLIMITED;
            return new Limits(u, u, u, u, u, u, u, u, u, u);
        }
    }

    /** Kinds in the order of {@link #REASONS}; each has its own bucket. */
    private static final int PING = 0;
    private static final int PONG = 1;
    private static final int QUERY = 2;
    private static final int HIT = 3;
    private static final int PUSH = 4;
    private static final int QRP = 5;
    private static final int VENDOR = 6;
    private static final int OTHER = 7;
    private static final DropReason[] REASONS = {DropReason.PING_FLOOD, DropReason.PONG_FLOOD,
        DropReason.QUERY_FLOOD, DropReason.HIT_FLOOD, DropReason.PUSH_FLOOD, DropReason.QRP_FLOOD,
        DropReason.VENDOR_FLOOD, DropReason.OTHER_FLOOD};

    private final Clock clock;
    private final Limits limits;
    /**
     * Made at a kind's first frame: a bucket nobody took from is full whether it was made with the
     * link or now, and a quiet link (most of a node's thousands) sends two or three kinds at most.
     */
    private final TokenBucket[] kinds = new TokenBucket[REASONS.length];
    private TokenBucket bytes;
    private TokenBucket strikes;
    private final boolean unlimited;

    InboundBudget(Limits limits, Clock clock) {
        this.clock = clock;
        this.limits = limits;
        boolean all = limits.bytes().unlimited();
        for (int i = 0; i < REASONS.length; i++) {
            all &= rate(limits, i).unlimited();
        }
        this.unlimited = all;
    }

    /**
     * Admits a frame of {@code type} and {@code frameBytes} (header included), or returns why it
     * must be dropped.
     *
     * @throws PeerMisbehaved when this drop uses the link's last strike
     */
    DropReason admit(byte type, int frameBytes) throws PeerMisbehaved {
        if (unlimited) {
            return null;
        }
        long now = clock.nanoTime();
        int kind = kindOf(type);
        Rate rate = rate(limits, kind);
        if (kinds[kind] == null && !rate.unlimited()) {
            kinds[kind] = new TokenBucket(rate, now);
        }
        if (bytes == null && !limits.bytes().unlimited()) {
            bytes = new TokenBucket(limits.bytes(), now);
        }
        TokenBucket k = kinds[kind];
        DropReason reason = null;
        if (k != null && !k.take(1, now)) {
            reason = REASONS[kind];
        } else if (bytes != null && !bytes.take(frameBytes, now)) {
            reason = DropReason.BYTE_FLOOD;
        }
        if (reason != null && strikes == null) {
            strikes = new TokenBucket(limits.strikes(), now);
        }
        if (reason != null && !strikes.take(1, now)) {
            throw new PeerMisbehaved(DropReason.FLOODING, PeerMisbehaved.BYE_FLOODING,
                    "Flooding: too many messages over budget (" + reason.key() + ")");
        }
        return reason;
    }

    /** Buckets this budget holds now (a node holds one budget per link, thousands of them). */
    int buckets() {
        int n = (bytes == null ? 0 : 1) + (strikes == null ? 0 : 1);
        for (TokenBucket k : kinds) {
            n += k == null ? 0 : 1;
        }
        return n;
    }

    private static Rate rate(Limits limits, int kind) {
        return switch (kind) {
            case PING -> limits.pings();
            case PONG -> limits.pongs();
            case QUERY -> limits.queries();
            case HIT -> limits.hits();
            case PUSH -> limits.pushes();
            case QRP -> limits.qrp();
            case VENDOR -> limits.vendor();
            default -> limits.other();
        };
    }

    private static int kindOf(byte type) {
        return switch (type) {
            case MessageType.PING -> PING;
            case MessageType.PONG -> PONG;
            case MessageType.QUERY -> QUERY;
            case MessageType.QUERY_HIT -> HIT;
            case MessageType.PUSH -> PUSH;
            case MessageType.ROUTE_TABLE_UPDATE -> QRP;
            case MessageType.VENDOR, MessageType.VENDOR_STANDARD -> VENDOR;
            default -> OTHER;
        };
    }
}
