package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Urn;
import org.junit.jupiter.api.Test;

class RequestTargetTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

    @Test
    void theTwoGnutellaFormsAreWrittenAsTheyAreRead() throws HttpProtocolException {
        RequestTarget byUrn = new RequestTarget.ByUrn(URN);
        assertThat(byUrn.path()).isEqualTo("/uri-res/N2R?urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
        RequestTarget byIndex = new RequestTarget.ByIndex(12, "Le Grand Café (draft).bin");
        assertThat(byIndex.path()).isEqualTo("/get/12/Le%20Grand%20Caf%C3%A9%20%28draft%29.bin");
        assertThat(RequestTarget.parse(byUrn.path())).isEqualTo(byUrn);
        assertThat(RequestTarget.parse(byIndex.path())).isEqualTo(byIndex);
    }

    @Test
    void anyOtherPathIsUnknownAndAMalformedOneOfOursIsRefused() throws HttpProtocolException {
        assertThat(RequestTarget.parse("/index.html")).isEqualTo(new RequestTarget.Unknown("/index.html"));
        assertThat(RequestTarget.parse("/get/x/a").path()).isEqualTo("/get/x/a");
        assertThatThrownBy(() -> RequestTarget.parse("/uri-res/N2R?urn:sha1:short"))
                .isInstanceOf(HttpProtocolException.class);
        assertThatThrownBy(() -> RequestTarget.parse("get/1/a")).isInstanceOf(HttpProtocolException.class);
    }
}
