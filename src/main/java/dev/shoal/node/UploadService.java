package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.library.SharedFile;
import dev.shoal.net.HttpGateway;
import dev.shoal.net.HttpSession;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.UploadInfo;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import dev.shoal.time.Clock;
import dev.shoal.time.Scheduler;
import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.http.ByteRange;
import dev.shoal.transfer.upload.Bandwidth;
import dev.shoal.transfer.upload.BrowseResponder;
import dev.shoal.transfer.upload.HttpUploadHandler;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.SharedFileLookup;
import dev.shoal.transfer.upload.SharedList;
import dev.shoal.transfer.upload.UploadListener;
import dev.shoal.transfer.upload.UploadSlots;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves shared files over HTTP on the Gnutella port: the network layer hands over connections
 * whose first line is HTTP, the transfer layer answers them from the library (files, and the whole
 * list to a browse host request), and this class keeps the list of uploads for the UI.
 */
final class UploadService implements HttpGateway {
    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final int RECENT_UPLOADS = 50;

    private final HttpUploadHandler handler;
    private final Bandwidth bandwidth;
    private final UploadSlots slots;
    private final Clock clock;
    private final Consumer<NodeEvent> events;
    private final Map<Long, UploadInfo> active = new ConcurrentHashMap<>();
    private final Deque<UploadInfo> recent = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final Tracker tracker = new Tracker();

    /**
     * {@code scheduler} paces limited uploads and times the upload queue; {@code shared} is what a
     * browse host request gets, while {@code browsable} says yes.
     */
    UploadService(Supplier<Library> library, int uploadSlots, long limitBytesPerSecond, AltLocs mesh, String serverName,
            Scheduler scheduler, Consumer<NodeEvent> events, SharedList shared, BooleanSupplier browsable) {
        this.bandwidth = new Bandwidth(limitBytesPerSecond, scheduler);
        this.slots = new UploadSlots(uploadSlots, Duration.ofSeconds(60), perAddress(uploadSlots));
        this.clock = scheduler.clock();
        this.events = events;
        this.handler = new HttpUploadHandler(new LibraryLookup(library), slots, bandwidth, tracker,
                serverName, mesh, clock, new BrowseResponder(shared, browsable, bandwidth, tracker, serverName));
    }

    @Override
    public void serve(HttpSession session) throws IOException {
        // The network layer consumed the request line to pick HTTP; the handler reads it again.
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream((session.firstLine() + "\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                session.in());
        try {
            // File bodies go out as file regions: no copy through the heap.
            handler.serve(in, session.out(), (file, channel, offset, length) -> session.sendFile(file, offset, length),
                    session.remoteAddress(), session.localAddress());
        } finally {
            tracker.connectionClosed(session.remoteAddress());
        }
    }

    /** Serves HTTP requests on a connection we opened ourselves (a push callback). */
    void serve(InputStream in, OutputStream out, InetSocketAddress remote) throws IOException {
        try {
            handler.serve(in, out, remote);
        } finally {
            tracker.connectionClosed(remote);
        }
    }

    List<UploadInfo> uploads() {
        List<UploadInfo> all = new ArrayList<>(active.values());
        synchronized (recent) {
            all.addAll(recent);
        }
        return all;
    }

    long bytesSent() {
        return bytesSent.get();
    }

    /** One address may hold half the slots (at least one), so one host can never take them all. */
    static int perAddress(int slots) {
        return Math.max(1, slots / 2);
    }

    /** Upload requests told to wait only because their address held its share of the slots. */
    long refusedForAddress() {
        return slots.refusedForAddress();
    }

    void setLimit(long bytesPerSecond) {
        bandwidth.setRate(bytesPerSecond);
    }

    void setSlots(int n) {
        slots.setSlots(n);
    }

    /**
     * Keeps the upload list and logs each upload: a downloader asks for many ranges of a file over
     * one connection, so the log says when a peer starts on a file and what it got when it leaves.
     */
    private final class Tracker implements UploadListener {
        private static final long PROGRESS_EVERY_MILLIS = 250;
        private final Map<String, Long> current = new ConcurrentHashMap<>();
        private final Map<Long, Long> lastPublished = new ConcurrentHashMap<>();
        private final Map<InetSocketAddress, Map<String, AtomicLong>> perConnection = new ConcurrentHashMap<>();

        @Override
        public void uploadStarted(InetSocketAddress remote, ServedFile file, ByteRange range) {
            if (perConnection.computeIfAbsent(remote, r -> new ConcurrentHashMap<>())
                    .putIfAbsent(file.name(), new AtomicLong()) == null) {
                log.info("uploading {} to {}", file.name(), HostPort.format(remote));
            }
            long id = ids.incrementAndGet();
            current.put(key(remote, file, range), id);
            UploadInfo info = new UploadInfo(id, HostPort.format(remote), file.name(), 0, range.length(), false);
            active.put(id, info);
            events.accept(new NodeEvent.UploadChanged(info));
        }

        @Override
        public void uploadProgress(InetSocketAddress remote, ServedFile file, ByteRange range, long sent) {
            Long id = current.get(key(remote, file, range));
            if (id == null) {
                return;
            }
            UploadInfo before = active.get(id);
            long now = clock.millis();
            Long last = lastPublished.get(id);
            UploadInfo info = new UploadInfo(id, HostPort.format(remote), file.name(), sent, range.length(), false);
            active.put(id, info);
            // Slices can come hundreds of times a second on loopback: tell listeners a few times a second.
            if (before != null && (last == null || now - last >= PROGRESS_EVERY_MILLIS)) {
                lastPublished.put(id, now);
                events.accept(new NodeEvent.UploadChanged(info));
            }
        }

        @Override
        public void uploadFinished(InetSocketAddress remote, ServedFile file, ByteRange range, long sent,
                boolean complete) {
            bytesSent.addAndGet(sent);
            Map<String, AtomicLong> files = perConnection.get(remote);
            AtomicLong perFile = files == null ? null : files.get(file.name());
            if (perFile != null) {
                perFile.addAndGet(sent);
            }
            Long id = current.remove(key(remote, file, range));
            if (id == null) {
                return;
            }
            active.remove(id);
            lastPublished.remove(id);
            UploadInfo done = new UploadInfo(id, HostPort.format(remote), file.name(), sent, range.length(), true);
            synchronized (recent) {
                recent.addFirst(done);
                while (recent.size() > RECENT_UPLOADS) {
                    recent.removeLast();
                }
            }
            events.accept(new NodeEvent.UploadChanged(done));
        }

        @Override
        public void browseServed(InetSocketAddress remote, long files, long bytes, boolean complete) {
            bytesSent.addAndGet(bytes);
            log.info("{} browsed our {} files: {} bytes sent{}", HostPort.format(remote), files, bytes,
                    complete ? "" : ", then the connection broke");
        }

        void connectionClosed(InetSocketAddress remote) {
            Map<String, AtomicLong> files = perConnection.remove(remote);
            if (files != null) {
                files.forEach((name, sent) -> log.info("upload of {} to {} ended: {} bytes sent", name,
                        HostPort.format(remote), sent.get()));
            }
        }

        private String key(InetSocketAddress remote, ServedFile file, ByteRange range) {
            return remote + "|" + file.urn() + "|" + range;
        }
    }

    /** The library as the transfer layer sees it: only indexed files can ever be served. */
    private record LibraryLookup(Supplier<Library> library) implements SharedFileLookup {
        @Override
        public Optional<ServedFile> byUrn(Urn urn) {
            return library.get().byUrn(urn).map(LibraryLookup::served);
        }

        @Override
        public Optional<ServedFile> byIndex(long index) {
            return library.get().byIndex(index).map(LibraryLookup::served);
        }

        @Override
        public Optional<HashTree> tree(Urn urn) {
            return library.get().tree(urn);
        }

        private static ServedFile served(SharedFile f) {
            return new ServedFile(f.index(), f.name(), f.path(), f.size(), f.urn(), f.tigerRoot());
        }
    }
}
