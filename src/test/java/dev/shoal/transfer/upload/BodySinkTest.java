package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File bodies handed to a {@link BodySink} (as the node does for zero-copy sends) instead of copied. */
class BodySinkTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5555);

    @TempDir
    Path tmp;
    private byte[] data;
    private ServedFile file;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final List<long[]> sends = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        data = TestFiles.random(300_000, 5);
        file = TestFiles.share(tmp, 4, "f.bin", data);
    }

    /** Like a session's sendFile: the region's bytes follow what was written to the stream. */
    private void send(Path path, java.nio.channels.FileChannel ch, long offset, long length) throws IOException {
        sends.add(new long[] {offset, length});
        ByteBuffer b = ByteBuffer.allocate((int) length);
        while (b.hasRemaining()) {
            ch.read(b, offset + b.position());
        }
        wire.write(b.array());
    }

    private RawHttp.Response serve(long bytesPerSecond, String request) throws IOException {
        HttpUploadHandler h = TestUploadServer.handler(TestFiles.lookup(file), new UploadSlots(), bytesPerSecond,
                "Sink/1.0");
        h.serve(new ByteArrayInputStream(request.getBytes(StandardCharsets.US_ASCII)), wire, this::send, PEER);
        return RawHttp.one(wire.toByteArray());
    }

    private String get(String range) {
        return "GET /uri-res/N2R?" + file.urn() + " HTTP/1.1\r\nRange: " + range + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void anUnlimitedRangeGoesToTheSinkInOnePiece() throws IOException {
        RawHttp.Response r = serve(0, get("bytes=1000-250999"));
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(data, 1000, 251_000));
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0)).containsExactly(1000, 250_000);
    }

    @Test
    void aLimitedUploadIsHandedOverInSmallContiguousSlices() throws IOException {
        RawHttp.Response r = serve(50_000_000, get("bytes=0-"));
        assertThat(r.body()).isEqualTo(data);
        assertThat(sends).hasSizeGreaterThan(3);
        long next = 0;
        for (long[] s : sends) {
            assertThat(s[0]).isEqualTo(next);
            assertThat(s[1]).isLessThanOrEqualTo(64 * 1024);
            next += s[1];
        }
        assertThat(next).isEqualTo(data.length);
    }

    @Test
    void headSendsNoBody() throws IOException {
        RawHttp.Response r = serve(0,
                "HEAD /uri-res/N2R?" + file.urn() + " HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(sends).isEmpty();
    }
}
