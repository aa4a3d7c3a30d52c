package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.GtkgCaptures;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vendor messages of leaf guidance (BEAR/11, BEAR/12) and "Messages Supported", byte for byte. */
class VendorMessagesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aQueryStatusRequestIsBear11Version1WithNoBody() throws Exception {
        byte[] payload = QueryStatus.request().encode();

        assertThat(HEX.formatHex(payload)).isEqualTo("42454152" + "0b00" + "0100");
        VendorMessage back = (VendorMessage) MessageCodec.decode(MessageType.VENDOR, payload);
        assertThat(QueryStatus.isRequest(back)).isTrue();
        assertThat(QueryStatus.isResponse(back)).isFalse();
    }

    @Test
    void aQueryStatusResponseCarriesTheCountLittleEndian() throws Exception {
        byte[] payload = QueryStatus.response(0x0102).encode();

        assertThat(HEX.formatHex(payload)).isEqualTo("42454152" + "0c00" + "0100" + "0201");
        VendorMessage back = (VendorMessage) MessageCodec.decode(MessageType.VENDOR, payload);
        assertThat(QueryStatus.isResponse(back)).isTrue();
        assertThat(QueryStatus.kept(back)).isEqualTo(0x0102);
    }

    @Test
    void stopIsFfffAndACountNeverReachesIt() throws Exception {
        assertThat(HEX.formatHex(QueryStatus.stop().encode())).endsWith("ffff");
        assertThat(QueryStatus.kept(QueryStatus.response(70_000))).isEqualTo(0xFFFE);
        assertThat(QueryStatus.kept(QueryStatus.response(0xFFFF))).isEqualTo(0xFFFE);
        assertThatThrownBy(() -> QueryStatus.response(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResponseTooShortForItsCountIsMalformed() throws Exception {
        VendorMessage shortOne = new VendorMessage("BEAR", 12, 1, new byte[] {5});

        assertThatThrownBy(() -> QueryStatus.kept(shortOne)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void theStandardTypeWithTheSameSelectorIsNotLeafGuidance() {
        VendorMessage standard = new VendorMessage(MessageType.VENDOR_STANDARD, "BEAR", 11, 1, new byte[0]);

        assertThat(QueryStatus.isRequest(standard)).isFalse();
    }

    @Test
    void gtkGnutellasMessagesSupportedDecodesAndListsLeafGuidance() throws Exception {
        byte[] frame = GtkgCaptures.read("vendor-messages-supported.bin");
        VendorMessage v = (VendorMessage) MessageCodec.decode(MessageType.VENDOR,
                Arrays.copyOfRange(frame, 23, frame.length));

        MessagesSupported theirs = MessagesSupported.from(v);

        assertThat(theirs.entries()).hasSize(27);
        assertThat(theirs.entries()).contains(new MessagesSupported.Entry("BEAR", 11, 1),
                new MessagesSupported.Entry("BEAR", 12, 1), new MessagesSupported.Entry("LIME", 21, 2));
        assertThat(theirs.supports("BEAR", 11)).isTrue();
        assertThat(theirs.supports("GTKG", 99)).isFalse();
        assertThat(theirs.toVendorMessage().encode()).isEqualTo(v.encode());
    }

    @Test
    void ourLeafGuidanceEntriesAreByteForByteGtkGnutellas() {
        byte[] frame = GtkgCaptures.read("vendor-messages-supported.bin");
        String theirs = HEX.formatHex(frame);
        byte[] ours = new MessagesSupported(List.of(new MessagesSupported.Entry("BEAR", 11, 1),
                new MessagesSupported.Entry("BEAR", 12, 1))).toVendorMessage().encode();

        assertThat(HEX.formatHex(ours)).isEqualTo("00000000" + "0000" + "0000" + "0200"
                + "424541520b000100" + "424541520c000100");
        assertThat(theirs).contains("424541520b000100424541520c000100");
    }
}
