package dev.shoal.routing;

import dev.shoal.protocol.Keywords;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.QrpPatch;
import dev.shoal.protocol.QrpReset;
import dev.shoal.protocol.Urn;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.zip.Deflater;

/**
 * An immutable Query Routing Protocol table: a power-of-two number of slots, each present or
 * absent ("boolean" table, the way LimeWire and gtk-gnutella use QRP). A keyword is in the table
 * when the slot given by {@link #hash(CharSequence, int)} is present. Matching always hashes with
 * this table's own size, so tables of any accepted size can be matched without rescaling.
 */
public final class QrpTable {
    public static final int DEFAULT_SIZE = 1 << 16;
    public static final int MIN_SIZE = 1 << 3;
    public static final int MAX_SIZE = 1 << 21;
    /** LimeWire's patch format: 4-bit entries, infinity 7, 4 KiB compressed chunks. */
    public static final int DEFAULT_ENTRY_BITS = 4;
    public static final int DEFAULT_INFINITY = 7;
    public static final int DEFAULT_CHUNK_SIZE = 4096;

    /** The characters LimeWire splits file names on, besides white space. */
    /** ⌊((√5−1)/2)·2^31⌋, the QRP multiplier (not the usual golden-ratio constant 0x9E3779B9). */
    private static final int MULTIPLIER = 0x4F1BBCDC;

    private final int bits;
    private final BitSet slots;

    private QrpTable(int bits, BitSet slots) {
        this.bits = bits;
        this.slots = slots;
    }

    /** An empty table of {@code size} slots (a power of two, {@link #MIN_SIZE}..{@link #MAX_SIZE}). */
    public static QrpTable empty(int size) {
        return new QrpTable(bitsOf(size), new BitSet(size));
    }

    /**
     * A table with every slot present: it matches every keyword, so a peer that sends it gets every
     * query, as if there were no query routing at all.
     */
    public static QrpTable full(int size) {
        BitSet all = new BitSet(size);
        all.set(0, size);
        return new QrpTable(bitsOf(size), all);
    }

    public static Builder builder() {
        return new Builder(DEFAULT_SIZE);
    }

    public static Builder builder(int size) {
        return new Builder(size);
    }

    /** Wraps slots decoded elsewhere (the assembler); the set is copied. */
    static QrpTable of(int size, BitSet present) {
        return new QrpTable(bitsOf(size), (BitSet) present.clone());
    }

    /**
     * The QRP hash of a keyword into a table of {@code 2^bits} slots. Each UTF-16 unit is
     * lower-cased and its low byte XORed into a 32-bit accumulator at byte offsets 0, 8, 16, 24,
     * 0, …; the accumulator is multiplied by the QRP constant and the top {@code bits} bits kept.
     * Hashing the low byte of each char (not UTF-8 bytes) is what LimeWire and gtk-gnutella do.
     */
    public static int hash(CharSequence keyword, int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("bits must be 1..32: " + bits);
        }
        int acc = 0;
        int shift = 0;
        for (int i = 0; i < keyword.length(); i++) {
            int b = Character.toLowerCase(keyword.charAt(i)) & 0xFF;
            acc ^= b << shift;
            shift = (shift + 8) & 31;
        }
        long product = (acc * MULTIPLIER) & 0xFFFFFFFFL;
        return (int) (product >>> (32 - bits));
    }

    public int size() {
        return 1 << bits;
    }

    /** log2 of the size: the number of hash bits used for this table. */
    public int bits() {
        return bits;
    }

    public boolean isSet(int slot) {
        return slots.get(slot);
    }

    /** Number of present slots. */
    public int countSet() {
        return slots.cardinality();
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** True if the keyword's slot is present. */
    public boolean contains(String keyword) {
        return !keyword.isEmpty() && slots.get(hash(keyword, bits));
    }

    /**
     * True if the slot of one of the URNs is present (a table holds each shared file's URN whole,
     * see {@link Builder#addUrn}). An empty list matches nothing.
     */
    public boolean containsAnyUrn(List<Urn> urns) {
        for (Urn u : urns) {
            if (slots.get(hash(lower(u.toString()), bits))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if every keyword hits (LimeWire's rule for plain queries). An empty list matches
     * nothing: there is nothing to route on.
     */
    public boolean matches(List<String> keywords) {
        if (keywords.isEmpty()) {
            return false;
        }
        for (String k : keywords) {
            if (!contains(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The union of this table and {@code other}, at this table's size: how an ultrapeer
     * combines its own table with its leaves' tables before sending it to other ultrapeers.
     */
    public QrpTable merge(QrpTable other) {
        BitSet union = (BitSet) slots.clone();
        union.or(other.resize(size()).slots);
        return new QrpTable(bits, union);
    }

    /**
     * This table at another size. Since a slot index is the top bits of the same 32-bit product,
     * shrinking ORs the slots that share a prefix and growing copies each slot to all its
     * extensions: every keyword present here is present in the result.
     */
    public QrpTable resize(int newSize) {
        int newBits = bitsOf(newSize);
        if (newBits == bits) {
            return this;
        }
        BitSet out = new BitSet(newSize);
        for (int i = slots.nextSetBit(0); i >= 0; i = slots.nextSetBit(i + 1)) {
            if (newBits < bits) {
                out.set(i >>> (bits - newBits));
            } else {
                int d = newBits - bits;
                out.set(i << d, (i + 1) << d);
            }
        }
        return new QrpTable(newBits, out);
    }

    /** {@link #toMessages(int, int, int)} with LimeWire's format (4-bit, infinity 7, 4 KiB). */
    public List<Payload> toMessages() {
        return toMessages(DEFAULT_ENTRY_BITS, DEFAULT_INFINITY, DEFAULT_CHUNK_SIZE);
    }

    /**
     * The RESET and full PATCH that send this whole table: one signed entry per slot, packed
     * high bits first ({@code entryBits} of 1, 2, 4 or 8), present = −(infinity−1) and absent =
     * +(infinity−1) (0 where the entry width has no room for it: after a RESET that keeps the
     * slot clear too). The patch is zlib-compressed once and cut into {@code chunkSize} pieces.
     *
     * @return the {@link QrpReset} followed by the {@link QrpPatch} pieces 1..n, in send order
     */
    public List<Payload> toMessages(int entryBits, int infinity, int chunkSize) {
        if (entryBits != 1 && entryBits != 2 && entryBits != 4 && entryBits != 8) {
            throw new IllegalArgumentException("entry bits must be 1, 2, 4 or 8: " + entryBits);
        }
        int minValue = -(1 << (entryBits - 1));
        int maxValue = (1 << (entryBits - 1)) - 1;
        if (infinity < 2 || -(infinity - 1) < minValue) {
            throw new IllegalArgumentException("infinity " + infinity + " does not fit " + entryBits + "-bit entries");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        int present = (-(infinity - 1)) & ((1 << entryBits) - 1);
        int absent = Math.min(infinity - 1, maxValue);
        byte[] raw = pack(entryBits, present, absent);
        byte[] compressed = deflate(raw);
        int pieces = (compressed.length + chunkSize - 1) / chunkSize;
        if (pieces > 255) {
            throw new IllegalArgumentException("patch needs " + pieces + " pieces, at most 255: raise the chunk size");
        }
        List<Payload> out = new ArrayList<>(pieces + 1);
        out.add(new QrpReset(size(), infinity));
        for (int i = 0; i < pieces; i++) {
            byte[] piece = Arrays.copyOfRange(compressed, i * chunkSize, Math.min(compressed.length, (i + 1) * chunkSize));
            out.add(new QrpPatch(i + 1, pieces, QrpPatch.COMPRESSOR_ZLIB, entryBits, piece));
        }
        return out;
    }

    private byte[] pack(int entryBits, int present, int absent) {
        int perByte = 8 / entryBits;
        byte[] raw = new byte[size() / perByte];
        int slot = 0;
        for (int i = 0; i < raw.length; i++) {
            int b = 0;
            for (int k = 0; k < perByte; k++) {
                b = (b << entryBits) | (slots.get(slot++) ? present : absent);
            }
            raw[i] = (byte) b;
        }
        return raw;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static int bitsOf(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("QRP table size must be a power of two in "
                    + MIN_SIZE + ".." + MAX_SIZE + ": " + size);
        }
        return Integer.numberOfTrailingZeros(size);
    }

    /** Lower-cases per UTF-16 unit, as the hash does, so the string length never changes. */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrpTable t && t.bits == bits && t.slots.equals(slots);
    }

    @Override
    public int hashCode() {
        return slots.hashCode() * 31 + bits;
    }

    @Override
    public String toString() {
        return "QrpTable[" + size() + " slots, " + countSet() + " set]";
    }

    /** Collects keywords into a new table. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final int bits;
        private final BitSet slots;

        private Builder(int size) {
            this.bits = bitsOf(size);
            this.slots = new BitSet(size);
        }

        /**
         * Adds one keyword, lower-cased. Words longer than 4 characters also go in without
         * their last 1 and last 2 characters, as LimeWire does, so that a query for a slightly
         * shorter form (a plural, a stem) still reaches us.
         */
        public Builder add(String keyword) {
            String w = lower(keyword.strip());
            if (w.isEmpty()) {
                return this;
            }
            slots.set(hash(w, bits));
            if (w.length() > 4) {
                slots.set(hash(w.substring(0, w.length() - 1), bits));
                slots.set(hash(w.substring(0, w.length() - 2), bits));
            }
            return this;
        }

        public Builder addAll(Collection<String> keywords) {
            keywords.forEach(this::add);
            return this;
        }

        /** Splits a file name with {@link Keywords#split(String)}, the rule queries use, and adds each word. */
        public Builder addName(String fileName) {
            return addAll(Keywords.split(fileName));
        }

        /**
         * Adds a file's URN as one word ({@code urn:sha1:...}, lower-cased, never shortened), so
         * that an ultrapeer can route a query by hash alone to the leaf that has the file.
         */
        public Builder addUrn(Urn urn) {
            slots.set(hash(lower(urn.toString()), bits));
            return this;
        }

        public QrpTable build() {
            return new QrpTable(bits, (BitSet) slots.clone());
        }
    }
}
