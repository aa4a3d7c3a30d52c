package dev.shoal.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import dev.shoal.JsonTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every gtk-gnutella handshake capture, parsed and compared with the independent decoder's view. */
class HandshakeCapturesTest {
    private static final List<String> PARTS = List.of("request", "response", "final");

    @SuppressWarnings("unchecked")
    static Map<String, Object> handshakes() throws IOException {
        String json = Files.readString(GtkgCaptures.folder().resolve("expected.json"), StandardCharsets.UTF_8);
        return (Map<String, Object>) ((Map<String, Object>) JsonTree.parse(json)).get("handshakes");
    }

    static Stream<String> captures() throws IOException {
        List<String> names = new ArrayList<>(handshakes().keySet());
        assertThat(names).hasSizeGreaterThanOrEqualTo(10);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    @SuppressWarnings("unchecked")
    void eachPartParsesAsTheReferenceDecoderSaw(String file) throws Exception {
        Map<String, Object> expected = (Map<String, Object>) handshakes().get(file);
        byte[] bytes = GtkgCaptures.read(file);
        for (String part : PARTS) {
            Map<String, Object> want = (Map<String, Object>) expected.get(part);
            if (want == null) {
                continue;
            }
            int offset = (int) JsonTree.num(want, "offset");
            int length = (int) JsonTree.num(want, "length");
            // Feed from the part's start to the end of the file: the reader must stop exactly at the blank line.
            ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
            HandshakeMessage m = new HandshakeReader().feed(in).orElseThrow();
            assertThat(in.position()).as("%s %s end", file, part).isEqualTo(offset + length);
            assertThat(m.firstLine()).isEqualTo(want.get("first_line"));
            Object code = want.get("status_code");
            if (code != null) {
                assertThat(StatusLine.parse(m.firstLine()).code()).isEqualTo(((Number) code).intValue());
            } else {
                assertThat(ConnectLine.looksLikeConnect(m.firstLine())).isTrue();
            }
            Map<String, Object> headers = (Map<String, Object>) want.get("headers");
            assertThat(m.headers().asMap()).containsExactlyEntriesOf(toStrings(headers));
            // Re-emitting gives the captured bytes: names keep their spelling and order.
            assertThat(m.toBytes()).isEqualTo(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    @SuppressWarnings("unchecked")
    void wholeTranscriptFedOneByteAtATime(String file) throws Exception {
        Map<String, Object> expected = (Map<String, Object>) handshakes().get(file);
        byte[] bytes = GtkgCaptures.read(file);
        HandshakeReader reader = new HandshakeReader();
        List<HandshakeMessage> got = new ArrayList<>();
        for (byte b : bytes) {
            Optional<HandshakeMessage> m = reader.feed(ByteBuffer.wrap(new byte[] {b}));
            m.ifPresent(got::add);
        }
        List<String> firstLines = new ArrayList<>();
        for (String part : PARTS) {
            Map<String, Object> want = (Map<String, Object>) expected.get(part);
            if (want != null) {
                firstLines.add((String) want.get("first_line"));
            }
        }
        assertThat(got).extracting(HandshakeMessage::firstLine).containsExactlyElementsOf(firstLines);
    }

    private static Map<String, String> toStrings(Map<String, Object> m) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
