package dev.shoal.routing;

import dev.shoal.protocol.Bye;

/**
 * A peer sent a QRP RESET/PATCH sequence we cannot apply (wrong sequence numbers, too many or
 * too few entries, bad compression, table too large). The table from that connection is
 * unusable, so the caller closes the connection with {@link #byeCode()}.
 */
public final class QrpException extends Exception {
    public QrpException(String message) {
        super(message);
    }

    public QrpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The Bye code to close the connection with (413, bad QRP sequence). */
    public int byeCode() {
        return Bye.BAD_QRP;
    }
}
