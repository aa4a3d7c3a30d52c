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
 * it was incomplete. Requests coalesce: the newest set of done chunks replaces one still waiting.
 *
 * <p>The flush goes through a channel of its own, so closing the part file never waits for it.
 */
final class Checkpointer {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final PartFile part;
    private final Executor executor;
    private final FileChannel syncChannel;
    private BitSet waiting;
    private boolean busy;
    private boolean closed;

    Checkpointer(PartFile part, Executor executor) throws IOException {
        this.part = part;
        this.executor = executor;
        this.syncChannel = FileChannel.open(part.partPath(), StandardOpenOption.READ);
    }

    /** Records {@code done} in the background; returns at once. */
    synchronized void request(BitSet done) {
        if (closed) {
            return;
        }
        waiting = done;
        if (!busy) {
            busy = true;
            executor.execute(this::drain);
        }
    }

    /** Waits for a background checkpoint still running, then records {@code done} before returning. */
    void now(BitSet done) throws IOException, InterruptedException {
        synchronized (this) {
            waiting = null;
            while (busy) {
                wait();
            }
        }
        part.checkpoint(done);
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
