package dev.shoal.node;

import dev.shoal.net.DaemonThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The node's blocking work (answers, browses, probes, push-proxy requests) runs on small pools of
 * daemon threads, each bounded in threads and waiting tasks so that no peer can make it grow, and
 * each letting its threads go after {@value #IDLE_SECONDS} s idle, so that an idle node holds none.
 */
final class NodeThreads {
    static final int IDLE_SECONDS = 30;

    private NodeThreads() {
    }

    /** Up to {@code threads} threads named {@code name-1}, {@code name-2}…, and {@code queued} tasks waiting. */
    static ThreadPoolExecutor bounded(String name, int threads, int queued) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued), daemons(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Daemon threads named {@code name-1}, {@code name-2}…, for pools of another shape. */
    static ThreadFactory daemons(String name) {
        return DaemonThreads.named(name);
    }
}
