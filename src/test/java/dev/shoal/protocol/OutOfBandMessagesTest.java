package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Out-of-band hits on the wire: the reply address in a query GUID, LIME/12 and LIME/11, byte for byte. */
class OutOfBandMessagesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theReplyAddressTakesBytes0To3InNetworkOrderAnd13To14LittleEndian() {
        Guid base = Guid.fromHex("00112233445566778899aabbccddeeff");
        Guid oob = OobGuid.withReplyAddress(base, new InetSocketAddress("10.20.30.40", 0x1AE2));

        assertThat(oob.toHex()).isEqualTo("0a141e28" + "445566778899aabbcc" + "e21a" + "ff");
        assertThat(OobGuid.replyAddress(oob)).isEqualTo(new InetSocketAddress("10.20.30.40", 0x1AE2));
    }

    @Test
    void onlyAnIpv4AddressWithAPortGoesIntoAGuid() {
        assertThatThrownBy(() -> OobGuid.withReplyAddress(Guid.random(), new InetSocketAddress("::1", 6346)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OobGuid.withReplyAddress(Guid.random(), new InetSocketAddress("127.0.0.1", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplyNumberIsLime12WithTheCountAndTheUnsolicitedBit() throws Exception {
        byte[] payload = new ReplyNumber(7, true, ReplyNumber.V3).toVendorMessage().encode();

        assertThat(HEX.formatHex(payload)).isEqualTo("4c494d45" + "0c00" + "0300" + "07" + "01");
        VendorMessage back = (VendorMessage) MessageCodec.decode(MessageType.VENDOR, payload);
        assertThat(ReplyNumber.is(back)).isTrue();
        assertThat(LimeAck.is(back)).isFalse();
        assertThat(ReplyNumber.from(back)).isEqualTo(new ReplyNumber(7, true, 3));
        assertThat(ReplyNumber.from(back).echoesToken()).isTrue();
    }

    @Test
    void aVersion2ReplyNumberWithoutTheFlagsByteReadsAsNotReceivingUnsolicited() throws Exception {
        ReplyNumber n = ReplyNumber.from(new VendorMessage("LIME", 12, 2, new byte[] {(byte) 200}));

        assertThat(n).isEqualTo(new ReplyNumber(200, false, 2));
        assertThat(n.echoesToken()).isFalse();
        assertThat(ReplyNumber.from(new VendorMessage("LIME", 12, 3, new byte[] {1, 1, 9, 9})).results()).isEqualTo(1);
    }

    @Test
    void aReplyNumberOfferingNothingOrWithoutACountIsMalformed() {
        assertThatThrownBy(() -> ReplyNumber.from(new VendorMessage("LIME", 12, 2, new byte[] {0, 1})))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> ReplyNumber.from(new VendorMessage("LIME", 12, 2, new byte[0])))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> new ReplyNumber(256, false, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersion3AckFollowsTheCountWithGgepSoHoldingTheToken() throws Exception {
        byte[] token = HEX.parseHex("0102030405060708");
        byte[] payload = new LimeAck(50, token, LimeAck.V3).toVendorMessage().encode();

        assertThat(HEX.formatHex(payload)).isEqualTo("4c494d45" + "0b00" + "0300" + "32" + "c3" + "82" + "534f"
                + "48" + "0102030405060708");
        LimeAck back = LimeAck.from((VendorMessage) MessageCodec.decode(MessageType.VENDOR, payload));
        assertThat(back).isEqualTo(new LimeAck(50, token, 3));
        assertThat(back.token()).containsExactly(token);
    }

    @Test
    void aVersion2AckIsTheCountAlone() throws Exception {
        byte[] payload = new LimeAck(0, null, LimeAck.V2).toVendorMessage().encode();

        assertThat(HEX.formatHex(payload)).isEqualTo("4c494d45" + "0b00" + "0200" + "00");
        LimeAck back = LimeAck.from((VendorMessage) MessageCodec.decode(MessageType.VENDOR, payload));
        assertThat(back.wanted()).isZero();
        assertThat(back.tokenIfAny()).isEmpty();
    }

    @Test
    void anAckWithBrokenGgepOrAnOversizedTokenOrNoCountIsMalformed() {
        assertThatThrownBy(() -> LimeAck.from(new VendorMessage("LIME", 11, 3, HEX.parseHex("05c382534f45"))))
                .isInstanceOf(BadMessageException.class);
        byte[] longToken = new byte[40];
        byte[] body = new byte[1 + 5 + 40];
        body[0] = 5;
        System.arraycopy(HEX.parseHex("c382534f80"), 0, body, 1, 5);
        body[5] = (byte) 0x68; // 40 = 0x28 -> one length byte 0x40 | 0x28
        System.arraycopy(longToken, 0, body, 6, 40);
        assertThatThrownBy(() -> LimeAck.from(new VendorMessage("LIME", 11, 3, body)))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> LimeAck.from(new VendorMessage("LIME", 11, 2, new byte[0])))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void aHitEchoesTheTokenInItsTrailerGgepAndSaysItHasGgep() throws Exception {
        QueryHit hit = new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 100,
                List.of(QueryHit.Result.of(1, 10, "a.txt", null), QueryHit.Result.of(2, 20, "b.txt", null)),
                "SHOL", QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], Guid.random());
        byte[] token = HEX.parseHex("0a0b0c0d0e0f1011");

        QueryHit echoed = hit.withTrailerExtension(GgepExtension.of(LimeAck.TOKEN_KEY, token));
        QueryHit back = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, echoed.encode());

        assertThat(back.trailerGgep().get("SO")).contains(token);
        assertThat(back.flags().ggep()).isTrue();
        assertThat(back.results()).hasSize(2);
        assertThat(back.firstResults(1).results()).extracting(QueryHit.Result::name).containsExactly("a.txt");
        assertThat(back.firstResults(5)).isSameAs(back);
    }
}
