package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.GtkgCaptures;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.QrpPatch;
import dev.shoal.protocol.QrpReset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class QrpTableAssemblerTest {

    /** Reads a captured RESET body: variant, LE32 length, infinity. */
    private static QrpReset resetFrom(byte[] message) {
        ByteBuffer b = ByteBuffer.wrap(message, Header.SIZE, message.length - Header.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.get()).isEqualTo((byte) QrpReset.VARIANT);
        return new QrpReset(b.getInt(), b.get() & 0xFF);
    }

    /** Reads a captured PATCH body: variant, seq no, seq size, compressor, entry bits, data. */
    private static QrpPatch patchFrom(byte[] message) {
        byte[] p = Arrays.copyOfRange(message, Header.SIZE, message.length);
        assertThat(p[0]).isEqualTo((byte) QrpPatch.VARIANT);
        return new QrpPatch(p[1] & 0xFF, p[2] & 0xFF, p[3] & 0xFF, p[4] & 0xFF, Arrays.copyOfRange(p, 5, p.length));
    }

    @Test
    void gtkGnutellaCaptureAssemblesTo29PresentSlotsOf16384() throws Exception {
        QrpReset reset = resetFrom(GtkgCaptures.read("qrp-reset.bin"));
        QrpPatch patch = patchFrom(GtkgCaptures.read("qrp-patch-1.bin"));
        assertThat(reset).isEqualTo(new QrpReset(16384, 2));
        assertThat(patch.entryBits()).isEqualTo(4);
        try (QrpTableAssembler assembler = new QrpTableAssembler()) {
            assertThat(assembler.accept(reset)).isEmpty();
            Optional<QrpTable> table = assembler.accept(patch);
            assertThat(table).isPresent();
            assertThat(table.get().size()).isEqualTo(16384);
            assertThat(table.get().bits()).isEqualTo(14);
            assertThat(table.get().countSet()).isEqualTo(29);
        }
    }

    @Test
    void gtkGnutellaTableMatchesTheWordsOfItsSharedFiles() throws Exception {
        QrpTable table;
        try (QrpTableAssembler assembler = new QrpTableAssembler()) {
            assembler.accept(resetFrom(GtkgCaptures.read("qrp-reset.bin")));
            table = assembler.accept(patchFrom(GtkgCaptures.read("qrp-patch-1.bin"))).orElseThrow();
        }
        // Its six files: hashing with the table's own 14 bits must find their words.
        assertThat(table.matches(List.of("ubuntu", "linux", "guide"))).isTrue();
        assertThat(table.matches(List.of("sample", "clip"))).isTrue();
    }

    @Test
    void patchBeforeAnyResetIsRejected() {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(1, 1, 0, 8, new byte[16])))
                .isInstanceOf(QrpException.class)
                .satisfies(e -> assertThat(((QrpException) e).byeCode()).isEqualTo(Bye.BAD_QRP));
    }

    @Test
    void patchSequenceMustStartAtOne() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(16, 2));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(2, 2, 0, 8, new byte[8])))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void patchSequenceNumbersMustNotSkip() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(32, 2));
        assembler.accept(new QrpPatch(1, 3, 0, 8, new byte[8]));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(3, 3, 0, 8, new byte[8])))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void sequenceSizeMustStayConstant() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(32, 2));
        assembler.accept(new QrpPatch(1, 3, 0, 8, new byte[8]));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(2, 4, 0, 8, new byte[8])))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void moreEntriesThanSlotsIsRejected() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(16, 2));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(1, 1, 0, 8, new byte[17])))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void fewerEntriesThanSlotsAtTheLastPieceIsRejected() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(16, 2));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(1, 1, 0, 4, new byte[7])))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void corruptZlibDataIsRejected() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(16, 2));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(1, 1, 1, 4, new byte[] {1, 2, 3, 4, 5, 6})))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void unknownCompressorIsRejected() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(16, 2));
        assertThatThrownBy(() -> assembler.accept(new QrpPatch(1, 1, 2, 8, new byte[16])))
                .isInstanceOf(QrpException.class);
    }

    @Test
    void tablesUpTo2To21SlotsAreAcceptedAndLargerOnesRejected() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(1 << 21, 2));
        assertThatThrownBy(() -> assembler.accept(new QrpReset(1 << 22, 2))).isInstanceOf(QrpException.class);
    }

    @Test
    void largestTableAssemblesFromOneBitEntries() throws Exception {
        QrpTable t = QrpTable.builder(1 << 21).add("zebra").add("lion").build();
        Optional<QrpTable> received = Optional.empty();
        try (QrpTableAssembler assembler = new QrpTableAssembler()) {
            for (Payload p : t.toMessages(1, 2, 4096)) {
                received = assembler.accept(p);
            }
        }
        assertThat(received).contains(t);
    }

    @Test
    void negativeEntrySetsPositiveClearsZeroKeeps() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(8, 7));
        // 8-bit entries: slots 0,1,2 set; 3..7 untouched.
        QrpTable first = assembler.accept(new QrpPatch(1, 1, 0, 8, new byte[] {-1, -6, -128, 0, 0, 0, 0, 0}))
                .orElseThrow();
        assertThat(first.countSet()).isEqualTo(3);
        // An incremental patch against it: clear slot 0, keep 1, set 7.
        QrpTable second = assembler.accept(new QrpPatch(1, 1, 0, 8, new byte[] {6, 0, 0, 0, 0, 0, 0, -1}))
                .orElseThrow();
        assertThat(second.isSet(0)).isFalse();
        assertThat(second.isSet(1)).isTrue();
        assertThat(second.isSet(2)).isTrue();
        assertThat(second.isSet(7)).isTrue();
        assertThat(first.isSet(0)).as("a completed table is not changed by later patches").isTrue();
    }

    @Test
    void fourBitEntriesAreReadHighNibbleFirstAndSignExtended() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(8, 2));
        // 0xF1: slot 0 = -1 (set), slot 1 = +1 (clear); 0x0F: slot 2 keep, slot 3 = -1 (set).
        QrpTable t = assembler.accept(new QrpPatch(1, 1, 0, 4, new byte[] {(byte) 0xF1, 0x0F, 0, 0})).orElseThrow();
        assertThat(t.isSet(0)).isTrue();
        assertThat(t.isSet(1)).isFalse();
        assertThat(t.isSet(2)).isFalse();
        assertThat(t.isSet(3)).isTrue();
    }

    @Test
    void oneInflaterSpansAllPiecesOfASequence() throws Exception {
        byte[] raw = new byte[64];
        raw[10] = -1;
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[256];
        int n = deflater.deflate(buf);
        deflater.end();
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(64, 2));
        int pieces = n;
        Optional<QrpTable> t = Optional.empty();
        for (int i = 0; i < pieces; i++) {
            t = assembler.accept(new QrpPatch(i + 1, pieces, 1, 8, new byte[] {buf[i]}));
            assertThat(t.isPresent()).isEqualTo(i == pieces - 1);
        }
        assertThat(t.orElseThrow().countSet()).isEqualTo(1);
        assertThat(t.orElseThrow().isSet(10)).isTrue();
    }

    @Test
    void resetInTheMiddleOfASequenceStartsOver() throws Exception {
        QrpTableAssembler assembler = new QrpTableAssembler();
        assembler.accept(new QrpReset(16, 2));
        assembler.accept(new QrpPatch(1, 2, 0, 8, new byte[8]));
        assembler.accept(new QrpReset(16, 2));
        assertThat(assembler.accept(new QrpPatch(1, 1, 0, 8, new byte[16]))).isPresent();
    }
}
