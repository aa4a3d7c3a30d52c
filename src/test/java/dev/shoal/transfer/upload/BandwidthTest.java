package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BandwidthTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void quietBucketAllowsOnlyASmallBurstThenPacesAtTheRate() {
        Bandwidth b = new Bandwidth(100_000);
        long t = 5 * SECOND;
        assertThat(b.reserve(16 * 1024, t)).isZero();
        // The next 100 000 bytes cost one second (minus nothing: the burst is used up).
        assertThat(b.reserve(100_000, t)).isEqualTo(SECOND);
        // A taker arriving meanwhile queues behind that debt.
        assertThat(b.reserve(50_000, t + SECOND / 2)).isEqualTo(SECOND);
    }

    @Test
    void longRunRateIsExactWhateverTheWriteSizes() {
        Bandwidth b = new Bandwidth(1_000_000);
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
        Bandwidth b = new Bandwidth(0);
        assertThat(b.reserve(Integer.MAX_VALUE, 0)).isZero();
        b.setRate(1000);
        assertThat(b.rate()).isEqualTo(1000);
        b.reserve(16 * 1024, 0);
        assertThat(b.reserve(1000, 0)).isEqualTo(SECOND);
    }

    @Test
    void tenMegabytesPerSecondHoldsOnRealSocketsSharedByTwoUploads(@TempDir Path tmp) throws Exception {
        byte[] data = TestFiles.random(30 * 1024 * 1024, 3);
        ServedFile f = TestFiles.share(tmp, 1, "big.bin", data);
        try (TestUploadServer server = TestUploadServer.serving(new UploadSlots(), new Bandwidth(10_000_000), f)) {
            AtomicLong received = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket();
                s.connect(server.address());
                s.getOutputStream().write(("GET /uri-res/N2R?" + f.urn() + " HTTP/1.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
                Thread t = new Thread(() -> drain(s, received));
                t.setDaemon(true);
                readers.add(t);
            }
            readers.forEach(Thread::start);
            Thread.sleep(200); // past the initial burst
            long startBytes = received.get();
            long start = System.nanoTime();
            Thread.sleep(1000);
            long bytes = received.get() - startBytes;
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Socket s : sockets) {
                s.close();
            }
            assertThat(bytes / seconds).isBetween(8_500_000.0, 11_500_000.0);
        }
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
