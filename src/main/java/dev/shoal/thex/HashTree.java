package dev.shoal.thex;

import dev.shoal.protocol.TigerRoot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The top rows of a file's Tiger tree, from the root (depth 0) down to {@link #depth()}. Immutable.
 *
 * <p>The leaves are the hashes of the file's 1024-byte segments (an empty file has one empty
 * segment); each row above pairs the one below from the left, and an unpaired last node is
 * promoted unchanged. So a node at level {@code L} (counted from the leaves) covers segments
 * {@code [i·2^L, (i+1)·2^L)}, aligned whatever the file size, and the row at depth {@code k} holds
 * {@code ceil(segments / 2^(fullDepth - k))} nodes. Servents exchange only the rows down to a
 * "good" depth (see {@link #goodDepth}): below it a node is worth less than the bytes it costs.
 */
public final class HashTree {
    public static final int SEGMENT = 1024;
    /** The deepest tree gtk-gnutella keeps and reads (2048 nodes in its bottom row). */
    public static final int MAX_DEPTH = 11;

    private final long fileSize;
    private final byte[][][] rows;

    private HashTree(long fileSize, byte[][][] rows) {
        this.fileSize = fileSize;
        this.rows = rows;
    }

    /** A file's 1024-byte segments; an empty file has one (empty) segment. */
    public static long segments(long fileSize) {
        return Math.max(1, (fileSize + SEGMENT - 1) / SEGMENT);
    }

    /** Levels between the root and the leaves of a file's full tree. */
    public static int fullDepth(long fileSize) {
        return 64 - Long.numberOfLeadingZeros(segments(fileSize) - 1);
    }

    /**
     * The depth gtk-gnutella and LimeWire keep and serve for a file of this size: 0 below 256 KiB,
     * one more for each doubling up to 64 MiB (depth 8), then 9 below 256 MiB, 10 below 1 GiB, and
     * {@link #MAX_DEPTH} for larger files; never deeper than the full tree.
     */
    public static int goodDepth(long fileSize) {
        long[] thresholds = {256L << 10, 512L << 10, 1L << 20, 2L << 20, 4L << 20, 8L << 20, 16L << 20, 32L << 20,
            64L << 20, 256L << 20, 1L << 30};
        int depth = 0;
        while (depth < thresholds.length && fileSize >= thresholds[depth]) {
            depth++;
        }
        return Math.min(depth, fullDepth(fileSize));
    }

    /** Nodes in the row at {@code depth} of a file's tree. */
    static int rowSize(long fileSize, int depth) {
        int shift = fullDepth(fileSize) - depth;
        return (int) ((segments(fileSize) + (1L << shift) - 1) >>> shift);
    }

    /** Nodes in the rows from the root down to {@code depth}, both included. */
    static long nodeCount(long fileSize, int depth) {
        long n = 0;
        for (int k = 0; k <= depth; k++) {
            n += rowSize(fileSize, k);
        }
        return n;
    }

    /** The tree whose bottom row, at {@code depth}, is {@code bottom}: the rows above are computed. */
    static HashTree fromBottomRow(long fileSize, int depth, List<byte[]> bottom) {
        checkDepth(fileSize, depth);
        if (bottom.size() != rowSize(fileSize, depth)) {
            throw new IllegalArgumentException("row at depth " + depth + " of a " + fileSize + "-byte file has "
                    + rowSize(fileSize, depth) + " nodes, not " + bottom.size());
        }
        byte[][][] rows = new byte[depth + 1][][];
        rows[depth] = bottom.stream().map(byte[]::clone).toArray(byte[][]::new);
        Tiger tiger = new Tiger();
        for (int k = depth - 1; k >= 0; k--) {
            rows[k] = parents(tiger, rows[k + 1]);
        }
        return new HashTree(fileSize, rows);
    }

    /**
     * Reads rows serialised breadth first, root first (as THEX sends them), and checks them: the
     * node count must be that of whole rows down to some depth, every row must be what the row
     * below hashes to, and the root must be {@code expected}.
     *
     * @throws ThexException naming what is wrong
     */
    public static HashTree fromBreadthFirst(long fileSize, byte[] nodes, TigerRoot expected) throws ThexException {
        if (fileSize < 0) {
            throw new ThexException("negative file size");
        }
        if (nodes.length == 0 || nodes.length % Tiger.BYTES != 0) {
            throw new ThexException("tree of " + nodes.length + " bytes is not a whole number of 24-byte hashes");
        }
        long count = nodes.length / Tiger.BYTES;
        int depth = -1;
        for (int k = 0; k <= fullDepth(fileSize); k++) {
            if (nodeCount(fileSize, k) == count) {
                depth = k;
            }
        }
        if (depth < 0) {
            throw new ThexException(count + " hashes are not the whole top rows of the tree of a " + fileSize
                    + "-byte file");
        }
        byte[][][] rows = new byte[depth + 1][][];
        int at = 0;
        for (int k = 0; k <= depth; k++) {
            rows[k] = new byte[rowSize(fileSize, k)][];
            for (int i = 0; i < rows[k].length; i++, at += Tiger.BYTES) {
                rows[k][i] = Arrays.copyOfRange(nodes, at, at + Tiger.BYTES);
            }
        }
        if (!Arrays.equals(rows[0][0], expected.digest())) {
            throw new ThexException("tree root " + TigerRoot.of(rows[0][0]) + " is not the expected " + expected);
        }
        Tiger tiger = new Tiger();
        for (int k = depth - 1; k >= 0; k--) {
            if (!Arrays.deepEquals(rows[k], parents(tiger, rows[k + 1]))) {
                throw new ThexException("row " + k + " of the tree is not the hash of row " + (k + 1));
            }
        }
        return new HashTree(fileSize, rows);
    }

    private static byte[][] parents(Tiger tiger, byte[][] row) {
        byte[][] up = new byte[(row.length + 1) / 2][];
        for (int i = 0; i < up.length; i++) {
            up[i] = 2 * i + 1 < row.length ? tiger.inner(row[2 * i], row[2 * i + 1]) : row[2 * i];
        }
        return up;
    }

    private static void checkDepth(long fileSize, int depth) {
        if (depth < 0 || depth > fullDepth(fileSize)) {
            throw new IllegalArgumentException("depth " + depth + " outside 0.." + fullDepth(fileSize));
        }
    }

    public long fileSize() {
        return fileSize;
    }

    public TigerRoot root() {
        return TigerRoot.of(rows[0][0]);
    }

    /** The depth of the bottom row kept (0: the root alone). */
    public int depth() {
        return rows.length - 1;
    }

    /** Bytes covered by each node of the row at {@code depth} (the last one may cover fewer). */
    public long nodeBytes(int depth) {
        checkDepth(fileSize, depth);
        return (long) SEGMENT << (fullDepth(fileSize) - depth);
    }

    /** The hashes of the row at {@code depth}, left to right. */
    public List<byte[]> row(int depth) {
        if (depth < 0 || depth >= rows.length) {
            throw new IllegalArgumentException("no row " + depth + " in a tree of depth " + depth());
        }
        List<byte[]> out = new ArrayList<>(rows[depth].length);
        for (byte[] node : rows[depth]) {
            out.add(node.clone());
        }
        return out;
    }

    /** Every node, root first, row by row: the THEX "breadth first" serialisation. */
    public byte[] breadthFirst() {
        long count = nodeCount(fileSize, depth());
        byte[] out = new byte[Math.toIntExact(count * Tiger.BYTES)];
        int at = 0;
        for (byte[][] row : rows) {
            for (byte[] node : row) {
                System.arraycopy(node, 0, out, at, Tiger.BYTES);
                at += Tiger.BYTES;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashTree t && fileSize == t.fileSize && Arrays.deepEquals(rows, t.rows);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fileSize) * 31 + Arrays.hashCode(rows[0][0]);
    }

    @Override
    public String toString() {
        return "HashTree[" + root() + ", " + fileSize + " bytes, depth " + depth() + "]";
    }
}
