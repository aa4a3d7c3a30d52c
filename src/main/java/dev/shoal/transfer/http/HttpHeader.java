package dev.shoal.transfer.http;

import java.util.Objects;

/** One header line as received or to be sent; the name keeps the case it was given. */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
