package dev.shoal.bench;

/**
 * A cyclic stream of frames fed to a {@link MessageSink}, with the GUIDs rewritten in place so
 * that the router sees what a live ultrapeer sees: every Query and Ping is new (never a
 * duplicate), and every QueryHit answers one of the last {@link #LAG} queries and arrives on a
 * different connection than that query came from, so a route back exists.
 *
 * <p>Connections 0..3 are ultrapeers, 4..5 leaves. Query {@code k} comes from ultrapeer
 * {@code k % 4}; its hits from ultrapeer {@code (k + 1) % 4}; pings from every connection in
 * turn. A GUID is the 8-byte counter of its message followed by 8 fixed salt bytes. The
 * reference and the servent path each get their own counters ({@link #copy()}) but the same
 * bytes. Not thread-safe.
 */
final class Workload {
    static final byte QUERY = 0;
    static final byte HIT = 1;
    static final byte PING = 2;
    static final int ULTRAPEERS = 4;
    static final int LINKS = 6;
    static final int LAG = 64;
    private static final int BATCH = 64;

    private final String name;
    private final byte[][] frames;
    private final byte[] kinds;
    private final byte[] primer;
    private int cursor;
    private long queries;
    private long hits;
    private long pings;
    private long checksum;

    /**
     * @param primer a Query frame sent {@link #LAG} times by {@link #prime} so that hits have
     *               routes even in a stream without queries
     */
    Workload(String name, byte[][] frames, byte[] kinds, byte[] primer) {
        if (frames.length == 0 || frames.length != kinds.length) {
            throw new IllegalArgumentException("one kind per frame, at least one frame");
        }
        this.name = name;
        this.frames = frames;
        this.kinds = kinds;
        this.primer = primer;
    }

    String name() {
        return name;
    }

    int size() {
        return frames.length;
    }

    /** The same frames with fresh counters. */
    Workload copy() {
        return new Workload(name, frames, kinds, primer);
    }

    /** Sends the first {@link #LAG} queries, so every hit of the stream has a route. */
    void prime(MessageSink sink) {
        for (int i = 0; i < LAG; i++) {
            checksum += sink.accept(primer, stamp(primer, QUERY));
        }
    }

    /**
     * Feeds frames until the deadline (checked every {@value #BATCH} messages); returns how many
     * were fed.
     */
    long runUntil(MessageSink sink, long deadlineNanos) {
        long count = 0;
        long acc = 0;
        do {
            for (int i = 0; i < BATCH; i++) {
                int slot = cursor;
                cursor = slot + 1 == frames.length ? 0 : slot + 1;
                byte[] frame = frames[slot];
                acc += sink.accept(frame, stamp(frame, kinds[slot]));
            }
            count += BATCH;
        } while (System.nanoTime() < deadlineNanos);
        checksum += acc;
        return count;
    }

    /** Folded results of everything fed, so the work cannot be optimised away. */
    long checksum() {
        return checksum;
    }

    /** Writes the message's GUID counter into the frame and returns the connection it comes from. */
    private int stamp(byte[] frame, byte kind) {
        long counter;
        int link;
        if (kind == QUERY) {
            counter = queries++;
            link = (int) (counter % ULTRAPEERS);
        } else if (kind == HIT) {
            counter = Math.max(0, queries - 1 - hits++ % LAG);
            link = (int) ((counter + 1) % ULTRAPEERS);
        } else {
            counter = pings++;
            link = (int) (counter % LINKS);
        }
        for (int i = 0; i < 8; i++) {
            frame[i] = (byte) (counter >>> (8 * i));
        }
        return link;
    }

    /** Sets the salt half of every GUID; the counter half is written per message. */
    static void salt(byte[] frame, long salt) {
        for (int i = 0; i < 8; i++) {
            frame[8 + i] = (byte) (salt >>> (8 * i));
        }
    }
}
