package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class GWebCacheTest {
    @Test
    void theV2RequestAsksForGnutellaHostsAndCachesWithOurClientAndVersion() {
        assertThat(GWebCache.hostsAndCaches(URI.create("http://cache.example/gwc.php"), "SHOL", "0.3.0 beta"))
                .hasToString("http://cache.example/gwc.php?get=1&net=gnutella&client=SHOL&version=0.3.0+beta");
        assertThat(GWebCache.hostFile(URI.create("http://cache.example/gwc.php?x=1"), "SHOL", "1"))
                .hasToString("http://cache.example/gwc.php?x=1&hostfile=1&client=SHOL&version=1");
        assertThat(GWebCache.urlFile(URI.create("http://cache.example/"), "SHOL", "1"))
                .hasToString("http://cache.example/?urlfile=1&client=SHOL&version=1");
    }

    @Test
    void v2LinesGiveHostsAndCachesAndInformationLinesAreSkipped() {
        GWebCache.Reply r = GWebCache.parse("I|pong|SomeCache 1.0|gnutella\r\nH|1.2.3.4:6346|120|x\r\n"
                + "h|5.6.7.8:6347|5\nU|http://other.example/gwc.php|3600\nu|https://third.example/c|1\n"
                + "H|example.org:6346|1\nU|ftp://nope.example/|1\nH|1.2.3.4|1\n");
        assertThat(r.hosts()).containsExactly(new InetSocketAddress("1.2.3.4", 6346),
                new InetSocketAddress("5.6.7.8", 6347));
        assertThat(r.caches()).containsExactly(URI.create("http://other.example/gwc.php"),
                URI.create("https://third.example/c"));
    }

    @Test
    void v1HostfileAndUrlfileLinesReadTheSameWayAndErrorsGiveNothing() {
        GWebCache.Reply r = GWebCache.parse("1.2.3.4:6346\n10.0.0.1:7000\nhttp://other.example/gwc.cgi\n");
        assertThat(r.hosts()).hasSize(2);
        assertThat(r.caches()).containsExactly(URI.create("http://other.example/gwc.cgi"));
        assertThat(GWebCache.parse("ERROR: Client not allowed\n").hosts()).isEmpty();
        assertThat(GWebCache.parse("").caches()).isEmpty();
    }

    @Test
    void atMostAThousandLinesAreRead() {
        String body = "H|1.2.3.4:6346|1\n".repeat(GWebCache.MAX_LINES + 500);
        assertThat(GWebCache.parse(body).hosts()).hasSize(GWebCache.MAX_LINES);
    }
}
