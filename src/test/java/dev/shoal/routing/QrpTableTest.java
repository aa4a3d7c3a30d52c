package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Payload;
import dev.shoal.protocol.QrpPatch;
import dev.shoal.protocol.QrpReset;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QrpTableTest {

    @ParameterizedTest(name = "hash(\"{0}\", {1}) = {2}")
    @CsvSource({"'', 13, 0", "eb, 13, 6791", "ebcklmenq, 13, 3527", "n, 16, 65003", "ndflalem, 16, 37658",
            "7777a88a8a8a8, 10, 342", "3NJA9, 10, 581"})
    void hashMatchesTheReferenceVectors(String word, int bits, int expected) {
        assertThat(QrpTable.hash(word, bits)).isEqualTo(expected);
    }

    @Test
    void aFullTableMatchesEveryKeywordAndAbsorbsAMerge() {
        QrpTable full = QrpTable.full(1 << 10);
        assertThat(full.countSet()).isEqualTo(1 << 10);
        assertThat(full.matches(List.of("anything", "at", "all"))).isTrue();
        assertThat(QrpTable.builder(1 << 10).add("x").build().merge(full)).isEqualTo(full);
    }

    @Test
    void hashIsCaseInsensitive() {
        assertThat(QrpTable.hash("Ubuntu", 16)).isEqualTo(QrpTable.hash("ubuntu", 16));
    }

    @Test
    void hashUsesTheLowByteOfEachUtf16UnitNotUtf8Bytes() {
        // 'é' is U+00E9: one unit, low byte 0xE9 (UTF-8 would be two bytes C3 A9).
        assertThat(QrpTable.hash("é", 16)).isEqualTo(QrpTable.hash("\u01e9", 16));
        assertThat(QrpTable.hash("caf\u00e9", 16)).isNotEqualTo(QrpTable.hash("caf\u00c3\u00a9", 16));
    }

    @Test
    void defaultTableHas65536Slots() {
        assertThat(QrpTable.builder().build().size()).isEqualTo(65536);
        assertThat(QrpTable.DEFAULT_SIZE).isEqualTo(65536);
    }

    @Test
    void insertedKeywordIsFoundLowerCased() {
        QrpTable t = QrpTable.builder().add("Ubuntu").build();
        assertThat(t.contains("ubuntu")).isTrue();
        assertThat(t.contains("UBUNTU")).isTrue();
        assertThat(t.isSet(QrpTable.hash("ubuntu", 16))).isTrue();
    }

    @Test
    void wordsLongerThanFourCharsAlsoInsertThemMinusOneAndTwoChars() {
        QrpTable t = QrpTable.builder().add("guides").build();
        assertThat(t.contains("guides")).isTrue();
        assertThat(t.contains("guide")).isTrue();
        assertThat(t.contains("guid")).isTrue();
        assertThat(t.countSet()).isEqualTo(3);
    }

    @Test
    void wordsOfFourCharsOrLessAreInsertedAlone() {
        QrpTable t = QrpTable.builder().add("cafe").build();
        assertThat(t.countSet()).isEqualTo(1);
        assertThat(t.contains("caf")).isFalse();
    }

    @Test
    void fileNamesAreSplitOnLimeWireDelimiters() {
        QrpTable cafe = QrpTable.builder().addName("Le Grand_Café (draft).txt").build();
        assertThat(cafe.matches(List.of("le", "grand", "cafe", "draft", "txt"))).isTrue();
        QrpTable t = QrpTable.builder().addName("ubuntu-linux-guide.txt").build();
        assertThat(t.matches(List.of("linux", "guide"))).isTrue();
    }

    @Test
    void matchRequiresEveryKeywordToHit() {
        QrpTable t = QrpTable.builder().add("zebra").add("stripes").build();
        assertThat(t.matches(List.of("zebra", "stripes"))).isTrue();
        assertThat(t.matches(List.of("zebra", "lion"))).isFalse();
    }

    @Test
    void emptyKeywordListMatchesNothing() {
        QrpTable t = QrpTable.builder().add("zebra").build();
        assertThat(t.matches(List.of())).isFalse();
    }

    @Test
    void mergeIsTheUnionOfBothTables() {
        QrpTable own = QrpTable.builder().add("zebra").build();
        QrpTable leaf = QrpTable.builder().add("lion").build();
        QrpTable merged = own.merge(leaf);
        assertThat(merged.matches(List.of("zebra", "lion"))).isTrue();
        for (int i = 0; i < merged.size(); i++) {
            assertThat(merged.isSet(i)).isEqualTo(own.isSet(i) || leaf.isSet(i));
        }
        assertThat(own.matches(List.of("lion"))).isFalse();
    }

    @Test
    void mergeRescalesATableOfAnotherSize() {
        QrpTable own = QrpTable.builder(1 << 16).add("zebra").build();
        QrpTable leaf = QrpTable.builder(1 << 14).add("lion").build();
        QrpTable merged = own.merge(leaf);
        assertThat(merged.size()).isEqualTo(1 << 16);
        assertThat(merged.matches(List.of("zebra", "lion"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 10, 1 << 14, 1 << 17, 1 << 21})
    void resizingKeepsEveryKeyword(int newSize) {
        List<String> words = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
        QrpTable t = QrpTable.builder(1 << 16).addAll(words).build();
        assertThat(t.resize(newSize).matches(words)).isTrue();
    }

    @Test
    void matchingHashesWithTheTablesOwnSize() {
        for (int bits = 3; bits <= 21; bits++) {
            QrpTable t = QrpTable.builder(1 << bits).add("zebra").build();
            assertThat(t.bits()).isEqualTo(bits);
            assertThat(t.isSet(QrpTable.hash("zebra", bits))).isTrue();
            assertThat(t.matches(List.of("zebra"))).isTrue();
        }
    }

    @Test
    void sizesMustBePowersOfTwoUpTo2To21() {
        assertThatThrownBy(() -> QrpTable.builder(1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrpTable.empty(1 << 22)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toMessagesGivesResetThenZlibPatchesWithLimeWireEntries() throws Exception {
        QrpTable t = QrpTable.builder().add("zebra").build();
        List<Payload> messages = t.toMessages(4, 7, 4096);
        assertThat(messages.get(0)).isEqualTo(new QrpReset(65536, 7));
        assertThat(messages).hasSize(2);
        QrpPatch patch = (QrpPatch) messages.get(1);
        assertThat(patch.sequenceNumber()).isEqualTo(1);
        assertThat(patch.sequenceSize()).isEqualTo(1);
        assertThat(patch.compressor()).isEqualTo(QrpPatch.COMPRESSOR_ZLIB);
        assertThat(patch.entryBits()).isEqualTo(4);
        byte[] raw = inflate(patch.data());
        assertThat(raw).hasSize(32768);
        int slot = QrpTable.hash("zebra", 16);
        int nibble = (raw[slot / 2] >> (slot % 2 == 0 ? 4 : 0)) & 0x0F;
        assertThat(nibble).as("present = -6").isEqualTo(0xA);
        int other = slot == 0 ? 1 : 0;
        int absent = (raw[other / 2] >> (other % 2 == 0 ? 4 : 0)) & 0x0F;
        assertThat(absent).as("absent = +6").isEqualTo(6);
    }

    @Test
    void toMessagesCutsTheCompressedStreamIntoChunks() {
        QrpTable.Builder b = QrpTable.builder();
        for (int i = 0; i < 3000; i++) {
            b.add("word" + i);
        }
        List<Payload> messages = b.build().toMessages(4, 7, 512);
        assertThat(messages.size()).isGreaterThan(3);
        for (int i = 1; i < messages.size(); i++) {
            QrpPatch p = (QrpPatch) messages.get(i);
            assertThat(p.sequenceNumber()).isEqualTo(i);
            assertThat(p.sequenceSize()).isEqualTo(messages.size() - 1);
            assertThat(p.data().length).isLessThanOrEqualTo(512);
        }
    }

    @ParameterizedTest(name = "{0}-bit entries, infinity {1}")
    @CsvSource({"1, 2", "2, 2", "4, 2", "4, 7", "8, 7", "8, 100"})
    void tableSurvivesARoundTripThroughTheAssembler(int bits, int infinity) throws Exception {
        QrpTable.Builder b = QrpTable.builder();
        for (int i = 0; i < 500; i++) {
            b.add("file" + i);
        }
        QrpTable t = b.build();
        Optional<QrpTable> received = Optional.empty();
        try (QrpTableAssembler assembler = new QrpTableAssembler()) {
            for (Payload p : t.toMessages(bits, infinity, 256)) {
                received = assembler.accept(p);
            }
        }
        assertThat(received).contains(t);
    }

    @Test
    void infinityThatDoesNotFitTheEntryWidthIsRejected() {
        assertThatThrownBy(() -> QrpTable.builder().build().toMessages(4, 10, 4096))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrpTable.builder().build().toMessages(1, 3, 4096))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] inflate(byte[] data) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!inflater.finished()) {
            out.write(buf, 0, inflater.inflate(buf));
        }
        inflater.end();
        return out.toByteArray();
    }
}
