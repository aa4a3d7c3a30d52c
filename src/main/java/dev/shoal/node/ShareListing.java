package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.library.SharedFile;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.QueryHit;
import dev.shoal.transfer.upload.SharedList;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Our library as a browse host answer: every shared file, by index, {@link QueryHit#MAX_RESULTS}
 * to a hit, each result as our query answers carry it. Hits go out as gtk-gnutella sends them:
 * an all-zero GUID (no query asked for them), TTL 1, hops 0. A hit is built only when the
 * browse takes it.
 */
final class ShareListing implements SharedList {
    static final int TTL = 1;

    private final Supplier<Library> library;
    private final Guid serventId;
    private final Supplier<InetSocketAddress> bound;

    /** @param bound the address we listen on, once bound */
    ShareListing(Supplier<Library> library, Guid serventId, Supplier<InetSocketAddress> bound) {
        this.library = library;
        this.serventId = serventId;
        this.bound = bound;
    }

    @Override
    public Iterator<Frame> hits(InetSocketAddress local) {
        List<SharedFile> files = library.get().all();
        InetSocketAddress advertised = advertised(local);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < files.size();
            }

            @Override
            public Frame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(files.size(), next + QueryHit.MAX_RESULTS);
                List<QueryHit.Result> results = new ArrayList<>(end - next);
                for (SharedFile f : files.subList(next, end)) {
                    results.add(QueryHit.Result.of(f.index(), f.size(), f.name(), f.urn()));
                }
                next = end;
                return MessageCodec.frame(Guid.ZERO, TTL, 0, OwnHits.of(results, advertised, serventId, true, null));
            }
        };
    }

    /**
     * The address the browser reached us at, with our listening port (a push callback's socket
     * has a port of its own); without one, the address we advertise anyway.
     */
    private InetSocketAddress advertised(InetSocketAddress local) {
        InetSocketAddress ours = bound.get();
        if (local != null && local.getAddress() instanceof Inet4Address ip && !ip.isAnyLocalAddress()) {
            return new InetSocketAddress(ip, ours.getPort());
        }
        return AdvertisedAddress.of(ours, Optional.empty());
    }
}
