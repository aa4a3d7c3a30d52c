package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.GtkgCaptures;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tiger tree root in hits, read from gtk-gnutella's captures and written the way it writes it. */
class BitprintTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Urn SHA1 = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
    private static final TigerRoot ROOT = TigerRoot.parse("LWPNACQDBZRYXW3VHJVCJ64QBZNGHOHHHZWCLNQ");

    private static QueryHit.Result firstResult(String capture) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(GtkgCaptures.read(capture));
        Header h = Header.read(b, 65_535);
        byte[] payload = new byte[h.payloadLength()];
        b.get(payload);
        return ((QueryHit) MessageCodec.decode(h.type(), payload)).results().get(0);
    }

    @Test
    void rootIsReadFromGtkGnutellasTtExtension() throws Exception {
        QueryHit.Result r = firstResult("queryhit-single.bin");
        assertThat(r.tigerRoot()).contains(TigerRoot.of(HEX.parseHex("9e63c1e70478f1dbaa3ce45d3f07bb465997a68159e9138e")));
        assertThat(r.sha1()).contains(SHA1);
    }

    @Test
    void rootIsReadFromGtkGnutellasGgepHBitprint() throws Exception {
        // The captured H value: type 02, the 20-byte SHA-1, then the 24-byte Tiger root.
        String h = "021155a3dc7cfe590bcf43c5cf8d52c9c35062c98e496cffe3a3eeeb0871a34c6a84e3d04a1e1c7a070822b488";
        QueryHit.Result r = firstResult("queryhit-urn-sha1-ggep-h.bin");
        assertThat(r.tigerRoot()).contains(TigerRoot.of(HEX.parseHex(h.substring(2 + 40))));
        assertThat(r.sha1()).contains(Urn.sha1(HEX.parseHex(h.substring(2, 42))));
    }

    @Test
    void aResultWithoutRootHasNone() {
        assertThat(QueryHit.Result.of(1, 10, "a.txt", SHA1).tigerRoot()).isEmpty();
    }

    @Test
    void forAGgepHQuerierTheBitprintGoesInHAndNoSha1StringIsSent() throws Exception {
        QueryHit.Result r = QueryHit.Result.of(3, 840, "a.txt", SHA1).withTigerRoot(ROOT, true);
        QueryHit.Result back = roundTrip(r);
        assertThat(back.tigerRoot()).contains(ROOT);
        assertThat(back.sha1()).contains(SHA1);
        assertThat(back.ggep().get("H").orElseThrow()).hasSize(45).startsWith(2);
        assertThat(new String(hitBytes(r), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("urn:sha1:");
    }

    @Test
    void forOthersTheRootGoesInTtBesideTheSha1String() throws Exception {
        QueryHit.Result r = QueryHit.Result.of(3, 840, "a.txt", SHA1).withTigerRoot(ROOT, false);
        QueryHit.Result back = roundTrip(r);
        assertThat(back.tigerRoot()).contains(ROOT);
        assertThat(back.ggep().has("H")).isFalse();
        assertThat(new String(hitBytes(r), java.nio.charset.StandardCharsets.ISO_8859_1)).contains(SHA1.toString());
    }

    @Test
    void bitprintTextRoundTrips() {
        String text = ROOT.bitprint(SHA1);
        assertThat(text).isEqualTo("urn:bitprint:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ.LWPNACQDBZRYXW3VHJVCJ64QBZNGHOHHHZWCLNQ");
        assertThat(TigerRoot.ofBitprint(text)).contains(ROOT);
        assertThat(Urn.parse(text)).isEqualTo(SHA1);
        assertThat(TigerRoot.ofBitprint(SHA1.toString())).isEmpty();
        assertThat(TigerRoot.ofBitprint(text.replace('.', ':'))).isEmpty();
        assertThatThrownBy(() -> TigerRoot.parse("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TigerRoot.of(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hitBytes(QueryHit.Result r) {
        return new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 10, List.of(r), "SHOL",
                QueryHit.Flags.of(false, false, false, false, true), Ggep.EMPTY, new byte[0], Guid.random()).encode();
    }

    private static QueryHit.Result roundTrip(QueryHit.Result r) throws Exception {
        return ((QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, hitBytes(r))).results().get(0);
    }
}
