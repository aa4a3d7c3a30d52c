package dev.shoal.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Where the UI runs every facade call that may block (starting a search, connecting, re-sharing
 * folders, starting downloads, writing settings). Results and failures come back on the EDT.
 */
final class Background implements AutoCloseable {
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shoal-ui-worker-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Throwable> defaultFailure;

    /** @param defaultFailure told on the EDT about failures of work submitted without its own handler */
    Background(Consumer<Throwable> defaultFailure) {
        this.defaultFailure = defaultFailure;
    }

    <T> void call(Callable<T> work, Consumer<T> onSuccess) {
        call(work, onSuccess, defaultFailure);
    }

    <T> void call(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                Throwable cause = unwrap(e);
                SwingUtilities.invokeLater(() -> onFailure.accept(cause));
                return;
            }
            SwingUtilities.invokeLater(() -> onSuccess.accept(result));
        });
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        }, ignored -> {
        });
    }

    /** Waits for {@code future} off the EDT and reports its outcome on the EDT. */
    <T> void await(CompletableFuture<T> future, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        future.whenComplete((v, e) -> SwingUtilities.invokeLater(() -> {
            if (e == null) {
                onSuccess.accept(v);
            } else {
                onFailure.accept(unwrap(e));
            }
        }));
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable e) {
        Throwable t = unwrap(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
