package dev.shoal.bench;

/** The command line could not be understood; the message says what to change. */
final class BenchUsageException extends RuntimeException {
    BenchUsageException(String message) {
        super(message);
    }
}
