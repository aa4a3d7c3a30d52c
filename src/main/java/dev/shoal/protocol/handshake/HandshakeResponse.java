package dev.shoal.protocol.handshake;

/**
 * Our answer to one handshake step.
 *
 * @param outcome          what the connection does next
 * @param status           the status line to send; null when we close without a word
 * @param headers          the headers sent with it
 * @param deflateOutgoing  whether everything we send after this step is one zlib stream
 * @param reason           why, for logs (the status reason, or why we closed silently)
 * @param becomesLeaf      we took the peer's leaf guidance: from this link on we are its leaf
 */
public record HandshakeResponse(Outcome outcome, StatusLine status, HandshakeHeaders headers,
        boolean deflateOutgoing, String reason, boolean becomesLeaf) {
    /** What happens to the connection after our answer. */
    public enum Outcome {
        /** Send the 200 and carry on. */
        ACCEPT,
        /** Send the refusal, then close. */
        REFUSE,
        /** Close without sending anything (legacy 0.4, or the peer already said no). */
        CLOSE
    }

    public HandshakeResponse {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        if ((status == null) != (outcome == Outcome.CLOSE)) {
            throw new IllegalArgumentException("a status line goes with ACCEPT and REFUSE only");
        }
        if (outcome == Outcome.ACCEPT && !status.isOk()) {
            throw new IllegalArgumentException("accepting needs a 200, got " + status.code());
        }
        headers = headers == null ? HandshakeHeaders.empty() : headers;
        reason = reason == null ? "" : reason;
        if (becomesLeaf && outcome != Outcome.ACCEPT) {
            throw new IllegalArgumentException("only an accepted link makes us a leaf");
        }
    }

    static HandshakeResponse accept(HandshakeHeaders headers, boolean deflate) {
        return accept(headers, deflate, false);
    }

    static HandshakeResponse accept(HandshakeHeaders headers, boolean deflate, boolean becomesLeaf) {
        return new HandshakeResponse(Outcome.ACCEPT, StatusLine.OK, headers, deflate, "OK", becomesLeaf);
    }

    static HandshakeResponse refuse(int code, String reason, HandshakeHeaders headers) {
        return new HandshakeResponse(Outcome.REFUSE, StatusLine.of(code, reason), headers, false, reason, false);
    }

    static HandshakeResponse close(String why) {
        return new HandshakeResponse(Outcome.CLOSE, null, HandshakeHeaders.empty(), false, why, false);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPT;
    }

    /** The step as it goes on the wire; only for ACCEPT and REFUSE. */
    public HandshakeMessage toMessage() {
        if (status == null) {
            throw new IllegalStateException("nothing is sent when closing silently");
        }
        return HandshakeMessage.of(status, headers);
    }
}
