package dev.shoal.transfer.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The head of an HTTP message: its start line (request or status line) and the header lines in
 * the order received. Header names are matched case-insensitively.
 */
public record HttpHead(String startLine, List<HttpHeader> headers) {
    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** The first value of the header, trimmed. */
    public Optional<String> first(String name) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value().trim());
            }
        }
        return Optional.empty();
    }

    /** Every value of the header, in order (a header may be repeated). */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value().trim());
            }
        }
        return values;
    }

    /**
     * Whether the connection stays open after this message: HTTP/1.1 keeps it unless told to
     * close, HTTP/1.0 only when asked to keep it alive.
     */
    public boolean keepsAlive(boolean http11) {
        return http11 ? !connectionHas("close") : connectionHas("keep-alive");
    }

    /** True when a {@code Connection} header lists the given token (e.g. {@code close}). */
    public boolean connectionHas(String token) {
        for (String value : all("Connection")) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
