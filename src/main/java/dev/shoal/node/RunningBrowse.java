package dev.shoal.node;

import dev.shoal.node.api.Browse;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.QueryHit;
import dev.shoal.transfer.browse.BrowseFailure;
import dev.shoal.transfer.download.SourceLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browse as the caller holds it, and the state its thread, its timers and the caller share:
 * the connection (closed to stop or cut off a blocked read), the bytes read (the watchdog's
 * evidence of life) and the files so far. {@link #close()} and the timers may come from any thread.
 */
final class RunningBrowse implements Browse {
    private static final Logger log = LoggerFactory.getLogger(RunningBrowse.class);

    private final InetSocketAddress address;
    private final Guid serventId;
    private final SearchResults results;
    private final SearchListener listener;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytesRead = new AtomicLong();
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    private long bytesAtLastCheck = -1;
    private volatile boolean truncated;
    private volatile boolean stopped;
    private volatile String cutOff;
    private SourceLink link;

    /** @param serventId the servent to Push, or null to dial {@code address} */
    RunningBrowse(InetSocketAddress address, Guid serventId, SearchResults results, SearchListener listener) {
        this.address = address;
        this.serventId = serventId;
        this.results = results;
        this.listener = listener;
    }

    @Override
    public String host() {
        return HostPort.display(address);
    }

    @Override
    public List<SearchResult> results() {
        return results.snapshot();
    }

    @Override
    public int filesReceived() {
        return files.get();
    }

    @Override
    public CompletableFuture<Integer> done() {
        return done;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void close() {
        stopped = true;
        onStop.forEach(Runnable::run);
        closeLink();
    }

    InetSocketAddress address() {
        return address;
    }

    Guid serventId() {
        return serventId;
    }

    /** Bytes read from the host so far (the watchdog's evidence of life). */
    long bytesRead() {
        return bytesRead.get();
    }

    boolean isStopped() {
        return stopped;
    }

    void onStop(Runnable r) {
        onStop.add(r);
        if (stopped) {
            r.run();
        }
    }

    /** Takes the connection; false when the browse was stopped meanwhile (the caller closes it). */
    synchronized boolean attach(SourceLink l) {
        if (stopped || cutOff != null) {
            return false;
        }
        link = l;
        return true;
    }

    synchronized void closeLink() {
        if (link != null) {
            link.close();
        }
    }

    /** Ends a blocked read with a reason the user is told. */
    void cutOff(String why) {
        cutOff = why;
        closeLink();
    }

    /** The watchdog's tick: cuts the browse off when no byte came since the previous tick. */
    synchronized void checkProgress(String why) {
        long now = bytesRead.get();
        if (now == bytesAtLastCheck) {
            cutOff = why;
            if (link != null) {
                link.close();
            }
        }
        bytesAtLastCheck = now;
    }

    /** Each result of a hit, as it arrives. */
    void deliver(Header header, QueryHit hit) {
        for (QueryHit.Result r : hit.results()) {
            SearchHit h = BrowseClient.hitOf(header, hit, r, serventId == null ? address : null);
            results.add(h);
            files.incrementAndGet();
            try {
                listener.onHit(h);
            } catch (RuntimeException e) {
                log.warn("browse listener failed on {}", h, e);
            }
        }
    }

    void finished(int count, boolean cut) {
        truncated = cut;
        done.complete(count);
    }

    void failed(ShoalException e) {
        done.completeExceptionally(e);
    }

    /** The browse's thread ended on {@code e}: a stop, a cut-off, a refusal or a broken connection. */
    void ended(Throwable e) {
        if (stopped) {
            done.complete(files.get());
            return;
        }
        String why;
        if (cutOff != null) {
            why = "cut off: " + cutOff;
        } else if (e instanceof ShoalException || e instanceof BrowseFailure) {
            why = e.getMessage();
        } else {
            why = "the connection broke: " + BrowseClient.message(e);
        }
        log.info("browse of {} ended after {} files: {}", host(), files.get(), why);
        done.completeExceptionally(new ShoalException("cannot browse " + host() + ": " + why, e));
    }

    /** The connection's input, counted for the watchdog. */
    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = link.read(ByteBuffer.wrap(b, off, len));
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                link.write(ByteBuffer.wrap(b, off, len));
            }
        };
    }
}
