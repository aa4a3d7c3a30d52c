package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import org.junit.jupiter.api.Test;

class XThexUriTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
    private static final String ROOT = "LWPNACQDBZRYXW3VHJVCJ64QBZNGHOHHHZWCLNQ";

    @Test
    void gtkGnutellasFormRoundTrips() throws Exception {
        String value = "/uri-res/N2X?urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ;" + ROOT;
        XThexUri x = XThexUri.parse(value).orElseThrow();
        assertThat(x.uri()).isEqualTo("/uri-res/N2X?urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
        assertThat(x.root()).isEqualTo(TigerRoot.parse(ROOT));
        assertThat(x.headerValue()).isEqualTo(value);
        assertThat(XThexUri.of(URN, TigerRoot.parse(ROOT))).isEqualTo(x);
        assertThat(RequestTarget.parse(x.uri())).isEqualTo(new RequestTarget.TreeByUrn(URN));
        assertThat(XThexUri.parse(" /uri-res/N2X?urn:sha1:X ; " + ROOT.toLowerCase())).isPresent();
    }

    @Test
    void anythingElseIsIgnored() {
        assertThat(XThexUri.parse("/uri-res/N2X?urn:sha1:X")).isEmpty();
        assertThat(XThexUri.parse("http://evil.example/x;" + ROOT)).isEmpty();
        assertThat(XThexUri.parse("//evil.example/x;" + ROOT)).isEmpty();
        assertThat(XThexUri.parse("/a b;" + ROOT)).isEmpty();
        assertThat(XThexUri.parse("/x;SHORT")).isEmpty();
        assertThat(XThexUri.parse(";" + ROOT)).isEmpty();
    }
}
