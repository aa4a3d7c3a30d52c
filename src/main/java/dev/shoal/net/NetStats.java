package dev.shoal.net;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The network layer at one instant, for logs, the UI and {@code shoal stats}.
 *
 * @param links           established Gnutella links
 * @param handshaking     accepted or dialled sockets not yet a link nor an HTTP session
 * @param httpSessions    HTTP sessions being served
 * @param bannedAddresses addresses banned now for connecting too often
 * @param drops           every {@link DropReason} with its count so far, in declaration order
 */
public record NetStats(int links, int handshaking, int httpSessions, int bannedAddresses, Map<DropReason, Long> drops) {
    public NetStats {
        drops = Collections.unmodifiableMap(drops.isEmpty() ? new EnumMap<>(DropReason.class) : new EnumMap<>(drops));
    }
}
