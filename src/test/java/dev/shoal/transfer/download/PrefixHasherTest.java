package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.http.ByteRange;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixHasherTest {
    private static final int SIZE = 5 * 1024 * 1024 + 777;
    private final byte[] file = TestFiles.random(SIZE, 7);
    private final byte[] written = new byte[SIZE];

    /** Reads what has been "written" so far, as the part file would give it. */
    private int read(ByteBuffer dst, long position) {
        int n = (int) Math.min(dst.remaining(), SIZE - position);
        if (n <= 0) {
            return -1;
        }
        dst.put(written, (int) position, n);
        return n;
    }

    private void write(ByteRange r) {
        System.arraycopy(file, (int) r.first(), written, (int) r.first(), (int) r.length());
    }

    private static byte[] sha1(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(b);
    }

    @Test
    void chunksCompletedOutOfOrderGiveTheDigestOfTheWholeFile() throws Exception {
        int chunk = 256 * 1024;
        ChunkScheduler s = new ChunkScheduler(SIZE, chunk, new java.util.BitSet());
        PrefixHasher h = new PrefixHasher();
        Source a = Source.of(new java.net.InetSocketAddress("127.0.0.1", 1));
        for (int i : List.of(3, 1, 0, 20, 2, 5, 4)) {
            write(s.range(i));
            s.claim(i, a);
            s.written(i);
            h.advance(this::read, s.donePrefixBytes(), Long.MAX_VALUE);
            // Never past the first gap: bytes there may still change.
            assertThat(h.hashed()).isEqualTo(s.donePrefixBytes());
        }
        assertThat(h.hashed()).isEqualTo(6L * chunk);
        for (int i = 6; i < s.count(); i++) {
            if (i != 20) {
                write(s.range(i));
            }
        }
        assertThat(h.finish(this::read, SIZE)).isEqualTo(sha1(file));
    }

    @Test
    void stepsAreBoundedAndFinishStartsOver() throws Exception {
        write(new ByteRange(0, SIZE - 1));
        PrefixHasher h = new PrefixHasher();
        assertThat(h.advance(this::read, SIZE, 1000)).isEqualTo(1000);
        assertThat(h.advance(this::read, 500, 1000)).isZero();
        assertThat(h.advance(this::read, 3000, 1 << 30)).isEqualTo(2000);
        assertThat(h.finish(this::read, SIZE)).isEqualTo(sha1(file));
        assertThat(h.hashed()).isZero();
        // A second round (after a bad hash) digests the file anew.
        assertThat(h.finish(this::read, SIZE)).isEqualTo(sha1(file));
    }

    @Test
    void emptyFileHasTheEmptyDigest() throws Exception {
        assertThat(new PrefixHasher().finish((dst, pos) -> -1, 0)).isEqualTo(sha1(new byte[0]));
    }
}
