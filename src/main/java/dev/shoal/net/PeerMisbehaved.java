package dev.shoal.net;

import dev.shoal.protocol.Bye;
import dev.shoal.protocol.FramingException;

/**
 * The peer's bytes are well formed but what it does is abuse (flooding past its budget, a
 * deflate stream that inflates without end): its link is closed with {@link #byeCode()}, counted
 * under {@link #reason()}. Like any {@link FramingException} it stops decoding that connection.
 */
final class PeerMisbehaved extends FramingException {
    /** Bye code for a link that keeps sending over its budget: gtk-gnutella's "too many errors". */
    static final int BYE_FLOODING = Bye.TOO_MANY_ERRORS;

    private final DropReason reason;
    private final int byeCode;

    PeerMisbehaved(DropReason reason, int byeCode, String message) {
        super(message);
        this.reason = reason;
        this.byeCode = byeCode;
    }

    DropReason reason() {
        return reason;
    }

    int byeCode() {
        return byeCode;
    }
}
