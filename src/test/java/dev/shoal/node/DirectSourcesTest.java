package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Hosts named for a download ({@code shoal get --peer}) are asked for the file directly: one that
 * holds it and names it starts the download with no Gnutella link and no hit at all; one that
 * holds it without naming it is a source that waits for a hit or a link to name the file.
 */
class DirectSourcesTest {
    private static final int SIZE = 300_000;

    @AutoClose
    private final SharingServents servents = new SharingServents();

    @Test
    void aNamedHostThatHoldsTheFileIsDownloadedFromWithoutAnyLinkOrHit() throws Exception {
        byte[] content = content();
        Urn urn = FileHasher.hash(content);
        ServentNode holder = node("holder", content);
        ServentNode you = node("you", null);

        Download d = you.fetch(urn.toString(), 2, List.of(holder.listenAddress()));

        Path file = d.completion().get(60, TimeUnit.SECONDS);
        assertThat(file.getFileName().toString()).isEqualTo("Summer song.ogg");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(you.peers()).as("no Gnutella link was needed").isEmpty();
        assertThat(holder.peers()).isEmpty();
    }

    @Test
    void aHostThatDoesNotNameTheFileIsASourceThatWaitsForTheName() throws Exception {
        byte[] content = content();
        Urn urn = FileHasher.hash(content);
        ServentNode you = node("you", null);
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> asked = answerOnce(silent, "HTTP/1.1 200 OK\r\nContent-Length: " + SIZE
                    + "\r\nX-Gnutella-Content-URN: " + urn + "\r\n\r\n");

            Download d = you.fetch(urn.toString(), 2,
                    List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort())));

            assertThat(asked.get(30, TimeUnit.SECONDS)).startsWith("HEAD /uri-res/N2R?" + urn + " HTTP/1.1");
            await().atMost(Duration.ofSeconds(30)).until(() -> d.info().knownSources() == 1);
            DownloadInfo info = d.info();
            assertThat(info.state()).isEqualTo(DownloadState.QUEUED);
            assertThat(info.size()).as("a size without a name would name the file by its URN").isLessThan(0);
        }
    }

    private static byte[] content() {
        byte[] content = new byte[SIZE];
        new Random(11).nextBytes(content);
        return content;
    }

    /** Answers the first request on {@code server} with {@code answer}; completes with the request's first line. */
    private static CompletableFuture<String> answerOnce(ServerSocket server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
                OutputStream out = s.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return head.toString().lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private ServentNode node(String name, byte[] content) {
        return servents.start(name, "Summer song.ogg", content, c -> c);
    }
}
