package dev.shoal.transfer.http;

import java.io.IOException;

/**
 * The peer sent something that is not acceptable HTTP. {@link #status()} is the status an
 * upload server answers with before closing (400, 414, 431, ...).
 */
public final class HttpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpProtocolException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
