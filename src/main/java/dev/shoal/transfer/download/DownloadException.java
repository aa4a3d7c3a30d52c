package dev.shoal.transfer.download;

/** A download ended without a verified file; the message is meant for the user. */
public final class DownloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
