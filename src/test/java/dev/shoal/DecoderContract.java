package dev.shoal;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What every decoder promises whatever bytes it is given, checked by the fuzz targets on each
 * input: it returns or throws one of its own typed exceptions, never anything else, and it
 * allocates at most a stated number of bytes. A typed exception that wraps a runtime exception
 * other than {@link IllegalArgumentException} (the value constructors' validation) is a bug
 * dressed up, and fails as well.
 *
 * <p>Allocation is not judged on a call that loaded a class: loading (and the fuzzer's
 * instrumentation of what it loads) allocates in the calling thread, and the next input that
 * takes the same path is judged instead.
 */
public final class DecoderContract {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    /** One decoding step. */
    @FunctionalInterface
    public interface Decoding {
        void run() throws Exception;
    }

    private final long maxAllocated;
    private final List<Class<? extends Exception>> typed;

    private DecoderContract(long maxAllocated, List<Class<? extends Exception>> typed) {
        this.maxAllocated = maxAllocated;
        this.typed = typed;
    }

    /** A decoder that may throw only {@code typed} and allocate at most {@code maxAllocated} bytes per input. */
    @SafeVarargs
    public static DecoderContract of(long maxAllocated, Class<? extends Exception>... typed) {
        return new DecoderContract(maxAllocated, List.of(typed));
    }

    /** Runs {@code decoding}; true if it returned, false if it threw a typed exception; else fails. */
    public boolean holds(Decoding decoding) {
        long classes = CLASSES.getTotalLoadedClassCount();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        boolean returned = false;
        try {
            decoding.run();
            returned = true;
        } catch (Exception e) {
            if (typed.stream().noneMatch(t -> t.isInstance(e))) {
                throw new AssertionError("untyped exception out of a decoder: " + e, e);
            }
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof RuntimeException && !(c instanceof IllegalArgumentException)) {
                    throw new AssertionError("a bug wrapped in a typed exception: " + c, e);
                }
            }
        }
        long used = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (used > maxAllocated && CLASSES.getTotalLoadedClassCount() == classes) {
            throw new AssertionError("decoding allocated " + used + " bytes, more than its bound of " + maxAllocated);
        }
        return returned;
    }
}
