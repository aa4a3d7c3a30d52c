package dev.shoal.node.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Whom the bootstrapper asks, in which order and how often, on virtual time: the host cache first,
 * then UDP host caches, then GWebCaches; each cache rests after a request, longer each time it gave
 * nothing; nothing is asked once the links are there.
 */
class BootstrapperTest {
    private static final InetSocketAddress UHC_A = new InetSocketAddress("127.0.0.1", 9001);
    private static final InetSocketAddress UHC_B = new InetSocketAddress("127.0.0.1", 9002);
    private static final URI GWC_A = URI.create("http://127.0.0.1:9100/gwc");
    private static final URI GWC_B = URI.create("http://127.0.0.1:9200/gwc.php");

    private final VirtualTime time = new VirtualTime();
    private final FakeNetwork network = new FakeNetwork();
    private final List<BootstrapStatus> statuses = new CopyOnWriteArrayList<>();

    /** The node as the bootstrapper sees it; every request is recorded with its virtual second. */
    private final class FakeNetwork implements Bootstrapper.Network {
        int links;
        boolean hostsToDial;
        String answer = "";
        final List<String> asked = new ArrayList<>();
        final List<InetSocketAddress> added = new ArrayList<>();

        @Override
        public int links() {
            return links;
        }

        @Override
        public int linksWanted() {
            return 3;
        }

        @Override
        public boolean hasHostsToDial() {
            return hostsToDial;
        }

        @Override
        public void askUhc(InetSocketAddress cache) {
            asked.add(second() + " uhc " + cache.getPort());
        }

        @Override
        public CompletableFuture<String> get(URI request) {
            asked.add(second() + " gwc " + request);
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public int addHosts(List<InetSocketAddress> hosts, boolean cacheOnLoopback) {
            added.addAll(hosts);
            return hosts.size();
        }

        private long second() {
            return time.millis() / 1000;
        }
    }

    private Bootstrapper start(BootstrapPlan plan) {
        Bootstrapper b = new Bootstrapper(plan, network, time, "SHOL", "1.0", statuses::add);
        b.start(time);
        return b;
    }

    @Test
    void nothingIsAskedWhileTheHostCacheHasHostsToDialOrTheLinksAreUp() {
        network.hostsToDial = true;
        start(new BootstrapPlan(List.of(UHC_A), List.of(GWC_A), false));
        time.advance(Duration.ofMinutes(5));
        network.hostsToDial = false;
        network.links = 3;
        time.advance(Duration.ofMinutes(5));
        assertThat(network.asked).isEmpty();
    }

    @Test
    void udpHostCachesComeFirstOneASecondThenGWebCachesOnceTheyGaveNothingFor5Seconds() {
        network.answer = "H|127.0.0.1:7001|100\nH|127.0.0.1:7002|50\nU|http://127.0.0.1:9300/other.php|10\n";
        start(new BootstrapPlan(List.of(UHC_A, UHC_B), List.of(GWC_A, GWC_B), false));
        time.advance(Duration.ofSeconds(11));
        assertThat(network.asked).containsExactly("0 uhc 9001", "1 uhc 9002",
                "6 gwc http://127.0.0.1:9100/gwc?get=1&net=gnutella&client=SHOL&version=1.0",
                "11 gwc http://127.0.0.1:9200/gwc.php?get=1&net=gnutella&client=SHOL&version=1.0");
        assertThat(network.added).hasSize(4);
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(new BootstrapStatus(true, 4, 4, 0));
        assertThat(statuses.get(statuses.size() - 1).line()).isEqualTo("bootstrapping: asked 4 caches, 4 hosts, 0 connected");
    }

    @Test
    void aCacheThatGaveNothingRestsTwiceAsLongEachTimeAndOneThatHelpedTheUsualTime() {
        start(new BootstrapPlan(List.of(UHC_A), List.of(), false));
        time.advance(Duration.ofMinutes(5 + 10 + 20).plusSeconds(1));
        assertThat(network.asked).containsExactly("0 uhc 9001", "300 uhc 9001", "900 uhc 9001", "2100 uhc 9001");
    }

    @Test
    void aUdpHostCacheThatAnsweredRestsFiveMinutes() {
        Bootstrapper b = start(new BootstrapPlan(List.of(UHC_A), List.of(), false));
        time.advance(Duration.ofMinutes(5));
        b.uhcAnswered(UHC_A, 7);
        time.advance(Duration.ofMinutes(10));
        assertThat(network.asked).containsExactly("0 uhc 9001", "300 uhc 9001", "600 uhc 9001", "900 uhc 9001");
        assertThat(b.status().hostsFound()).isEqualTo(7);
    }

    @Test
    void aGWebCacheIsAskedAtMostOnceIn30MinutesAndTheV1HostfileWhenItDoesNotSpeakV2() {
        network.answer = "ERROR\n";
        start(new BootstrapPlan(List.of(), List.of(GWC_A), false));
        time.advance(Duration.ofMinutes(30));
        assertThat(network.asked).containsExactly(
                "0 gwc http://127.0.0.1:9100/gwc?get=1&net=gnutella&client=SHOL&version=1.0",
                "0 gwc http://127.0.0.1:9100/gwc?hostfile=1&client=SHOL&version=1.0",
                "1800 gwc http://127.0.0.1:9100/gwc?get=1&net=gnutella&client=SHOL&version=1.0",
                "1800 gwc http://127.0.0.1:9100/gwc?hostfile=1&client=SHOL&version=1.0");
    }

    @Test
    void cachesThatCachesReportAreAskedOnlyOnThePublicNetwork() {
        network.answer = "U|http://127.0.0.1:9300/other.php|10\n";
        start(new BootstrapPlan(List.of(), List.of(GWC_A), false));
        time.advance(Duration.ofMinutes(1));
        assertThat(network.asked).hasSize(1);

        VirtualTime publicTime = new VirtualTime();
        FakeNetwork joined = new FakeNetwork();
        joined.answer = network.answer;
        new Bootstrapper(new BootstrapPlan(List.of(), List.of(GWC_A), true), joined, publicTime, "SHOL", "1.0",
                s -> { }).start(publicTime);
        publicTime.advance(Duration.ofMinutes(1));
        assertThat(joined.asked).containsExactly(
                "60 gwc http://127.0.0.1:9100/gwc?get=1&net=gnutella&client=SHOL&version=1.0",
                "60 gwc http://127.0.0.1:9300/other.php?get=1&net=gnutella&client=SHOL&version=1.0");
    }
}
