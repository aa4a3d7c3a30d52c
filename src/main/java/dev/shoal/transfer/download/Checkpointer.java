package dev.shoal.transfer.download;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a download's completed chunks off the coordinator's thread. Making a fast download's
 * part file durable can take most of a second, and meanwhile the coordinator must keep hashing
 * and be free to finish: a finished download does not wait for a flush that only mattered while
 * it was incomplete. Requests coalesce: the newest set of done chunks replaces one still waiting,
 * and a set already recorded is not written again. Only this class knows what is on disk: the
 * download once skipped a forced checkpoint because the same set had been requested, and the
 * request, still waiting behind a slow flush, was then dropped by {@link #close}. The sets handed
 * in are snapshots the caller never changes again, so they are kept as they are.
 *
 * <p>The flush goes through a channel of its own, so closing the part file never waits for it.
 */
final class Checkpointer {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final PartFile part;
    private final Executor executor;
    private final FileChannel syncChannel;
    private BitSet waiting;
    /** The set the state file holds: resumed from it, or written since. */
    private BitSet recorded;
    private boolean busy;
    private boolean closed;

    /** {@code recorded}: the chunks the part file's state already holds. */
    Checkpointer(PartFile part, Executor executor, BitSet recorded) throws IOException {
        this.part = part;
        this.executor = executor;
        this.recorded = (BitSet) recorded.clone();
        this.syncChannel = FileChannel.open(part.partPath(), StandardOpenOption.READ);
    }

    /** Records {@code done} in the background, unless it is recorded or waiting already; returns at once. */
    synchronized void request(BitSet done) {
        if (closed || done.equals(waiting) || waiting == null && !busy && done.equals(recorded)) {
            return;
        }
        waiting = done;
        if (!busy) {
            busy = true;
            executor.execute(this::drain);
        }
    }

    /**
     * Waits for a background checkpoint still running, then records {@code done} before returning
     * (at once if it is what the state holds). A set waiting in the background is dropped: {@code
     * done} is newer.
     */
    void now(BitSet done) throws IOException, InterruptedException {
        synchronized (this) {
            waiting = null;
            while (busy) {
                wait();
            }
            if (done.equals(recorded)) {
                return;
            }
        }
        part.checkpoint(done);
        synchronized (this) {
            recorded = done;
        }
    }

    /** Starts no more checkpoints; one running finishes its flush, but records nothing once the state is deleted. */
    synchronized void close() {
        closed = true;
        waiting = null;
        if (!busy) {
            closeChannel();
        }
    }

    private void drain() {
        while (true) {
            BitSet next;
            synchronized (this) {
                next = waiting;
                waiting = null;
                if (next == null || closed) {
                    busy = false;
                    if (closed) {
                        closeChannel();
                    }
                    notifyAll();
                    return;
                }
            }
            try {
                syncChannel.force(false);
                part.recordState(next);
                synchronized (this) {
                    recorded = next;
                }
            } catch (IOException e) {
                // The previous state stays: a resume fetches these chunks again.
                log.warn("cannot checkpoint {}: {}", part, e.toString());
            }
        }
    }

    private void closeChannel() {
        try {
            syncChannel.close();
        } catch (IOException e) {
            log.debug("closing {}", part, e);
        }
    }
}
