package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.time.VirtualTime;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BandwidthTest {
    private static final long SECOND = 1_000_000_000L;
    private final VirtualTime time = new VirtualTime();

    @Test
    void quietBucketAllowsOnlyASmallBurstThenPacesAtTheRate() {
        Bandwidth b = new Bandwidth(100_000, time);
        long t = 5 * SECOND;
        assertThat(b.reserve(16 * 1024, t)).isZero();
        // The next 100 000 bytes cost one second (minus nothing: the burst is used up).
        assertThat(b.reserve(100_000, t)).isEqualTo(SECOND);
        // A taker arriving meanwhile queues behind that debt.
        assertThat(b.reserve(50_000, t + SECOND / 2)).isEqualTo(SECOND);
    }

    @Test
    void longRunRateIsExactWhateverTheWriteSizes() {
        Bandwidth b = new Bandwidth(1_000_000, time);
        long now = 0;
        long sent = 0;
        int[] sizes = {1, 65536, 1000, 30000, 7};
        for (int i = 0; i < 2000; i++) {
            int n = sizes[i % sizes.length];
            now += b.reserve(n, now);
            sent += n;
        }
        double seconds = (double) now / SECOND;
        assertThat(sent / seconds).isBetween(1_000_000 * 0.97, 1_000_000 * 1.05);
    }

    @Test
    void zeroMeansUnlimitedAndRateCanChange() {
        Bandwidth b = new Bandwidth(0, time);
        assertThat(b.reserve(Integer.MAX_VALUE, 0)).isZero();
        b.setRate(1000);
        assertThat(b.rate()).isEqualTo(1000);
        b.reserve(16 * 1024, 0);
        assertThat(b.reserve(1000, 0)).isEqualTo(SECOND);
    }

    @Test
    void aThrottledTakerWaitsOnTheSchedulersClock() throws Exception {
        Bandwidth b = new Bandwidth(100_000, time);
        b.acquire(16 * 1024); // the burst
        Thread taker = new Thread(() -> {
            try {
                b.acquire(50_000);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        taker.start();
        await().until(() -> time.pending() == 1);
        time.advance(Duration.ofMillis(499));
        // Its wake-up is still queued: it waits however fast this machine runs.
        assertThat(time.pending()).isEqualTo(1);
        time.advance(Duration.ofMillis(1));
        taker.join(10_000);
        assertThat(taker.isAlive()).isFalse();
    }

    /**
     * Two uploads on real sockets share one limit, timed on virtual time: after each step the test
     * waits until both uploads are paced again (each waits for the scheduler), so what was sent
     * depends on the virtual seconds only, not on how fast this machine is.
     */
    @Test
    void twoUploadsOnRealSocketsShareTheLimit(@TempDir Path tmp) throws Exception {
        long rate = 2_000_000;
        long burst = 100_000; // a twentieth of a second
        int slice = 64 * 1024;
        ServedFile f = TestFiles.share(tmp, 1, "big.bin", TestFiles.random(8 * 1024 * 1024, 3));
        HttpUploadHandler handler = TestUploadServer.handler(TestFiles.lookup(f), new UploadSlots(), rate, time,
                "Paced/1.0");
        try (TestUploadServer server = new TestUploadServer(handler)) {
            List<AtomicLong> received = new ArrayList<>();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket();
                s.connect(server.address());
                s.getOutputStream().write(("GET /uri-res/N2R?" + f.urn() + " HTTP/1.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
                AtomicLong count = new AtomicLong();
                received.add(count);
                Thread t = new Thread(() -> drain(s, count));
                t.setDaemon(true);
                t.start();
            }
            long heads = 2 * 1024;
            Duration step = Duration.ofMillis(10);
            for (int i = 0; i < 200; i++) {
                bothPaced();
                double seconds = time.nanoTime() / 1e9;
                assertThat(server.bytesSent()).as("at %.2f s", seconds).isLessThanOrEqualTo(
                        burst + (long) (rate * seconds) + heads);
                time.advance(step);
            }
            bothPaced();
            long sent = server.bytesSent();
            assertThat(sent).isBetween(2 * rate - 2 * slice - rate / 100, burst + 2 * rate + heads);
            await().until(() -> received.get(0).get() + received.get(1).get() == sent);
            assertThat(received).allSatisfy(r -> assertThat(r.get()).isGreaterThan(sent / 3));

            server.kill();
            for (Socket s : sockets) {
                s.close();
            }
            // The paced uploads wake to find their sockets closed.
            time.advance(Duration.ofSeconds(10));
            await().until(() -> time.pending() == 0);
        }
    }

    /** Waits until each upload has taken its next slice and waits for the scheduler to pay for it. */
    private void bothPaced() {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> time.pending() == 2);
    }

    private static void drain(Socket s, AtomicLong received) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                received.addAndGet(n);
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }
}
