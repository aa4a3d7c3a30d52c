package dev.shoal.protocol;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The GGEP extensions of a Pong that say something about hosts: {@code DU} (the host's average
 * daily uptime in seconds, LE minimal int), {@code UP} (it is an ultrapeer: a version byte, then its
 * free leaf slots and free ultrapeer slots) and {@code IPP} (other hosts, 6 bytes each: IPv4 in
 * network order, port LE16). Readers are lenient: a malformed value reads as absent.
 */
public final class PongExtensions {
    public static final String DAILY_UPTIME = "DU";
    public static final String ULTRAPEER = "UP";
    public static final String PACKED_HOSTS = "IPP";
    /** gtk-gnutella caps {@code DU} at a day. */
    public static final long MAX_DAILY_UPTIME_SECONDS = 86_400;

    private PongExtensions() {
    }

    /** Free slots an ultrapeer announced with {@code UP}. */
    public record FreeSlots(int leaves, int ultrapeers) {
        public FreeSlots {
            if (leaves < 0 || leaves > 255 || ultrapeers < 0 || ultrapeers > 255) {
                throw new IllegalArgumentException("free slots are one byte each: " + leaves + ", " + ultrapeers);
            }
        }
    }

    public static OptionalLong dailyUptimeSeconds(Ggep ggep) {
        Optional<byte[]> v = ggep.get(DAILY_UPTIME);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Ggep.decodeLong(v.get()));
        } catch (BadMessageException e) {
            return OptionalLong.empty();
        }
    }

    public static Optional<FreeSlots> freeSlots(Ggep ggep) {
        return ggep.get(ULTRAPEER).filter(v -> v.length >= 3)
                .map(v -> new FreeSlots(v[1] & 0xFF, v[2] & 0xFF));
    }

    /** The hosts of {@code IPP}; an entry with port 0 is skipped, a trailing partial entry ignored. */
    public static List<InetSocketAddress> packedHosts(Ggep ggep) {
        return PackedHosts.decode(ggep.get(PACKED_HOSTS).orElse(new byte[0]));
    }

    /** {@code DU}: seconds, capped at a day as gtk-gnutella does. */
    public static GgepExtension dailyUptime(long seconds) {
        long capped = Math.max(0, Math.min(seconds, MAX_DAILY_UPTIME_SECONDS));
        return GgepExtension.of(DAILY_UPTIME, Ggep.encodeLong(capped));
    }

    /** {@code UP}: version 0 (as LimeWire writes), then the free slots, each capped at 255. */
    public static GgepExtension ultrapeer(int freeLeaves, int freeUltrapeers) {
        return GgepExtension.of(ULTRAPEER, new byte[] {0, (byte) clamp(freeLeaves), (byte) clamp(freeUltrapeers)});
    }

    public static GgepExtension packedHosts(List<InetSocketAddress> hosts) {
        ByteWriter w = new ByteWriter();
        for (InetSocketAddress a : hosts) {
            ByteWriter.requireIpv4(a, "IPP host");
            w.ipv4(a).le16(a.getPort());
        }
        return GgepExtension.of(PACKED_HOSTS, w.toByteArray());
    }

    private static int clamp(int n) {
        return Math.max(0, Math.min(255, n));
    }
}
