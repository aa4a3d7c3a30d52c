package dev.shoal.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A persistent HTTP/1.1 client connection to one source. One request is outstanding at a time
 * (no pipelining); the caller reads the body from {@link #body()} before the next request.
 * {@link #close()} may be called from another thread to abort a blocked read.
 */
final class SourceConnection implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final InetSocketAddress address;
    private final SwarmConfig config;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    SourceConnection(InetSocketAddress address, SwarmConfig config) {
        this.address = address;
        this.config = config;
    }

    /**
     * Sends a GET and reads the response head. A reused connection that turns out to be closed
     * by the server before answering is reopened once, silently: idle keep-alive connections die.
     */
    HttpHead get(String target, ByteRange range, List<HttpHeader> headers) throws IOException {
        byte[] request = request(target, range, headers);
        for (int attempt = 0; ; attempt++) {
            boolean wasReused = open();
            try {
                out.write(request);
                out.flush();
                HttpHead head = HttpHeadReader.read(in);
                if (head == null) {
                    throw new EOFException("connection closed before the answer");
                }
                reused = true;
                return head;
            } catch (IOException e) {
                close();
                if (!wasReused || attempt > 0 || e instanceof HttpProtocolException) {
                    throw e;
                }
            }
        }
    }

    InputStream body() {
        return in;
    }

    private boolean open() throws IOException {
        if (socket != null) {
            return reused;
        }
        Socket s = new Socket();
        try {
            s.connect(address, (int) config.connectTimeout().toMillis());
            s.setSoTimeout((int) config.readTimeout().toMillis());
            s.setTcpNoDelay(true);
            in = new BufferedInputStream(s.getInputStream(), BUFFER);
            out = new BufferedOutputStream(s.getOutputStream(), 4096);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        reused = false;
        return false;
    }

    private byte[] request(String target, ByteRange range, List<HttpHeader> headers) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("GET ").append(target).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(address.getAddress().getHostAddress()).append(':').append(address.getPort())
                .append("\r\n");
        sb.append("User-Agent: ").append(config.userAgent()).append("\r\n");
        sb.append("Range: ").append(range.rangeHeader()).append("\r\n");
        for (HttpHeader h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to do with a broken socket
            }
        }
    }
}
