package dev.shoal.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A non-Gnutella connection handed to the {@link HttpGateway}, seen through blocking streams so
 * that the transfer layer needs no network framework. Not thread safe: one serving thread uses it.
 */
public interface HttpSession {
    /** The line that selected HTTP, without its line end: {@code GET /uri-res/N2R?... HTTP/1.1}. */
    String firstLine();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** The bytes after the first line: the rest of the request head, bodies, later requests. */
    InputStream in();

    /** Writes to the peer; {@code flush()} waits until the bytes are on the wire. */
    OutputStream out();

    /**
     * Sends {@code length} bytes of a file from {@code offset} without copying them through the
     * heap, after anything written to {@link #out()}; returns once written.
     */
    void sendFile(Path file, long offset, long length) throws IOException;

    boolean isOpen();

    /** Closes the connection after pending writes. */
    void close();
}
