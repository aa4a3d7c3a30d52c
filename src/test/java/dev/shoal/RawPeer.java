package dev.shoal;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A scripted Gnutella peer on a plain blocking socket, for tests that send exact bytes: writes
 * bytes and frames, reads handshake steps and frames, deflates and inflates when told to.
 */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private Deflater deflater;
    private Inflater inflater;
    private final ByteArrayOutputStream plain = new ByteArrayOutputStream();
    private int plainPos;

    public RawPeer(InetSocketAddress address) throws IOException {
        this(address, 0);
    }

    /** {@code receiveBuffer > 0} shrinks the socket's receive buffer (set before connecting). */
    public RawPeer(InetSocketAddress address, int receiveBuffer) throws IOException {
        this(address, receiveBuffer, null);
    }

    /**
     * As above, from the local address {@code from} (null: any): on Linux all of 127.0.0.0/8 is
     * loopback, so a test can play many hosts, each from its own address, all on this machine.
     */
    public RawPeer(InetSocketAddress address, int receiveBuffer, java.net.InetAddress from) throws IOException {
        this(connected(address, receiveBuffer, from));
    }

    private RawPeer(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private static Socket connected(InetSocketAddress address, int receiveBuffer, java.net.InetAddress from)
            throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        if (from != null) {
            s.bind(new InetSocketAddress(from, 0));
        }
        s.connect(address, 5000);
        return s;
    }

    /**
     * Answers a node that dialled us, on a connection accepted by the test, as an uncompressed
     * ultrapeer would: its request is read, accepted with a 200, and its 200 read.
     */
    public static RawPeer acceptAsUltrapeer(Socket accepted) throws IOException {
        RawPeer peer = new RawPeer(accepted);
        try {
            return peer.answerAsUltrapeer(peer.readStep().firstLine());
        } catch (FramingException | IOException e) {
            peer.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * Accepts connections on {@code server} until one is a 0.6 handshake, and answers it as
     * {@link #acceptAsUltrapeer(Socket)} does. An HTTP request met first (a downloader asking
     * whether we hold a file, as {@code shoal get} asks every peer it is given) gets a 404, as from
     * a servent without the file.
     */
    public static RawPeer acceptAsUltrapeer(java.net.ServerSocket server) throws IOException {
        while (true) {
            RawPeer peer = new RawPeer(server.accept());
            try {
                String request = peer.readStep().firstLine();
                if (request.startsWith("HEAD ") || request.startsWith("GET ")) {
                    peer.send("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    peer.close();
                    continue;
                }
                return peer.answerAsUltrapeer(request);
            } catch (FramingException | IOException e) {
                peer.close();
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }

    private RawPeer answerAsUltrapeer(String request) throws IOException, FramingException {
        if (!request.startsWith("GNUTELLA CONNECT/0.6")) {
            throw new IOException("not a 0.6 handshake: " + request);
        }
        send("GNUTELLA/0.6 200 OK\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: True\r\n"
                + "X-Degree: 32\r\nX-Dynamic-Querying: 0.1\r\nX-Max-TTL: 4\r\nBye-Packet: 0.1\r\n\r\n");
        String answer = readStep().firstLine();
        if (!answer.startsWith("GNUTELLA/0.6 200")) {
            throw new IOException("the node refused us: " + answer);
        }
        return this;
    }

    /**
     * Connects and completes the 0.6 handshake as an uncompressed ultrapeer, as a servent that
     * relays and answers would; the node's 200 is checked.
     */
    public static RawPeer connectAsUltrapeer(InetSocketAddress node) throws IOException {
        RawPeer peer = new RawPeer(node);
        peer.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: True\r\n"
                + "X-Degree: 32\r\nX-Dynamic-Querying: 0.1\r\nX-Max-TTL: 4\r\nBye-Packet: 0.1\r\n\r\n");
        try {
            String answer = peer.readStep().firstLine();
            if (!answer.startsWith("GNUTELLA/0.6 200")) {
                peer.close();
                throw new IOException("the node refused us: " + answer);
            }
        } catch (FramingException e) {
            peer.close();
            throw new IOException(e);
        }
        peer.send("GNUTELLA/0.6 200 OK\r\n\r\n");
        return peer;
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one handshake step byte by byte, so nothing after it is consumed. */
    public HandshakeMessage readStep() throws IOException, FramingException {
        HandshakeReader reader = new HandshakeReader();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed before the end of the handshake step");
            }
            Optional<HandshakeMessage> m = reader.feed(ByteBuffer.wrap(new byte[] {(byte) b}));
            if (m.isPresent()) {
                return m.get();
            }
        }
    }

    /**
     * The three-step handshake as a leaf, compressing what we send if {@code deflateOut}; returns
     * the node's answer (its status may be a refusal).
     */
    public HandshakeMessage joinAsLeaf(boolean deflateOut) throws IOException, FramingException {
        // No Accept-Encoding: what the node sends us stays plain, so readFrame can read it.
        send("GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1\r\nX-Ultrapeer: False\r\nBye-Packet: 0.1\r\n\r\n");
        HandshakeMessage answer = readStep();
        if (answer.firstLine().contains(" 200 ")) {
            send("GNUTELLA/0.6 200 OK\r\n" + (deflateOut ? "Content-Encoding: deflate\r\n" : "") + "\r\n");
            if (deflateOut) {
                deflateOutput();
            }
        }
        return answer;
    }

    /** Writes frames as one write, deflated if the output is; returns the bytes written. */
    public int sendFrames(java.util.List<Frame> frames) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Frame f : frames) {
            all.writeBytes(f.toBytes());
        }
        return sendStream(all.toByteArray());
    }

    /**
     * Writes bytes of the frame stream as one write, deflated if the output is (unlike {@link
     * #send}, which writes them as they are); returns the bytes written.
     */
    public int sendStream(byte[] bytes) throws IOException {
        if (deflater != null) {
            deflater.setInput(bytes);
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                packed.write(buf, 0, n);
            } while (n == buf.length || !deflater.needsInput());
            bytes = packed.toByteArray();
        }
        send(bytes);
        return bytes.length;
    }

    public void deflateOutput() {
        deflater = new Deflater();
    }

    public void inflateInput() {
        inflater = new Inflater();
    }

    public void sendFrame(Frame f) throws IOException {
        byte[] bytes = f.toBytes();
        if (deflater != null) {
            deflater.setInput(bytes);
            byte[] buf = new byte[bytes.length + 64];
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                packed.write(buf, 0, n);
            } while (n == buf.length);
            bytes = packed.toByteArray();
        }
        send(bytes);
    }

    public Frame readFrame() throws IOException, FramingException {
        byte[] head = readPlain(Header.SIZE);
        Header h = Header.read(ByteBuffer.wrap(head), 1 << 20);
        return new Frame(h, readPlain(h.payloadLength()));
    }

    /** Reads frames until one is {@code wanted} and returns it, skipping the rest (pongs, QRP, ...). */
    public Frame readUntil(Predicate<Frame> wanted) throws IOException, FramingException {
        while (true) {
            Frame f = readFrame();
            if (wanted.test(f)) {
                return f;
            }
        }
    }

    /** Reads frames until one of {@code type} comes and returns it. */
    public Frame readUntil(byte type) throws IOException, FramingException {
        return readUntil(f -> f.header().type() == type);
    }

    private byte[] readPlain(int n) throws IOException {
        if (inflater == null) {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new EOFException("closed");
            }
            return b;
        }
        while (plain.size() - plainPos < n) {
            byte[] buf = new byte[4096];
            int r = in.read(buf);
            if (r < 0) {
                throw new EOFException("closed");
            }
            inflater.setInput(buf, 0, r);
            byte[] outBuf = new byte[16384];
            try {
                int k;
                while ((k = inflater.inflate(outBuf)) > 0) {
                    plain.write(outBuf, 0, k);
                }
            } catch (DataFormatException e) {
                throw new IOException(e);
            }
        }
        byte[] all = plain.toByteArray();
        byte[] result = java.util.Arrays.copyOfRange(all, plainPos, plainPos + n);
        plainPos += n;
        return result;
    }

    /** True once the other side has closed (read returns -1); false if it stays open for the timeout. */
    public boolean closedWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            byte[] drain = new byte[4096];
            while (true) {
                if (in.read(drain) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by peer
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    /** For reads that must wait longer than the default 5 s, or forever (0). */
    public void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    public int readByte() throws IOException {
        return in.read();
    }

    public static Frame frame(byte type, int ttl, int hops, byte[] payload) {
        return new Frame(new Header(Guid.random(), type, ttl, hops, payload.length), payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
