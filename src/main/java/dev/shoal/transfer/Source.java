package dev.shoal.transfer;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A host that has the file. {@code index} and {@code name} come from a query hit and allow the
 * legacy {@code /get/<index>/<name>} request; {@code index < 0} and an empty name mean unknown.
 * Two sources are the same host when their addresses are equal, whatever else they carry.
 */
public record Source(InetSocketAddress address, long index, String name) {
    public static final long NO_INDEX = -1;

    public Source {
        Objects.requireNonNull(address, "address");
        name = name == null ? "" : name;
    }

    public static Source of(InetSocketAddress address) {
        return new Source(address, NO_INDEX, "");
    }

    /** True when {@code /get/<index>/<name>} can be asked. */
    public boolean hasIndex() {
        return index >= 0 && !name.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Source s && address.equals(s.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return address.getHostString() + ":" + address.getPort();
    }
}
