package dev.shoal.transfer.upload;

import dev.shoal.protocol.Frame;
import java.net.InetSocketAddress;
import java.util.Iterator;

/** Everything we share, as the QueryHit messages a browse host answer streams. */
@FunctionalInterface
public interface SharedList {
    /**
     * The messages, built as they are taken (a few files each), so that a browse of a large
     * library never holds it all encoded at once.
     *
     * @param local the address the browser reached us at, or null on a connection we opened
     *     (a push callback): the hits say where to download from
     */
    Iterator<Frame> hits(InetSocketAddress local);
}
