package dev.shoal.protocol.handshake;

import java.nio.charset.StandardCharsets;

/** One handshake step: its first line and its header block. */
public record HandshakeMessage(String firstLine, HandshakeHeaders headers) {
    public HandshakeMessage {
        if (firstLine == null || firstLine.indexOf('\n') >= 0 || firstLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("first line must be one line: " + firstLine);
        }
        headers = headers == null ? HandshakeHeaders.empty() : headers;
    }

    public static HandshakeMessage of(StatusLine status, HandshakeHeaders headers) {
        return new HandshakeMessage(status.format(), headers);
    }

    /** The exact text on the wire: first line, headers, blank line, all CRLF-terminated. */
    public String format() {
        return firstLine + "\r\n" + headers.format() + "\r\n";
    }

    /** Handshake text is ASCII in practice; ISO-8859-1 keeps any other byte as it is. */
    public byte[] toBytes() {
        return format().getBytes(StandardCharsets.ISO_8859_1);
    }
}
