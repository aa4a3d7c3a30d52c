package dev.shoal.transfer.download;

import java.io.IOException;

/** No connection to a source could be made: neither dialled, nor by Push (or that was not possible). */
public class UnreachableSourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreachableSourceException(String message) {
        super(message);
    }

    public UnreachableSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
