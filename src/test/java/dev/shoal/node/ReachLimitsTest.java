package dev.shoal.node;

import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;

import dev.shoal.net.UdpEndpoint;
import dev.shoal.protocol.PushProxy;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that bound reachability: connect-backs and push proxies. */
class ReachLimitsTest {
    @Test
    void connectBacks() {
        says("Connect-back asks", "to at most " + Reachability.MAX_CONNECT_BACK_ASKS + " peers");
        says("Connect-back answers", ConnectBackAnswerer.PER_MINUTE + " a minute in all",
                ConnectBackAnswerer.CONCURRENT + " at once", ConnectBackAnswerer.TIMEOUT.toSeconds() + " s to connect");
        says("UDP connect-back asks", "to at most " + Reachability.MAX_CONNECT_BACK_ASKS + " peers");
        says("UDP connect-back answers", UdpConnectBackAnswerer.PER_MINUTE + " a minute in all");
        says("UDP destinations remembered", "the last " + UdpEndpoint.DESTINATIONS_REMEMBERED + " we sent to");
    }

    @Test
    void pushProxies() {
        says("Push proxies in a hit", PushProxy.MAX_IN_HIT + " sent", "up to " + PushProxy.MAX_READ + " read");
        long timeout = PushProxyClient.TIMEOUT.toSeconds();
        says("Push proxy requests", PushDownloads.CONCURRENT_PROXY_ASKS + " at once",
                PushDownloads.QUEUED_PROXY_ASKS + " waiting", timeout + " s to connect and " + timeout + " s to answer",
                "remembered for " + n(PushDownloads.MAX_SERVENTS_WITH_PROXIES) + " servents");
    }
}
