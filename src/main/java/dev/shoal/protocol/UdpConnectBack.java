package dev.shoal.protocol;

/**
 * UDP connect-back, how a servent learns whether datagrams nobody asked for reach it (the condition
 * for out-of-band hits): it sends GTKG/7 to a TCP peer, which answers with a UDP Ping to the
 * request's address at the port asked for. The ping's GUID ties it to the request.
 *
 * <p>Version 2, which we send, carries only the port (LE16) and the message's own GUID is the one
 * the ping uses. Version 1, which LimeWire sent, follows the port with that GUID (16 bytes); we
 * accept both.
 */
public final class UdpConnectBack {
    public static final String VENDOR = "GTKG";
    public static final int SELECTOR = 7;
    public static final int VERSION = 2;
    private static final int V1_BODY = 2 + Guid.LENGTH;

    /** What a request asks for: a UDP Ping with {@code guid} to {@code port}. */
    public record Ask(int port, Guid guid) {
    }

    private UdpConnectBack() {
    }

    /** GTKG/7 v2 asking for a UDP Ping to {@code port}; send it with the GUID the ping must carry. */
    public static VendorMessage request(int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("a connect-back port is 1..65535, got " + port);
        }
        return new VendorMessage(VENDOR, SELECTOR, VERSION, new ByteWriter().le16(port).toByteArray());
    }

    public static boolean isRequest(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, SELECTOR);
    }

    /** What a GTKG/7 of either version asks for; {@code messageGuid} is its header's GUID. */
    public static Ask ask(VendorMessage request, Guid messageGuid) throws BadMessageException {
        if (!isRequest(request)) {
            throw new IllegalArgumentException("not a UDP connect-back request: " + request);
        }
        ByteReader r = new ByteReader(request.body());
        int port = r.le16("UDP connect-back port");
        if (port == 0) {
            throw new BadMessageException("UDP connect-back to port 0");
        }
        if (request.version() == 1) {
            if (request.body().length != V1_BODY) {
                throw new BadMessageException("GTKG/7 v1 needs a port and a GUID, got "
                        + request.body().length + " bytes");
            }
            return new Ask(port, Guid.of(r.bytes(Guid.LENGTH, "UDP connect-back GUID")));
        }
        return new Ask(port, messageGuid);
    }
}
