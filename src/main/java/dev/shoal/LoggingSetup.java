package dev.shoal;

import org.slf4j.LoggerFactory;

/**
 * Logback set up on a thread of its own at start. It takes a cold JVM about 40 ms, which then run
 * on the other core while picocli reads the command line, instead of on the way to {@code shoal
 * get}'s first byte. Whatever runs after {@link #await} finds logback whole: while it is being set
 * up, SLF4J hands out stand-ins, and {@code shoal node} attaching its log file to logback's context
 * found none and wrote no file (a clean-clone CI run caught it).
 */
final class LoggingSetup {
    private static volatile Thread running;

    private LoggingSetup() {
    }

    static void start() {
        Thread t = new Thread(LoggerFactory::getILoggerFactory, "shoal-logging-setup");
        t.setDaemon(true);
        running = t;
        t.start();
    }

    /** Returns once logback is set up (at once when {@link #start} was never called). */
    static void await() {
        Thread t = running;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
