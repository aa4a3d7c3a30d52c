package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.ConnectBack;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessagesSupported;
import dev.shoal.protocol.PushProxy;
import dev.shoal.protocol.UdpConnectBack;
import dev.shoal.protocol.VendorMessage;
import java.util.function.BooleanSupplier;

/**
 * The vendor messages of reachability, each handed to the part that acts on it: a peer's "Messages
 * Supported" and LIME/22 to {@link Reachability} (we ask and are answered), BEAR/7 to the
 * {@link ConnectBackAnswerer} and LIME/21 to the {@link PushProxyServer} (we answer, as an
 * ultrapeer only), GTKG/7 to the {@link UdpConnectBackAnswerer} (also as an ultrapeer only: a leaf that
 * answered would write to its ultrapeer's UDP port, and a NAT would then let that ultrapeer's own
 * connect-back ping through and prove nothing).
 */
final class ReachVendors {
    private final Reachability reach;
    private final ConnectBackAnswerer connectBacks;
    private final UdpConnectBackAnswerer udpConnectBacks;
    private final PushProxyServer proxy;
    private final BooleanSupplier ultrapeer;

    ReachVendors(Reachability reach, ConnectBackAnswerer connectBacks, UdpConnectBackAnswerer udpConnectBacks,
            PushProxyServer proxy, BooleanSupplier ultrapeer) {
        this.reach = reach;
        this.connectBacks = connectBacks;
        this.udpConnectBacks = udpConnectBacks;
        this.proxy = proxy;
        this.ultrapeer = ultrapeer;
    }

    /** False when the message is none of these. */
    boolean handle(Connection from, Header h, VendorMessage v) throws BadMessageException {
        if (MessagesSupported.is(v)) {
            reach.supported(from, MessagesSupported.from(v));
        } else if (ConnectBack.isRequest(v)) {
            int port = ConnectBack.port(v);
            if (ultrapeer.getAsBoolean()) {
                connectBacks.answer(from, port);
            }
        } else if (UdpConnectBack.isRequest(v)) {
            UdpConnectBack.Ask ask = UdpConnectBack.ask(v, h.guid());
            if (ultrapeer.getAsBoolean()) {
                udpConnectBacks.answer(from, ask);
            }
        } else if (PushProxy.isRequest(v)) {
            proxy.requested(from, h.guid());
        } else if (PushProxy.isAck(v)) {
            reach.proxyAcknowledged(from, h.guid(), v);
        } else {
            return false;
        }
        return true;
    }

    void disconnected(Connection c) {
        reach.disconnected(c);
        proxy.disconnected(c);
    }
}
