package dev.shoal.transfer;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.TigerTree;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.SharedFileLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Random;

/** Real files with known bytes for the transfer tests. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static Urn urnOf(byte[] data) {
        try {
            return Urn.sha1(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static ServedFile share(Path dir, long index, String name, byte[] data) throws IOException {
        return share(dir, index, name, data, urnOf(data));
    }

    /** Writes {@code data} but announces it under {@code urn} (a lying source when they differ). */
    public static ServedFile share(Path dir, long index, String name, byte[] data, Urn urn) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve("f" + index + ".bin");
        Files.write(p, data);
        return new ServedFile(index, name, p, data.length, urn);
    }

    /** The tree of {@code data} at the depth servents exchange. */
    public static HashTree treeOf(byte[] data) {
        TigerTree t = TigerTree.forFile(data.length);
        t.update(data, 0, data.length);
        return t.finish();
    }

    /**
     * Writes {@code data}, announced under {@code urn} with the Tiger root {@code root}: served by
     * {@link #lookup} with the tree of the bytes on disk, as a servent that hashed them would.
     */
    public static ServedFile share(Path dir, long index, String name, byte[] data, Urn urn, TigerRoot root)
            throws IOException {
        ServedFile f = share(dir, index, name, data, urn);
        return new ServedFile(f.index(), f.name(), f.path(), f.size(), f.urn(), root);
    }

    /** Serves {@code files}, and the trees of those with a Tiger root (computed from the bytes on disk). */
    public static SharedFileLookup lookup(ServedFile... files) {
        List<ServedFile> list = List.of(files);
        Map<Path, HashTree> trees = new ConcurrentHashMap<>();
        return new SharedFileLookup() {
            @Override
            public Optional<HashTree> tree(Urn urn) {
                return byUrn(urn).filter(f -> f.tigerRoot() != null).map(f -> trees.computeIfAbsent(f.path(), p -> {
                    try {
                        return treeOf(Files.readAllBytes(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }

            @Override
            public Optional<ServedFile> byUrn(Urn urn) {
                return list.stream().filter(f -> f.urn().equals(urn)).findFirst();
            }

            @Override
            public Optional<ServedFile> byIndex(long index) {
                return list.stream().filter(f -> f.index() == index).findFirst();
            }
        };
    }
}
