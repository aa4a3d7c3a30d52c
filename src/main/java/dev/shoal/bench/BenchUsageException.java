package dev.shoal.bench;

/**
 * The command line could not be understood; the message says what to change. An illegal argument,
 * as every bench's usage error is.
 */
final class BenchUsageException extends IllegalArgumentException {
    BenchUsageException(String message) {
        super(message);
    }
}
