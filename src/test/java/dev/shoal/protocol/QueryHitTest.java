package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryHitTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void flagsNeedBothBytesToAgree() {
        // gtk-gnutella: push value set and meaningful, busy/uploaded meaningful but clear, GGEP set.
        QueryHit.Flags gtkg = new QueryHit.Flags(0x2d, 0x21);
        assertThat(gtkg.push()).isTrue();
        assertThat(gtkg.ggep()).isTrue();
        assertThat(gtkg.busy()).isFalse();
        assertThat(gtkg.uploaded()).isFalse();
        assertThat(gtkg.speedMeasured()).isFalse();
        // A value bit without its "meaningful" bit counts for nothing.
        assertThat(new QueryHit.Flags(0x00, 0x3d).busy()).isFalse();
        assertThat(new QueryHit.Flags(0x01, 0x00).push()).isFalse();
    }

    @Test
    void flagsFactoryMarksEverythingMeaningful() {
        QueryHit.Flags f = QueryHit.Flags.of(true, false, true, false, true);
        assertThat(f.byteA()).isEqualTo(0x3d);
        assertThat(f.byteB()).isEqualTo(0x29);
        assertThat(f.push()).isTrue();
        assertThat(f.busy()).isFalse();
        assertThat(f.uploaded()).isTrue();
        assertThat(f.speedMeasured()).isFalse();
        assertThat(f.ggep()).isTrue();
        assertThat(QueryHit.Flags.of(false, true, false, true, false).byteB()).isEqualTo(0x15);
    }

    @Test
    void encodingRefusesMoreThanTenResultsButDecodingAcceptsThem() throws Exception {
        QueryHit eleven = Samples.hit(11);
        assertThatThrownBy(eleven::encode).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 10");
        // Build the 11-result payload by hand from a 10-result one plus one more result.
        byte[] ten = Samples.hit(10).encode();
        byte[] one = Samples.hit(1).encode();
        int resultStart = 11;
        int oneResultLength = resultLength(one);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(11);
        out.write(ten, 1, resultStart - 1);
        out.write(one, resultStart, oneResultLength);
        out.write(ten, resultStart, ten.length - resultStart);
        QueryHit back = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, out.toByteArray());
        assertThat(back.results()).hasSize(11);
    }

    private static int resultLength(byte[] oneResultHit) {
        int nuls = 0;
        for (int i = 11 + 8; i < oneResultHit.length; i++) {
            if (oneResultHit[i] == 0 && ++nuls == 2) {
                return i + 1 - 11;
            }
        }
        throw new AssertionError("no result found");
    }

    @Test
    void largeFileSizeTravelsInGgepLf() throws Exception {
        long size = 5_000_000_000L;
        QueryHit.Result r = QueryHit.Result.of(1, size, "big.iso", Samples.URN);
        assertThat(r.ggep().get("LF")).contains(Ggep.encodeLong(size));
        QueryHit hit = new QueryHit(Samples.address("7f000001", 1), 0, List.of(r), "SHOL",
                QueryHit.Flags.of(false, false, false, false, true), null, null, Samples.SERVENT);
        byte[] bytes = hit.encode();
        assertThat(HEX.formatHex(bytes, 15, 19)).isEqualTo("ffffffff");
        QueryHit back = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, bytes);
        assertThat(back.results().get(0).size()).isEqualTo(size);
        assertThat(back).isEqualTo(hit);
        // Between 2 and 4 GiB LimeWire also writes 0xFFFFFFFF plus LF.
        assertThat(QueryHit.Result.of(1, 3_000_000_000L, "x", null).ggep().has("LF")).isTrue();
        assertThatThrownBy(() -> new QueryHit.Result(1, size, "x", List.of(), List.of(), Ggep.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ggepHashIsReportedAsUrnAndNotRepeatedAsString() throws Exception {
        QueryHit.Result r = new QueryHit.Result(3, 840, "a.txt", List.of(Samples.URN), List.of(),
                Ggep.of(QueryHit.Result.hashExtension(Samples.URN)));
        QueryHit hit = new QueryHit(Samples.address("7f000001", 1), 0, List.of(r), "SHOL", null, null, null,
                Samples.SERVENT);
        byte[] bytes = hit.encode();
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("urn:sha1:");
        QueryHit back = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, bytes);
        assertThat(back.results().get(0).urns()).containsExactly(Samples.URN);
        assertThat(back.results().get(0).sha1()).contains(Samples.URN);
        assertThat(back.flags()).isNull();
    }

    @Test
    void malformedHashExtensionIsIgnoredNotFatal() throws Exception {
        QueryHit.Result r = new QueryHit.Result(3, 840, "a.txt", List.of(), List.of(),
                Ggep.of(GgepExtension.of("H", new byte[] {0x07, 1, 2})));
        QueryHit hit = new QueryHit(Samples.address("7f000001", 1), 0, List.of(r), null, null, null, null,
                Samples.SERVENT);
        QueryHit back = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, hit.encode());
        assertThat(back.results().get(0).urns()).isEmpty();
        assertThat(back.vendor()).isNull();
    }

    @Test
    void trailerFieldsRequireAVendor() {
        assertThatThrownBy(() -> new QueryHit(Samples.address("7f000001", 1), 0, List.of(), null,
                QueryHit.Flags.of(false, false, false, false, false), null, null, Samples.SERVENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryHit(Samples.address("7f000001", 1), 0, List.of(), "SHOL", null, null, null,
                new byte[0], Samples.SERVENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServentIdIsReadFromTheTrailerWithoutDecodingTheResults() throws Exception {
        for (int results : new int[] {0, 1, QueryHit.MAX_RESULTS}) {
            QueryHit hit = Samples.hit(results);
            assertThat(QueryHit.serventId(hit.encode())).isEqualTo(hit.serventId());
        }
        // Garbage results do not matter to the servent id; a payload too short for one does.
        byte[] garbage = new byte[40];
        garbage[39] = 7;
        assertThat(QueryHit.serventId(garbage).toBytes()[15]).isEqualTo((byte) 7);
        assertThatThrownBy(() -> QueryHit.serventId(new byte[26])).isInstanceOf(BadMessageException.class);
    }
}
