package dev.shoal.net;

import static dev.shoal.LimitsTable.minutes;
import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.seconds;
import static dev.shoal.LimitsTable.size;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.handshake.HandshakeReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that the network layer holds. */
class NetLimitsTest {
    @Test
    void readThrottle() {
        says("Frames waiting for a worker", size(ReadThrottle.HIGH) + " per link",
                "until " + size(ReadThrottle.LOW) + " are left");
    }

    @Test
    void dialAttempts() {
        assertThat(HostCache.ATTEMPT_WINDOW_MILLIS).isEqualTo(60_000);
        says("Dial attempts", "at most " + HostCache.ATTEMPTS_PER_WINDOW + " per minute per address");
    }

    @Test
    void udpBudget() {
        says("UDP budget", DatagramBudget.PER_ADDRESS.perSecond() + " datagrams a second per address (a burst of "
                + DatagramBudget.PER_ADDRESS.burst() + "; on loopback per address and port)", DatagramBudget.PER_PORT.perSecond() + " for the port (a burst of "
                + DatagramBudget.PER_PORT.burst() + ")", n(DatagramBudget.TRACKED_ADDRESSES) + " addresses remembered");
        says("UDP datagram", "payload up to " + size(dev.shoal.protocol.Datagram.MAX_PAYLOAD));
    }

    @Test
    void httpSessions() {
        says("HTTP sessions (uploads and push callbacks)", HttpSessions.MAX_SESSIONS + " at once; more get 503");
    }

    /** 1/n in the spec's words. */
    private static String share(int n) {
        return switch (n) {
            case 2 -> "half";
            case 4 -> "a quarter";
            default -> "1/" + n;
        };
    }

    private static String rate(InboundBudget.Rate r) {
        return r.perSecond() + " (" + n(r.burst()) + ")";
    }

    @Test
    void linkBudgets() {
        InboundBudget.Limits d = InboundBudget.Limits.defaults();
        says("Link budget: messages", "pings " + rate(d.pings()), "pongs " + rate(d.pongs()),
                "queries " + rate(d.queries()), "hits " + rate(d.hits()), "pushes " + rate(d.pushes()),
                "QRP " + rate(d.qrp()), "vendor " + rate(d.vendor()), "other " + rate(d.other()));
        says("Link budget: bytes", size(d.bytes().perSecond()) + " a second (burst " + size(d.bytes().burst()) + ")",
                "after inflating");
        says("Flooding", n(d.strikes().burst()) + " messages over budget (earned back at " + d.strikes().perSecond()
                + " a second), then Bye " + PeerMisbehaved.BYE_FLOODING);
        says("Inflating", size(GnutellaDecoder.MAX_INFLATE_PER_READ) + " per read, then Bye " + Bye.TOO_LARGE);
        says("Handshake", HandshakeReader.MAX_HEADERS + " header lines", n(HandshakeReader.MAX_LINE) + " bytes a line",
                size(HandshakeReader.MAX_BLOCK) + " a step");
    }

    @Test
    void peerLimits() {
        NodeConfig node = NodeConfig.defaults(Path.of("data"));
        NetConfig net = ConfigViews.net(node);
        PeerLimits p = net.peerLimits();
        assertThat(p.linksPerAddress()).isEqualTo(node.maxConnections() / 4);
        assertThat(p.leavesPerAddress()).isEqualTo(net.maxLeaves() / 4);
        says("Per address", p.socketsPerAddress() + " handshaking sockets",
                p.linksPerAddress() + " links (a quarter of " + node.maxConnections() + ")",
                p.leavesPerAddress() + " leaf links (a quarter of " + net.maxLeaves() + ")",
                p.httpPerAddress() + " HTTP sessions");
        says("Handshaking sockets", n(p.socketsTotal()) + " in all");
        says("Connect rate", p.connectsPerMinute() + " a minute per address (a burst of " + p.connectsPerMinute() + ")",
                "a ban of " + minutes(p.firstBan()), "up to " + minutes(p.longestBan()),
                n(p.trackedAddresses()) + " addresses remembered");
        says("Flow control", "on above " + share(PeerConnection.FLOW_ON_SHARE) + " the send queue, off at "
                + share(PeerConnection.FLOW_OFF_SHARE), seconds(p.sendStall()) + " on closes the link (Bye "
                + Bye.SEND_QUEUE_FULL + ")");
        says("HTTP request head", size(GnutellaDecoder.MAX_HTTP_HEAD),
                "within " + seconds(p.httpHeadTimeout()) + " of its first byte");
        says("Slow HTTP reader", size(PeerLimits.STALL_PROGRESS_BYTES) + " of progress in " + seconds(p.httpStall()));
        says("HTTP idle", "after the idle timeout");
    }
}
