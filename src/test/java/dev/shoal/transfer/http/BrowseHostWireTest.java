package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a browse request is recognised and answered on the wire, and what we send as a browser. */
class BrowseHostWireTest {
    private static HttpRequest request(String text) throws IOException {
        return HttpRequest.parse(HttpHeadReader.read(new ByteArrayInputStream(
                (text + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void theRootIsTheBrowseTargetWithOrWithoutAQuery() {
        assertThat(BrowseHost.isBrowseTarget("/")).isTrue();
        assertThat(BrowseHost.isBrowseTarget("/?nms1=1")).isTrue();
        assertThat(BrowseHost.isBrowseTarget("/browse")).isFalse();
        assertThat(BrowseHost.isBrowseTarget("/uri-res/N2R?urn:sha1:X")).isFalse();
    }

    @Test
    void theMediaTypeIsFoundInAnyListAndAnyCase() throws IOException {
        assertThat(BrowseHost.acceptsHits(request("GET / HTTP/1.1\r\nAccept: application/x-gnutella-packets").head()))
                .isTrue();
        assertThat(BrowseHost.acceptsHits(request("GET / HTTP/1.1\r\n"
                + "Accept: text/html, Application/X-Gnutella-Packets;q=0.9, application/x-gnutella2").head())).isTrue();
        assertThat(BrowseHost.acceptsHits(request("GET / HTTP/1.1\r\nAccept: text/html").head())).isFalse();
        assertThat(BrowseHost.acceptsHits(request("GET / HTTP/1.1").head())).isFalse();
    }

    @Test
    void deflateIsUsedOnlyWhenAskedAndNotRefused() throws IOException {
        assertThat(BrowseHost.acceptsDeflate(request("GET / HTTP/1.1\r\nAccept-Encoding: gzip, deflate").head()))
                .isTrue();
        assertThat(BrowseHost.acceptsDeflate(request("GET / HTTP/1.1\r\nAccept-Encoding: deflate;q=0").head()))
                .isFalse();
        assertThat(BrowseHost.acceptsDeflate(request("GET / HTTP/1.1\r\nAccept-Encoding: gzip").head())).isFalse();
        assertThat(BrowseHost.acceptsDeflate(request("GET / HTTP/1.1").head())).isFalse();
    }

    @Test
    void chunkedGoesToHttp11ClientsButNotToLimeWireAndItsKin() throws IOException {
        assertThat(BrowseHost.chunkedFor(request("GET / HTTP/1.1\r\nUser-Agent: gtk-gnutella/1.2.3"))).isTrue();
        assertThat(BrowseHost.chunkedFor(request("GET / HTTP/1.1"))).isTrue();
        assertThat(BrowseHost.chunkedFor(request("GET / HTTP/1.0\r\nUser-Agent: gtk-gnutella/1.2.3"))).isFalse();
        assertThat(BrowseHost.chunkedFor(request("GET / HTTP/1.1\r\nUser-Agent: LimeWire/5.5.16"))).isFalse();
        assertThat(BrowseHost.chunkedFor(request("GET / HTTP/1.1\r\nUser-Agent: FrostWire/4.21"))).isFalse();
    }

    @Test
    void theRequestWeSendAsksForHitsDeflatedOnAConnectionOfItsOwn() throws IOException {
        String sent = BrowseHost.request("127.0.0.1:6346", "Shoal/1.0");
        HttpRequest parsed = request(sent.substring(0, sent.length() - 4));

        assertThat(sent).startsWith("GET / HTTP/1.1\r\nHost: 127.0.0.1:6346\r\nUser-Agent: Shoal/1.0\r\n")
                .endsWith("\r\n\r\n");
        assertThat(BrowseHost.acceptsHits(parsed.head())).isTrue();
        assertThat(BrowseHost.acceptsDeflate(parsed.head())).isTrue();
        assertThat(parsed.keepAlive()).isFalse();
    }
}
