package dev.shoal.thex;

/** A tree or its serialisation is malformed or does not match what it should describe. */
public final class ThexException extends Exception {
    private static final long serialVersionUID = 1L;

    public ThexException(String message) {
        super(message);
    }

    public ThexException(String message, Throwable cause) {
        super(message, cause);
    }
}
