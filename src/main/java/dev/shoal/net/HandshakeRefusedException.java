package dev.shoal.net;

import dev.shoal.protocol.handshake.HandshakeHeaders;
import java.io.IOException;

/** The peer answered our {@code GNUTELLA CONNECT} with something other than 200. */
public final class HandshakeRefusedException extends IOException {
    private final int code;
    private final transient HandshakeHeaders headers;

    public HandshakeRefusedException(int code, String reason, HandshakeHeaders headers) {
        super(code + " " + reason);
        this.code = code;
        this.headers = headers;
    }

    public int code() {
        return code;
    }

    /** The headers that came with the refusal (e.g. {@code X-Try-Ultrapeers}). */
    public HandshakeHeaders headers() {
        return headers;
    }
}
