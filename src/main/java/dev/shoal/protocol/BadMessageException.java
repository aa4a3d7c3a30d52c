package dev.shoal.protocol;

/**
 * One message's payload is malformed. The frame boundaries are still known, so the message is
 * dropped and counted and the connection stays open.
 */
public class BadMessageException extends Exception {
    public BadMessageException(String message) {
        super(message);
    }

    public BadMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
