package dev.shoal.bench;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Query;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;

/**
 * The flood bench's hostile leaf: writes as fast as the node reads until stopped, and connects
 * again (after 50 ms) whenever the node drops or refuses it; with {@code flood-many} each
 * connection comes from a new loopback address, as a crowd of hosts would. It never reads, so
 * whatever the node sends back piles up on the node's side.
 */
final class Attacker {
    /** Frames per batch of the plain flood, half pings, half matching queries. */
    private static final int BATCH = 512;
    /** Plain bytes one compressed chunk of the deflate attack stands for. */
    private static final int BOMB_CHUNK = 1 << 20;

    private final String kind;
    private final InetSocketAddress node;
    private final Thread thread;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private volatile boolean stopped;
    private volatile FloodPeer peer;

    private Attacker(String kind, InetSocketAddress node) {
        this.kind = kind;
        this.node = node;
        this.thread = new Thread(this::run, "shoal-flood-attacker");
        thread.setDaemon(true);
    }

    static Attacker start(String kind, InetSocketAddress node) {
        Attacker a = new Attacker(kind, node);
        a.thread.start();
        return a;
    }

    private void run() {
        while (!stopped) {
            boolean connected = false;
            try {
                peer = FloodPeer.connect(node, from(), kind.equals("deflate"), 5_000);
                connected = true;
                connects.incrementAndGet();
                if (kind.equals("deflate")) {
                    bomb(peer);
                } else {
                    flood(peer);
                }
            } catch (IOException e) {
                if (!connected && !stopped) {
                    refusals.incrementAndGet();
                }
            } finally {
                close();
            }
            if (!stopped) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Where the next connection comes from: for {@code flood-many} a new loopback address each time
     * (127.0.3.1, 127.0.3.2, ...), so that no address connects often enough to be banned.
     */
    private java.net.InetAddress from() throws IOException {
        if (!kind.equals("flood-many")) {
            return null;
        }
        long n = connects.get() + refusals.get();
        return java.net.InetAddress.getByAddress(new byte[] {127, 0, (byte) (3 + n / 250), (byte) (1 + n % 250)});
    }

    /** Valid frames with fresh GUIDs: a counter is written into each GUID's first eight bytes. */
    private void flood(FloodPeer p) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        int[] starts = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            starts[i] = batch.size();
            batch.writeBytes(i % 2 == 0 ? FloodPeer.ping(2)
                    : MessageCodec.frame(Guid.random(), 2, 0, Query.keywords(HonestLeaf.WORD)).toBytes());
        }
        byte[] bytesOut = batch.toByteArray();
        ByteBuffer view = ByteBuffer.wrap(bytesOut);
        long counter = 0;
        while (!stopped) {
            for (int start : starts) {
                view.putLong(start, counter++);
            }
            p.write(bytesOut);
            bytes.addAndGet(bytesOut.length);
        }
    }

    /**
     * The same ping repeated, deflated: after the first chunk, every further chunk of a periodic
     * input deflates to the same bytes, so they are computed once and sent over and over.
     */
    private void bomb(FloodPeer p) throws IOException {
        byte[] ping = FloodPeer.ping(1);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            byte[] first = FloodPeer.deflated(ping, BOMB_CHUNK, deflater);
            byte[] second = FloodPeer.deflated(ping, BOMB_CHUNK, deflater);
            byte[] third = FloodPeer.deflated(ping, BOMB_CHUNK, deflater);
            boolean repeats = Arrays.equals(second, third);
            p.write(first);
            p.write(second);
            p.write(third);
            bytes.addAndGet(first.length + second.length + third.length);
            while (!stopped) {
                byte[] next = repeats ? third : FloodPeer.deflated(ping, BOMB_CHUNK, deflater);
                p.write(next);
                bytes.addAndGet(next.length);
            }
        } finally {
            deflater.end();
        }
    }

    long bytesSent() {
        return bytes.get();
    }

    long connects() {
        return connects.get();
    }

    long refusals() {
        return refusals.get();
    }

    void stop() throws InterruptedException {
        stopped = true;
        close();
        thread.join(10_000);
    }

    private void close() {
        FloodPeer p = peer;
        peer = null;
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
    }
}
