package dev.shoal.transfer.browse;

import java.io.IOException;

/** The host answered, but not with its list: {@link #reason()} says how, the message in words. */
public final class BrowseFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a browse got no list. */
    public enum Reason {
        /** The host serves browse host but will not now: turned off (403), or too busy (503, 429). */
        REFUSED,
        /** The host does not serve browse host at all (404, 406, 501, or a body of another type). */
        UNSUPPORTED,
        /** What came back is not a well-formed answer or message stream. */
        BAD_ANSWER,
        /** The host sent more than we read from one browse. */
        TOO_LARGE
    }

    private final Reason reason;

    public BrowseFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
