package dev.shoal.transfer.download;

import dev.shoal.io.AtomicFile;
import dev.shoal.protocol.Urn;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk side of a download: {@code <incomplete>/<BASE32>.part} holds the bytes at their
 * final offsets, {@code <BASE32>.state} records urn, size, name, chunk size and which chunks are
 * complete.
 *
 * <p>Crash safety: the part file is fsynced before a state naming its chunks is written (possibly
 * through another channel, see {@link Checkpointer}), and the
 * state is replaced atomically (temporary file, fsync, rename). After {@code kill -9} the state
 * therefore never claims a chunk whose bytes are not on disk; chunks written since the last
 * checkpoint are simply fetched again. A state that does not match (other urn or size) or cannot
 * be read is ignored.
 */
final class PartFile implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(PartFile.class);
    private static final String VERSION = "1";
    /**
     * Largest single write. On the bench machine, a virtual machine whose free memory is reported
     * back to its host (virtio-balloon free page reporting), writing 1 GiB to a new file in 512 KiB
     * calls took 1.0 to 1.6 s of CPU once memory had been free for a few seconds, against 0.2 s in
     * 64 KiB calls: bigger writes get large page-cache folios, cut from the high-order free blocks
     * the host has taken back, whose pages must all be faulted in again. Where memory is at hand,
     * 64 KiB calls cost about 0.03 s per GiB more.
     */
    static final int WRITE_SLICE = 64 * 1024;

    private final Path partPath;
    private final Path statePath;
    private final Urn urn;
    private final long size;
    private final String name;
    private final int chunkSize;
    private final BitSet done;
    private final FileChannel channel;
    private boolean stateDeleted;

    private PartFile(Path partPath, Path statePath, Urn urn, long size, String name, int chunkSize, BitSet done,
            FileChannel channel) {
        this.partPath = partPath;
        this.statePath = statePath;
        this.urn = urn;
        this.size = size;
        this.name = name;
        this.chunkSize = chunkSize;
        this.done = done;
        this.channel = channel;
    }

    /** Opens or creates the part file; resumes from a matching state (its chunk size wins). */
    static PartFile open(Path incompleteDir, Urn urn, long size, String name, int chunkSize) throws IOException {
        Files.createDirectories(incompleteDir);
        Path part = incompleteDir.resolve(urn.base32() + ".part");
        Path state = incompleteDir.resolve(urn.base32() + ".state");
        int resumedChunkSize = chunkSize;
        BitSet done = new BitSet();
        Properties p = readState(state);
        if (p != null && VERSION.equals(p.getProperty("version")) && urn.toString().equals(p.getProperty("urn"))
                && Long.toString(size).equals(p.getProperty("size")) && Files.exists(part)) {
            try {
                int cs = Integer.parseInt(p.getProperty("chunkSize", ""));
                if (cs >= SwarmConfig.MIN_CHUNK && cs <= SwarmConfig.MAX_CHUNK) {
                    resumedChunkSize = cs;
                    done = BitSet.valueOf(HexFormat.of().parseHex(p.getProperty("done", "")));
                }
            } catch (IllegalArgumentException e) {
                log.warn("ignoring unreadable download state {}", state);
            }
        } else if (p != null) {
            log.warn("ignoring download state {} that does not match {} ({} bytes)", state, urn, size);
        }
        FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long onDisk = ch.size();
        if (onDisk > size) {
            ch.truncate(size);
        }
        // Never trust a bit for bytes the part file does not even contain.
        long count = (size + resumedChunkSize - 1) / resumedChunkSize;
        for (int i = done.nextSetBit(0); i >= 0; i = done.nextSetBit(i + 1)) {
            long end = Math.min(size, (long) (i + 1) * resumedChunkSize);
            if (i >= count || end > onDisk) {
                done.clear(i);
            }
        }
        return new PartFile(part, state, urn, size, name, resumedChunkSize, done, ch);
    }

    private static Properties readState(Path state) {
        if (!Files.exists(state)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            p.load(in);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("cannot read download state {}: {}", state, e.toString());
            return null;
        }
    }

    int chunkSize() {
        return chunkSize;
    }

    /** Chunks recorded as complete when the file was opened. */
    BitSet resumedChunks() {
        return (BitSet) done.clone();
    }

    Path partPath() {
        return partPath;
    }

    Path statePath() {
        return statePath;
    }

    /**
     * Positional write of the buffer's remaining bytes, {@link #WRITE_SLICE} at a time; safe from
     * several threads for disjoint ranges.
     */
    void write(long position, ByteBuffer data) throws IOException {
        int end = data.limit();
        long at = position;
        try {
            while (data.hasRemaining()) {
                data.limit((int) Math.min(end, (long) data.position() + WRITE_SLICE));
                while (data.hasRemaining()) {
                    at += channel.write(data, at);
                }
                data.limit(end);
            }
        } finally {
            data.limit(end);
        }
    }

    /** Positional read, for hashing what has been written. */
    int read(ByteBuffer dst, long position) throws IOException {
        return channel.read(dst, position);
    }

    /** Makes the part file durable, then records {@code completed} atomically. */
    void checkpoint(BitSet completed) throws IOException {
        channel.force(false);
        recordState(completed);
    }

    /**
     * Records {@code completed} atomically; the caller has made their bytes durable. Does nothing
     * once {@link #deleteState()} was called: a finished download leaves no state behind.
     */
    synchronized void recordState(BitSet completed) throws IOException {
        if (stateDeleted) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("urn", urn.toString());
        p.setProperty("size", Long.toString(size));
        p.setProperty("name", name);
        p.setProperty("chunkSize", Integer.toString(chunkSize));
        p.setProperty("done", HexFormat.of().formatHex(completed.toByteArray()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "Shoal partial download");
        AtomicFile.write(statePath, bytes.toByteArray());
    }

    /** Makes sure the part file is exactly {@code size} bytes (a 0-byte download writes nothing). */
    void ensureLength() throws IOException {
        if (channel.size() < size) {
            channel.write(ByteBuffer.allocate(1), size - 1);
        }
    }

    synchronized void deleteState() throws IOException {
        stateDeleted = true;
        Files.deleteIfExists(statePath);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return partPath.toString();
    }
}
