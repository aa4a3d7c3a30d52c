package dev.shoal.node.portmap;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/** A home router that maps ports: what {@link PortMapper} asks of it (UPnP IGD in {@link UpnpGateway}). */
interface Gateway {
    /** How people know it: its friendly name, or its address. */
    String name();

    /** Our address on the router's side: the internal client of a mapping. */
    InetAddress localAddress();

    /** The router's address on the internet, if it says. */
    Optional<InetAddress> externalAddress() throws IOException;

    /** Forwards TCP {@code externalPort} on the router to {@code internalPort} of our address; false if refused. */
    boolean addTcpMapping(int externalPort, int internalPort, String description) throws IOException;

    /** Removes the TCP mapping of {@code externalPort}; false if the router refused. */
    boolean deleteTcpMapping(int externalPort) throws IOException;
}
