package dev.shoal.transfer.download;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A host that has the file. {@code index} and {@code name} come from a query hit and allow the
 * legacy {@code /get/<index>/<name>} request; {@code index < 0} and an empty name mean unknown.
 * {@code serventId} (from the hit, null when unknown) lets us ask the host by Push to connect to
 * us; {@code firewalled} says its hit asked for that (it cannot accept connections).
 *
 * <p>Two sources are the same host when their addresses are equal, whatever else they carry,
 * except firewalled ones: their addresses are often private and shared by many hosts, so their
 * servent id tells them apart.
 */
public record Source(InetSocketAddress address, long index, String name, Guid serventId, boolean firewalled) {
    public static final long NO_INDEX = -1;

    public Source {
        Objects.requireNonNull(address, "address");
        name = name == null ? "" : name;
        firewalled = firewalled && serventId != null;
    }

    public Source(InetSocketAddress address, long index, String name) {
        this(address, index, name, null, false);
    }

    public static Source of(InetSocketAddress address) {
        return new Source(address, NO_INDEX, "");
    }

    /** True when {@code /get/<index>/<name>} can be asked. */
    public boolean hasIndex() {
        return index >= 0 && !name.isEmpty();
    }

    /** True when a Push can ask the host to connect to us. */
    public boolean canPush() {
        return serventId != null;
    }

    /** True when the address is one a connection can be attempted to. */
    public boolean canDial() {
        return !address.isUnresolved() && !address.getAddress().isAnyLocalAddress() && address.getPort() > 0;
    }

    /** This source, completed with what {@code other} (the same host) knows and this one does not. */
    Source mergedWith(Source other) {
        boolean takeIndex = !hasIndex() && other.hasIndex();
        return new Source(address, takeIndex ? other.index : index, takeIndex ? other.name : name,
                serventId != null ? serventId : other.serventId, firewalled);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Source s) || firewalled != s.firewalled) {
            return false;
        }
        return firewalled ? serventId.equals(s.serventId) : address.equals(s.address);
    }

    @Override
    public int hashCode() {
        return firewalled ? serventId.hashCode() : address.hashCode();
    }

    @Override
    public String toString() {
        String host = HostPort.display(address);
        return firewalled ? host + " (firewalled " + serventId.toHex().substring(0, 8) + ")" : host;
    }
}
