package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Turns a name from the network into a safe file name and places finished downloads. */
final class FileNames {
    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_SUFFIX = 10_000;

    private FileNames() {
    }

    /**
     * A single path element: separators, control characters and characters Windows forbids become
     * {@code _}; leading dots and spaces are dropped so nothing hides or climbs up; the URN stands
     * in for a name that ends up empty.
     */
    static String sanitize(String name, Urn urn) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || "/\\:*?\"<>|".indexOf(cp) >= 0) {
                sb.append('_');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString().strip();
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        s = s.substring(start);
        if (s.length() > MAX_NAME_CHARS) {
            s = s.substring(0, MAX_NAME_CHARS);
        }
        return s.isEmpty() ? urn.base32() : s;
    }

    /** {@code "a.txt"} → {@code "a (n).txt"}; no extension → {@code "a (n)"}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name + " (" + n + ")";
        }
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }

    /** Copies a file's bytes into a new file; stopped half-way, it may leave the new file partial. */
    interface Copier {
        void copy(Path from, Path to) throws IOException;
    }

    /**
     * Moves {@code file} into {@code dir} under {@code name}, never replacing a different file:
     * if the name is taken by the same content the duplicate is dropped and the existing path
     * returned, otherwise {@code " (1)"}, {@code " (2)"}, ... is tried. The path returned is
     * absolute, whatever {@code dir} was (a relative {@code "."} has no parent to compare with).
     *
     * <p>The name appears with the whole content or not at all, even if the process is killed:
     * within a file system the move is a rename; onto another one it is a copy, so the copy goes to
     * a hidden name in {@code dir} first (see {@link #placeAcross}).
     */
    static Path place(Path file, Path dir, String name, byte[] sha1) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        if (!sameStore(file, folder)) {
            return placeAcross(file, folder, name, sha1, FileNames::copyDurably);
        }
        return rename(file, folder, name, sha1);
    }

    /**
     * {@link #place} onto another file system: {@code copier} writes a hidden file in {@code dir}
     * (named after the content, so a retry after a crash overwrites the same one), which is then
     * renamed; {@code file} is deleted only once the content has its name.
     */
    static Path placeAcross(Path file, Path dir, String name, byte[] sha1, Copier copier) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        Path staged = folder.resolve(".shoal-" + HexFormat.of().formatHex(sha1) + ".incoming");
        copier.copy(file, staged);
        Path placed = rename(staged, folder, name, sha1);
        Files.delete(file);
        return placed;
    }

    private static boolean sameStore(Path file, Path folder) {
        try {
            return Files.getFileStore(file).equals(Files.getFileStore(folder));
        } catch (IOException e) {
            // Unknown: copying first is safe either way.
            return false;
        }
    }

    /** Copies and makes the copy durable before anyone renames it into sight. */
    private static void copyDurably(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames {@code file} into {@code folder} (the same file system) under the first free name. */
    private static Path rename(Path file, Path folder, String name, byte[] sha1) throws IOException {
        long size = Files.size(file);
        for (int n = 0; n < MAX_SUFFIX; n++) {
            Path target = folder.resolve(n == 0 ? name : numbered(name, n));
            if (!folder.equals(target.normalize().getParent())) {
                throw new IOException("refusing to write outside the downloads directory: " + target);
            }
            if (Files.exists(target)) {
                if (Files.isRegularFile(target) && Files.size(target) == size && Arrays.equals(sha1Of(target), sha1)) {
                    Files.delete(file);
                    return target;
                }
                continue;
            }
            try {
                // Without REPLACE_EXISTING this fails rather than overwrite a file that just appeared.
                return Files.move(file, target);
            } catch (FileAlreadyExistsException raced) {
                // someone took the name in between: try the next one
            }
        }
        throw new IOException("no free file name for " + name + " in " + folder);
    }

    static byte[] sha1Of(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-1"))) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // reading feeds the digest
            }
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
