package dev.shoal.protocol;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Push proxies: a firewalled leaf asks each of its ultrapeers with LIME/21 v2 (empty body, the
 * message GUID is the leaf's servent id) to forward Pushes for it; an ultrapeer that agrees
 * answers LIME/22 v2 (body: its IPv4 and port, {@link PackedHosts} form; same GUID). The leaf lists
 * the proxies that agreed in its hits as GGEP {@link #HIT_KEY} (at most {@link #MAX_IN_HIT}), and a
 * downloader asks one of them over HTTP ({@link #PATH}) to send the leaf a Push.
 */
public final class PushProxy {
    public static final String VENDOR = "LIME";
    public static final int REQUEST = 21;
    public static final int ACK = 22;
    public static final int VERSION = 2;
    /** The query hit trailer's GGEP key listing the proxies. */
    public static final String HIT_KEY = "PUSH";
    /** LimeWire lists at most 4 proxies in a hit (gtk-gnutella 8); we send 4 and read up to 8. */
    public static final int MAX_IN_HIT = 4;
    public static final int MAX_READ = 8;
    /** The HTTP resource of a push proxy (LimeWire); gtk-gnutella also answers {@link #GTKG_PATH}. */
    public static final String PATH = "/gnutella/push-proxy";
    public static final String GTKG_PATH = "/gnet/push-proxy";

    private PushProxy() {
    }

    /** What a downloader asks a push proxy for: a Push to {@code serventId} for file {@code fileIndex}. */
    public record Request(Guid serventId, long fileIndex) {
        public Request {
            if (serventId == null) {
                throw new IllegalArgumentException("a push proxy request names a servent");
            }
            Pong.checkU32(fileIndex, "file index");
        }

        /** {@code /gnutella/push-proxy?ServerID=<base32 servent id>&file=<index>}. */
        public String target() {
            return PATH + "?ServerID=" + Base32.encode(serventId.toBytes()) + "&file=" + fileIndex;
        }
    }

    /** True for a request target on either push proxy path. */
    public static boolean isProxyTarget(String target) {
        return target.startsWith(PATH + "?") || target.startsWith(GTKG_PATH + "?");
    }

    /**
     * Reads a push proxy request target: {@code ServerID} (Base32, any case, as LimeWire sends) or
     * {@code guid} (hex, as gtk-gnutella also takes), and optionally {@code file} (the index; 0 when
     * absent, as the proposal's proxies send).
     */
    public static Request parseTarget(String target) throws BadMessageException {
        if (!isProxyTarget(target)) {
            throw new BadMessageException("not a push proxy request: " + target);
        }
        Guid servent = null;
        long index = 0;
        for (String param : target.substring(target.indexOf('?') + 1).split("&")) {
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : param.substring(eq + 1);
            try {
                if (key.equalsIgnoreCase("ServerID")) {
                    servent = value.length() == 26 ? Guid.of(Base32.decode(value)) : null;
                } else if (key.equalsIgnoreCase("guid")) {
                    servent = value.length() == 32 ? Guid.fromHex(value) : null;
                } else if (key.equalsIgnoreCase("file")) {
                    index = Long.parseLong(value);
                }
            } catch (IllegalArgumentException e) {
                throw new BadMessageException("bad " + key + " in push proxy request", e);
            }
            if (servent == null && (key.equalsIgnoreCase("ServerID") || key.equalsIgnoreCase("guid"))) {
                throw new BadMessageException("bad servent id in push proxy request");
            }
        }
        if (servent == null) {
            throw new BadMessageException("push proxy request without a servent id");
        }
        if (index < 0 || index > 0xFFFFFFFFL) {
            throw new BadMessageException("file index out of range in push proxy request: " + index);
        }
        return new Request(servent, index);
    }

    public static VendorMessage request() {
        return new VendorMessage(VENDOR, REQUEST, VERSION, new byte[0]);
    }

    public static VendorMessage ack(InetSocketAddress proxy) {
        return new VendorMessage(VENDOR, ACK, VERSION, PackedHosts.encode(List.of(proxy)));
    }

    public static boolean isRequest(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, REQUEST);
    }

    public static boolean isAck(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, ACK);
    }

    /** The proxy address a LIME/22 v2 carries. */
    public static InetSocketAddress proxyOf(VendorMessage ack) throws BadMessageException {
        if (!isAck(ack)) {
            throw new IllegalArgumentException("not a push proxy acknowledgement: " + ack);
        }
        List<InetSocketAddress> hosts = PackedHosts.decode(ack.body());
        if (ack.body().length < PackedHosts.ENTRY || hosts.isEmpty()) {
            throw new BadMessageException("push proxy acknowledgement without an address");
        }
        return hosts.get(0);
    }

    /** The {@link #HIT_KEY} extension for a hit, or empty GGEP when there are no proxies. */
    public static Ggep inHit(List<InetSocketAddress> proxies) {
        if (proxies.isEmpty()) {
            return Ggep.EMPTY;
        }
        return Ggep.of(GgepExtension.of(HIT_KEY,
                PackedHosts.encode(proxies.subList(0, Math.min(MAX_IN_HIT, proxies.size())))));
    }

    /** The proxies a hit lists, at most {@link #MAX_READ}; malformed entries are skipped. */
    public static List<InetSocketAddress> ofHit(QueryHit hit) {
        List<InetSocketAddress> all = PackedHosts.decode(hit.trailerGgep().get(HIT_KEY).orElse(new byte[0]));
        return all.subList(0, Math.min(MAX_READ, all.size()));
    }
}
