package dev.shoal.thex;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes a stream of bytes of known length into its {@link HashTree}, keeping rows down to a
 * chosen depth: the bytes are cut into 1024-byte segments, each group of segments under one node
 * of the bottom row kept is folded into that node as it streams by (a stack per group, so memory
 * stays at a few hashes whatever the size), and the rows above are computed at the end. Not
 * thread-safe.
 */
public final class TigerTree {
    private final Tiger tiger = new Tiger();
    private final long size;
    private final int depth;
    /** Segments under one node of the bottom row kept. */
    private final long groupSegments;
    private final byte[] segment = new byte[HashTree.SEGMENT];
    private final List<byte[]> bottom = new ArrayList<>();
    /** The current group's pending subtrees, largest first; {@code levels[i]} is the level of {@code stack[i]}. */
    private final List<byte[]> stack = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private int fill;
    private long groupDone;
    private long seen;

    /** A tree keeping the rows servents exchange for a file of {@code size} bytes. */
    public static TigerTree forFile(long size) {
        return new TigerTree(size, HashTree.goodDepth(size));
    }

    /** A tree of the {@code size} bytes to come, keeping the rows from the root down to {@code depth}. */
    public TigerTree(long size, int depth) {
        if (size < 0 || depth < 0 || depth > HashTree.fullDepth(size)) {
            throw new IllegalArgumentException("no depth " + depth + " in the tree of " + size + " bytes");
        }
        this.size = size;
        this.depth = depth;
        this.groupSegments = 1L << (HashTree.fullDepth(size) - depth);
    }

    /** The root of {@code data}'s tree. */
    public static HashTree of(byte[] data) {
        TigerTree t = new TigerTree(data.length, 0);
        t.update(data, 0, data.length);
        return t.finish();
    }

    public void update(byte[] data, int offset, int length) {
        update(ByteBuffer.wrap(data, offset, length));
    }

    /** Digests the buffer's remaining bytes. */
    public void update(ByteBuffer data) {
        if (seen + data.remaining() > size) {
            throw new IllegalStateException("more than the announced " + size + " bytes");
        }
        seen += data.remaining();
        while (data.hasRemaining()) {
            if (fill == 0 && data.hasArray() && data.remaining() >= HashTree.SEGMENT) {
                // Whole segments of a heap buffer are hashed in place, without a copy.
                push(tiger.leaf(data.array(), data.arrayOffset() + data.position(), HashTree.SEGMENT));
                data.position(data.position() + HashTree.SEGMENT);
                continue;
            }
            int n = Math.min(data.remaining(), HashTree.SEGMENT - fill);
            data.get(segment, fill, n);
            fill += n;
            if (fill == HashTree.SEGMENT) {
                push(tiger.leaf(segment, 0, fill));
                fill = 0;
            }
        }
    }

    /** Bytes digested so far. */
    public long bytesSeen() {
        return seen;
    }

    /** The tree of the bytes given, which must be all {@code size} of them. */
    public HashTree finish() {
        if (seen != size) {
            throw new IllegalStateException("got " + seen + " of the announced " + size + " bytes");
        }
        // The last segment (which may be short, or empty for an empty file) is still in the buffer.
        if (fill > 0 || size == 0) {
            push(tiger.leaf(segment, 0, fill));
            fill = 0;
        }
        if (!stack.isEmpty()) {
            closeGroup();
        }
        return HashTree.fromBottomRow(size, depth, bottom);
    }

    private void push(byte[] leaf) {
        byte[] node = leaf;
        int level = 0;
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            node = tiger.inner(stack.remove(stack.size() - 1), node);
            levels.remove(levels.size() - 1);
            level++;
        }
        stack.add(node);
        levels.add(level);
        if (++groupDone == groupSegments) {
            closeGroup();
        }
    }

    /** Folds the group's pending subtrees right to left: an unpaired right part moves up unchanged. */
    private void closeGroup() {
        byte[] node = stack.remove(stack.size() - 1);
        while (!stack.isEmpty()) {
            node = tiger.inner(stack.remove(stack.size() - 1), node);
        }
        levels.clear();
        bottom.add(node);
        groupDone = 0;
    }
}
