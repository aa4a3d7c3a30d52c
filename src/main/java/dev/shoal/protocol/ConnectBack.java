package dev.shoal.protocol;

/**
 * TCP connect-back, how a servent learns whether others can reach it: it sends BEAR/7 v1 (body: its
 * listening port, LE16; TTL 1, hops 0) to a peer, which connects to that port at the address the
 * request came from and says {@link #LINE} (LimeWire) or just an empty line (gtk-gnutella's
 * {@code "\n\n"}), then closes. Receiving either proves that we take incoming connections.
 */
public final class ConnectBack {
    public static final String VENDOR = "BEAR";
    public static final int SELECTOR = 7;
    public static final int VERSION = 1;
    /** The first line of a connect-back probe. */
    public static final String LINE = "CONNECT BACK";
    /** What we send when we connect back: LimeWire's form. */
    public static final String PROBE = LINE + "\r\n\r\n";

    private ConnectBack() {
    }

    /** BEAR/7 v1 asking for a connection to {@code port}. */
    public static VendorMessage request(int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("a connect-back port is 1..65535, got " + port);
        }
        return new VendorMessage(VENDOR, SELECTOR, VERSION, new ByteWriter().le16(port).toByteArray());
    }

    public static boolean isRequest(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, SELECTOR);
    }

    /** The port a BEAR/7 asks for. */
    public static int port(VendorMessage request) throws BadMessageException {
        if (!isRequest(request)) {
            throw new IllegalArgumentException("not a TCP connect-back request: " + request);
        }
        int port = new ByteReader(request.body()).le16("connect-back port");
        if (port == 0) {
            throw new BadMessageException("connect-back to port 0");
        }
        return port;
    }

    /** True for the first line of a probe: {@link #LINE}, or the empty line gtk-gnutella sends. */
    public static boolean isProbe(String firstLine) {
        return firstLine.isEmpty() || firstLine.equals(LINE);
    }
}
