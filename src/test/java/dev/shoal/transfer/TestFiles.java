package dev.shoal.transfer;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.SharedFileLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
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

    public static SharedFileLookup lookup(ServedFile... files) {
        List<ServedFile> list = List.of(files);
        return new SharedFileLookup() {
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
