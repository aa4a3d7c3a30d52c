package dev.shoal.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.HostPort;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeReaderTest {
    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void acceptsBareLineFeeds() throws Exception {
        HandshakeMessage m = new HandshakeReader().feed(bytes("GNUTELLA CONNECT/0.6\nX-Ultrapeer: True\n\n")).orElseThrow();
        assertThat(m.firstLine()).isEqualTo("GNUTELLA CONNECT/0.6");
        assertThat(m.headers().get("x-ultrapeer")).contains("True");
    }

    @Test
    void returnsNothingUntilTheBlankLineAndThenStopsThere() throws Exception {
        HandshakeReader r = new HandshakeReader();
        assertThat(r.feed(bytes("GNUTELLA/0.6 200 OK\r\nContent-Enc"))).isEmpty();
        assertThat(r.feed(bytes("oding: deflate\r"))).isEmpty();
        ByteBuffer rest = bytes("\n\r\n\u0078\u009c");
        HandshakeMessage m = r.feed(rest).orElseThrow();
        assertThat(m.headers().get("Content-Encoding")).contains("deflate");
        assertThat(rest.remaining()).isEqualTo(2);
        assertThat(rest.get() & 0xFF).isEqualTo(0x78);
    }

    @Test
    void continuationLinesExtendTheHeader() throws Exception {
        HandshakeMessage m = HandshakeReader.parse(
                "GNUTELLA CONNECT/0.6\r\nX-Try-Ultrapeers: 127.1.2.4:6346,\r\n 127.5.6.8:6347\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.headers().get("X-Try-Ultrapeers")).contains("127.1.2.4:6346, 127.5.6.8:6347");
        assertThat(HostPort.parseLiteralList(m.headers().get("X-Try-Ultrapeers").orElseThrow())).hasSize(2);
    }

    @Test
    void repeatedHeadersAreMergedWithCommas() throws Exception {
        HandshakeMessage m = HandshakeReader.parse(
                "GNUTELLA CONNECT/0.6\r\nX-Try: 127.1.2.4:1\r\nx-try: 127.1.2.5:2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.headers().asMap()).containsExactly(java.util.Map.entry("X-Try", "127.1.2.4:1,127.1.2.5:2"));
    }

    @Test
    void moreThan64HeadersIsAFramingError() {
        StringBuilder sb = new StringBuilder("GNUTELLA CONNECT/0.6\r\n");
        for (int i = 0; i < 65; i++) {
            sb.append("X-H").append(i).append(": v\r\n");
        }
        sb.append("\r\n");
        assertThatThrownBy(() -> HandshakeReader.parse(sb.toString().getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FramingException.class).hasMessageContaining("64");
    }

    @Test
    void sixtyFourHeadersAreFine() throws Exception {
        StringBuilder sb = new StringBuilder("GNUTELLA CONNECT/0.6\r\n");
        for (int i = 0; i < 64; i++) {
            sb.append("X-H").append(i).append(": v\r\n");
        }
        sb.append("\r\n");
        assertThat(HandshakeReader.parse(sb.toString().getBytes(StandardCharsets.US_ASCII)).headers().size()).isEqualTo(64);
    }

    @Test
    void aLineOver4096CharactersIsAFramingErrorEvenBeforeItEnds() {
        HandshakeReader r = new HandshakeReader();
        String longValue = "x".repeat(5000);
        assertThatThrownBy(() -> r.feed(bytes("GNUTELLA CONNECT/0.6\r\nX-Long: " + longValue)))
                .isInstanceOf(FramingException.class).hasMessageContaining("4096");
    }

    @Test
    void aLineOfExactly4096CharactersIsFine() throws Exception {
        String line = "X-Long: " + "x".repeat(4096 - 8);
        HandshakeMessage m = HandshakeReader.parse(("GNUTELLA CONNECT/0.6\r\n" + line + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(m.headers().get("X-Long").orElseThrow()).hasSize(4096 - 8);
    }

    @Test
    void aHeaderLineWithoutColonIsAFramingError() {
        assertThatThrownBy(() -> HandshakeReader.parse("GNUTELLA CONNECT/0.6\r\nnonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FramingException.class);
        assertThatThrownBy(() -> HandshakeReader.parse("GNUTELLA CONNECT/0.6\r\n continued\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FramingException.class);
    }

    /** Found by HandshakeFuzzTest: it used to escape as an IllegalArgumentException. */
    @Test
    void aCarriageReturnInsideTheFirstLineIsAFramingError() {
        assertThatThrownBy(() -> HandshakeReader.parse("GNUTELLA CONNECT/0.6\r+\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FramingException.class);
    }

    @Test
    void theReaderStartsOverAfterEachStep() throws Exception {
        HandshakeReader r = new HandshakeReader();
        ByteBuffer in = bytes("GNUTELLA/0.6 200 OK\r\nA: 1\r\n\r\nGNUTELLA/0.6 200 OK\r\n\r\n");
        assertThat(r.feed(in).orElseThrow().headers().size()).isEqualTo(1);
        assertThat(r.feed(in).orElseThrow().headers().isEmpty()).isTrue();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void peekFirstLineDoesNotConsume() throws Exception {
        ByteBuffer in = bytes("GET /uri-res/N2R?urn:sha1:X HTTP/1.1\r\nHost: a\r\n");
        assertThat(HandshakeReader.peekFirstLine(in, 4096)).contains("GET /uri-res/N2R?urn:sha1:X HTTP/1.1");
        assertThat(in.position()).isZero();
        assertThat(HandshakeReader.peekFirstLine(bytes("GIV 0:abc/x"), 4096)).isEmpty();
        assertThatThrownBy(() -> HandshakeReader.peekFirstLine(bytes("G".repeat(100)), 50)).isInstanceOf(FramingException.class);
    }
}
