package dev.shoal.protocol;

/**
 * The byte stream cannot be trusted any more (bad length, bad handshake, broken compression):
 * the connection it came from must be closed. Other connections are not affected.
 */
public class FramingException extends Exception {
    public FramingException(String message) {
        super(message);
    }

    public FramingException(String message, Throwable cause) {
        super(message, cause);
    }
}
