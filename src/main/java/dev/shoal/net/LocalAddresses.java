package dev.shoal.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import org.apache.mina.core.session.IoSession;

/** Our own addresses as peers see them, given the address our acceptor is bound to. */
final class LocalAddresses {
    private LocalAddresses() {
    }

    /**
     * The address to announce to the peer of {@code session}: the bound one, or, when bound to the
     * wildcard, the local interface that peer reached us on, with our port. Null before binding.
     */
    static InetSocketAddress listenAddressSeenBy(IoSession session, InetSocketAddress bound) {
        if (bound == null) {
            return null;
        }
        if (!bound.getAddress().isAnyLocalAddress()) {
            return bound;
        }
        InetSocketAddress local = (InetSocketAddress) session.getLocalAddress();
        return local == null ? null : new InetSocketAddress(local.getAddress(), bound.getPort());
    }

    /** Whether {@code a} is us: our port on loopback, the wildcard, the bound address or any local interface. */
    static boolean isSelf(InetSocketAddress a, InetSocketAddress bound) {
        if (bound == null || a.getPort() != bound.getPort()) {
            return false;
        }
        InetAddress ip = a.getAddress();
        if (ip == null || ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ip.equals(bound.getAddress())) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
