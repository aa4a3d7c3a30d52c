package dev.shoal.transfer.download;

import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.HttpResponse;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Asks one host, with a HEAD request for the file's URN, whether it serves the file, how big it
 * is and what it is called. A download that knows neither (a bare {@code urn:sha1:}) can so start
 * from a host the user named without waiting for a hit: any servent answers {@code /uri-res/N2R}
 * on its Gnutella port, and a HEAD takes none of its upload slots.
 */
public final class SourceProbe {
    /** What the host said: the file's size, and its name when the answer carried one. */
    public record Answer(long size, Optional<String> name) {
    }

    private final String userAgent;
    private final Duration timeout;

    /** {@code timeout} bounds the connect and each read. */
    public SourceProbe(String userAgent, Duration timeout) {
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    /**
     * The host's answer when it serves the file (200 or 206 for this URN, with a size); empty when
     * it answered anything else.
     *
     * @throws IOException when it could not be reached or its answer could not be read
     */
    public Optional<Answer> ask(InetSocketAddress host, Urn urn) throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(host, millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD /uri-res/N2R?" + urn + " HTTP/1.1\r\n"
                    + "Host: " + HostPort.display(host) + "\r\n"
                    + "User-Agent: " + userAgent + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            HttpHead head = HttpHeadReader.read(new BufferedInputStream(socket.getInputStream()));
            if (head == null) {
                throw new EOFException("closed without answering");
            }
            return read(HttpResponse.parse(head), urn);
        }
    }

    private static Optional<Answer> read(HttpResponse answer, Urn urn) throws IOException {
        if (answer.status() != 200 && answer.status() != 206
                || answer.contentUrn().filter(u -> !u.equals(urn)).isPresent()) {
            return Optional.empty();
        }
        OptionalLong size = answer.status() == 200 ? answer.contentLength()
                : answer.contentRange().map(r -> OptionalLong.of(r.total())).orElse(OptionalLong.empty());
        if (size.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Answer(size.getAsLong(), answer.fileName()));
    }
}
