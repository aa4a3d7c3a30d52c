package dev.shoal.node.api;

/** A failure a user can act on (bad folder, unreachable peer, port in use); its message says which. */
public class ShoalException extends RuntimeException {
    public ShoalException(String message) {
        super(message);
    }

    public ShoalException(String message, Throwable cause) {
        super(message, cause);
    }
}
