package dev.shoal.bench;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeReader;
import dev.shoal.protocol.handshake.StatusLine;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * A leaf on a plain blocking socket, as the flood bench's honest client and attackers use it:
 * the three-step handshake, then frames written and read by hand. With {@code deflate} it
 * announces {@code Content-Encoding: deflate} and may then send raw zlib bytes of its own making.
 */
final class FloodPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private FloodPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and handshakes as a leaf; fails if the node does not answer 200. */
    static FloodPeer connect(InetSocketAddress node, boolean deflate, int timeoutMillis) throws IOException {
        return connect(node, null, deflate, timeoutMillis);
    }

    /** As above, from the local address {@code from} (null: any); all of 127.0.0.0/8 is loopback on Linux. */
    static FloodPeer connect(InetSocketAddress node, java.net.InetAddress from, boolean deflate, int timeoutMillis)
            throws IOException {
        Socket s = new Socket();
        try {
            if (from != null) {
                s.bind(new InetSocketAddress(from, 0));
            }
            s.connect(node, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            s.setTcpNoDelay(true);
            FloodPeer p = new FloodPeer(s);
            p.handshake(deflate);
            return p;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void handshake(boolean deflate) throws IOException {
        write("GNUTELLA CONNECT/0.6\r\nUser-Agent: ShoalFloodBench/1\r\nX-Ultrapeer: False\r\n"
                + "Bye-Packet: 0.1\r\n" + (deflate ? "Accept-Encoding: deflate\r\n" : "") + "\r\n");
        HandshakeMessage answer = readStep();
        StatusLine status;
        try {
            status = StatusLine.parse(answer.firstLine());
        } catch (FramingException e) {
            throw new IOException("bad handshake answer: " + answer.firstLine(), e);
        }
        if (!status.isOk()) {
            throw new IOException("refused: " + status.code() + " " + status.reason());
        }
        // We never ask for compressed input: the node's answer to us stays plain.
        write("GNUTELLA/0.6 200 OK\r\n" + (deflate ? "Content-Encoding: deflate\r\n" : "") + "\r\n");
    }

    private HandshakeMessage readStep() throws IOException {
        HandshakeReader reader = new HandshakeReader();
        byte[] one = new byte[1];
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during the handshake");
            }
            one[0] = (byte) b;
            try {
                Optional<HandshakeMessage> m = reader.feed(ByteBuffer.wrap(one));
                if (m.isPresent()) {
                    return m.get();
                }
            } catch (FramingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a keyword query with a fresh GUID and returns the GUID. */
    Guid query(String words, int ttl) throws IOException {
        Guid guid = Guid.random();
        write(MessageCodec.frame(guid, ttl, 0, Query.keywords(words)).toBytes());
        return guid;
    }

    /** Reads frames until a QueryHit with {@code guid} arrives; false if the socket times out first. */
    boolean awaitHit(Guid guid, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                byte[] head = in.readNBytes(Header.SIZE);
                if (head.length < Header.SIZE) {
                    throw new EOFException("closed");
                }
                Header h = Header.read(ByteBuffer.wrap(head), 1 << 20);
                byte[] payload = in.readNBytes(h.payloadLength());
                if (payload.length < h.payloadLength()) {
                    throw new EOFException("closed");
                }
                if (h.type() == MessageType.QUERY_HIT && h.guid().equals(guid)) {
                    return true;
                }
            }
            return false;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (FramingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A frame's bytes, for attackers that write the same kinds over and over. */
    static byte[] ping(int ttl) {
        return new Frame(new Header(Guid.random(), MessageType.PING, ttl, 0, 0), new byte[0]).toBytes();
    }

    /**
     * About {@code plainBytes} of repeated copies of {@code frame}, deflated: a small input that
     * inflates to a flood (the same frame repeats, so zlib packs it about a thousand to one).
     */
    static byte[] deflated(byte[] frame, int plainBytes, Deflater deflater) {
        byte[] plain = new byte[plainBytes - plainBytes % frame.length];
        for (int i = 0; i < plain.length; i += frame.length) {
            System.arraycopy(frame, 0, plain, i, frame.length);
        }
        deflater.setInput(plain);
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            packed.write(buf, 0, n);
        } while (n == buf.length || !deflater.needsInput());
        return packed.toByteArray();
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
