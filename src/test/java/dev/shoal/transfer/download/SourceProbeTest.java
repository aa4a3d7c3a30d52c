package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.UploadSlots;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final SourceProbe probe = new SourceProbe("Shoal-Test/1.0", TIMEOUT);

    @TempDir
    Path tmp;

    @Test
    void aServentThatSharesTheFileGivesItsSizeAndNameEvenWithEveryUploadSlotTaken() throws Exception {
        byte[] data = TestFiles.random(100_000, 7);
        ServedFile f = TestFiles.share(tmp, 3, "Été 2.ogg", data);
        UploadSlots slots = new UploadSlots(1, Duration.ofSeconds(30));
        assertThat(slots.acquire(new Object(), InetAddress.getByName("127.0.0.9"), 0).granted()).isTrue();
        try (TestUploadServer server = TestUploadServer.serving(slots, 0, f)) {
            SourceProbe.Answer answer = probe.ask(server.address(), f.urn()).orElseThrow();

            assertThat(answer.size()).isEqualTo(100_000);
            assertThat(answer.name()).contains("Été 2.ogg");
        }
    }

    @Test
    void aServentWithoutTheFileIsNoSource() throws Exception {
        byte[] data = TestFiles.random(1_000, 7);
        ServedFile f = TestFiles.share(tmp, 3, "a.bin", data);
        Urn other = TestFiles.urnOf(TestFiles.random(1_000, 8));
        try (TestUploadServer server = TestUploadServer.serving(f)) {
            assertThat(probe.ask(server.address(), other)).isEmpty();
        }
    }

    @Test
    void anAnswerForAnotherFileIsNoSource() throws Exception {
        Urn asked = TestFiles.urnOf(TestFiles.random(1_000, 8));
        Urn other = TestFiles.urnOf(TestFiles.random(1_000, 9));
        try (OneAnswer server = new OneAnswer("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nX-Gnutella-Content-URN: "
                + other + "\r\n\r\n")) {
            assertThat(probe.ask(server.address(), asked)).isEmpty();
        }
    }

    @Test
    void aPartialAnswerGivesTheWholeSizeAndAnUnnamedFileNoName() throws Exception {
        Urn urn = TestFiles.urnOf(TestFiles.random(1_000, 8));
        try (OneAnswer server = new OneAnswer("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-99/5000\r\n"
                + "Content-Length: 100\r\n\r\n")) {
            SourceProbe.Answer answer = probe.ask(server.address(), urn).orElseThrow();

            assertThat(answer.size()).isEqualTo(5000);
            assertThat(answer.name()).isEmpty();
        }
    }

    /** Regression: an IPv6 source was asked with {@code Host: 0:0:0:0:0:0:0:1:PORT}, which HTTP cannot parse. */
    @Test
    void anIpv6SourceIsAskedWithItsAddressInBrackets() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        Urn urn = TestFiles.urnOf(TestFiles.random(1_000, 8));
        try (ServerSocket server = new ServerSocket(0, 1, ipv6Loopback)) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    String head = new String(s.getInputStream().readNBytes(120), StandardCharsets.ISO_8859_1);
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return head;
                } catch (IOException e) {
                    return e.toString();
                }
            });
            assertThat(probe.ask(new InetSocketAddress(ipv6Loopback, server.getLocalPort()), urn)).isEmpty();
            assertThat(request.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .contains("\r\nHost: [0:0:0:0:0:0:0:1]:" + server.getLocalPort() + "\r\n");
        }
    }

    @Test
    void gtkGnutellasAnswerNamesTheFile() throws Exception {
        // The head of gtk-gnutella 1.2.3's answer to our HEAD, as captured on loopback.
        Urn urn = TestFiles.urnOf(TestFiles.random(1_000, 8));
        try (OneAnswer server = new OneAnswer("HTTP/1.1 200 OK\r\n"
                + "Server: gtk-gnutella/1.2.3 (2024-03-03; Topless; Linux x86_64)\r\n"
                + "Connection: close\r\n"
                + "Content-Length: 1258291\r\n"
                + "Content-Type: video/x-msvideo\r\n"
                + "Content-Disposition: inline; filename*=\"utf-8'en'gtkgA-interop-movie.avi\"\r\n"
                + "X-Gnutella-Content-URN: " + urn + "\r\n\r\n")) {
            SourceProbe.Answer answer = probe.ask(server.address(), urn).orElseThrow();

            assertThat(answer.size()).isEqualTo(1_258_291);
            assertThat(answer.name()).contains("gtkgA-interop-movie.avi");
        }
    }

    @Test
    void aHostThatClosesWithoutAnsweringIsAnError() throws Exception {
        Urn urn = TestFiles.urnOf(TestFiles.random(1_000, 8));
        try (OneAnswer server = new OneAnswer("")) {
            assertThatThrownBy(() -> probe.ask(server.address(), urn)).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed");
        }
    }

    /** Reads one request head and answers {@code answer} verbatim, then closes. */
    private static final class OneAnswer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

        OneAnswer(String answer) throws IOException {
            CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // the test sees what the client got
                }
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
