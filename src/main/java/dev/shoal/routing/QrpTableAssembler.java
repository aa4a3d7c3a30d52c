package dev.shoal.routing;

import dev.shoal.protocol.Payload;
import dev.shoal.protocol.QrpPatch;
import dev.shoal.protocol.QrpReset;
import java.util.BitSet;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Rebuilds the QRP table a peer sends us; one per connection. A RESET sizes and clears the table;
 * PATCH pieces 1..n then carry one signed entry per slot (1, 2, 4 or 8 bits, high bits first in
 * each byte) as one stream, zlib-compressed as a whole, so a single {@link Inflater} spans the
 * pieces. Entries are read the robust LimeWire way: negative → present, positive → absent, 0 →
 * unchanged, which covers both full tables and later incremental patches.
 *
 * <p>Any violation (patch before reset, sequence gap or restart, changed size/format, too many
 * or too few entries, corrupt zlib data, table above {@link QrpTable#MAX_SIZE}) throws
 * {@link QrpException}; the connection should then be closed. Not thread-safe.
 */
public final class QrpTableAssembler implements AutoCloseable {
    private final int maxSize;
    private BitSet slots;
    private int size;
    // Sequence in progress; expectedSeq is 1 when none is.
    private int expectedSeq = 1;
    private int seqSize;
    private int entryBits;
    private int compressor;
    private int position;
    private Inflater inflater;

    public QrpTableAssembler() {
        this(QrpTable.MAX_SIZE);
    }

    public QrpTableAssembler(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * Applies a RESET or PATCH payload.
     *
     * @return the whole table when this payload completed a patch sequence, else empty
     */
    public Optional<QrpTable> accept(Payload payload) throws QrpException {
        if (payload instanceof QrpReset r) {
            reset(r);
            return Optional.empty();
        }
        if (payload instanceof QrpPatch p) {
            return patch(p);
        }
        throw new IllegalArgumentException("not a QRP payload: " + payload);
    }

    public void reset(QrpReset reset) throws QrpException {
        endInflater();
        int length = reset.tableLength();
        if (length > maxSize || length < QrpTable.MIN_SIZE) {
            throw new QrpException("QRP table of " + length + " slots outside " + QrpTable.MIN_SIZE + ".." + maxSize);
        }
        size = length;
        slots = new BitSet(length);
        expectedSeq = 1;
    }

    public Optional<QrpTable> patch(QrpPatch patch) throws QrpException {
        if (slots == null) {
            throw new QrpException("QRP patch before any reset");
        }
        if (patch.sequenceNumber() != expectedSeq) {
            throw new QrpException("QRP patch " + patch.sequenceNumber() + " where " + expectedSeq + " was expected");
        }
        if (expectedSeq == 1) {
            start(patch);
        } else if (patch.sequenceSize() != seqSize || patch.entryBits() != entryBits
                || patch.compressor() != compressor) {
            throw new QrpException("QRP patch " + patch + " changes the sequence format mid-way");
        }
        byte[] data = patch.data();
        if (compressor == QrpPatch.COMPRESSOR_ZLIB) {
            inflate(data);
        } else {
            apply(data, data.length);
        }
        if (patch.sequenceNumber() < seqSize) {
            expectedSeq++;
            return Optional.empty();
        }
        endInflater();
        expectedSeq = 1;
        if (position != size) {
            throw new QrpException("QRP patch sequence carried " + position + " entries for " + size + " slots");
        }
        return Optional.of(QrpTable.of(size, slots));
    }

    private void start(QrpPatch patch) throws QrpException {
        if (patch.compressor() != QrpPatch.COMPRESSOR_NONE && patch.compressor() != QrpPatch.COMPRESSOR_ZLIB) {
            throw new QrpException("unknown QRP compressor " + patch.compressor());
        }
        seqSize = patch.sequenceSize();
        entryBits = patch.entryBits();
        compressor = patch.compressor();
        position = 0;
        endInflater();
        if (compressor == QrpPatch.COMPRESSOR_ZLIB) {
            inflater = new Inflater();
        }
    }

    private void inflate(byte[] data) throws QrpException {
        inflater.setInput(data);
        byte[] buf = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new QrpException("QRP patch needs a zlib dictionary");
                    }
                    if (inflater.needsInput()) {
                        break;
                    }
                }
                apply(buf, n);
            }
        } catch (DataFormatException e) {
            endInflater();
            throw new QrpException("corrupt zlib data in QRP patch: " + e.getMessage(), e);
        }
    }

    private void apply(byte[] bytes, int length) throws QrpException {
        int perByte = 8 / entryBits;
        if (position + (long) length * perByte > size) {
            endInflater();
            throw new QrpException("QRP patch carries more entries than the " + size + "-slot table");
        }
        int mask = (1 << entryBits) - 1;
        int signBit = 1 << (entryBits - 1);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            for (int k = perByte - 1; k >= 0; k--) {
                int raw = (b >>> (k * entryBits)) & mask;
                int value = (raw & signBit) != 0 ? raw - (1 << entryBits) : raw;
                if (value < 0) {
                    slots.set(position);
                } else if (value > 0) {
                    slots.clear(position);
                }
                position++;
            }
        }
    }

    private void endInflater() {
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }

    /** Frees the inflater of an unfinished sequence; call when the connection closes. */
    @Override
    public void close() {
        endInflater();
    }
}
