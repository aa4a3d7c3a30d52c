package dev.shoal.bench;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The files of a churn run: one per node, each shared by two neighbouring nodes (file {@code k} by
 * nodes {@code k} and {@code k + 1}), named by a made-up word that no other file has, so a search
 * for the word finds that file and nothing else.
 */
final class ChurnFiles {
    /** At {@link ChurnNetwork#UPLOAD_LIMIT} a download from one source takes about four seconds, long enough for kills to cut some. */
    static final int SIZE = 1024 * 1024;

    /** One file: the word that finds it, its name, its URN, and the two nodes sharing it. */
    record File(String word, String name, String urn, int firstHolder, int secondHolder) {
        boolean heldBy(int node) {
            return node == firstHolder || node == secondHolder;
        }
    }

    private final List<File> files = new ArrayList<>();

    /** Writes the files into each node's share folder ({@code shareOf.apply(node)}). */
    ChurnFiles(int nodes, long seed, IntFunction<Path> shareOf) throws IOException {
        Random random = new Random(seed);
        for (int k = 0; k < nodes; k++) {
            String word = word(random, k);
            String name = word + " churn sample.bin";
            byte[] content = new byte[SIZE];
            random.nextBytes(content);
            File f = new File(word, name, Urn.sha1(sha1(content)).toString(), k, (k + 1) % nodes);
            for (int holder : new int[] {f.firstHolder(), f.secondHolder()}) {
                Path share = Files.createDirectories(shareOf.apply(holder));
                Files.write(share.resolve(name), content);
            }
            files.add(f);
        }
    }

    List<File> all() {
        return files;
    }

    /** True when the file at {@code path} has the SHA-1 that {@code urn} names. */
    static boolean matches(Path path, String urn) throws IOException {
        return Urn.sha1(sha1(Files.readAllBytes(path))).equals(Urn.parse(urn));
    }

    /** Letters only, so the query is one keyword; the file's number in it keeps words distinct. */
    private static String word(Random random, int k) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        for (char c : Integer.toString(k).toCharArray()) {
            b.append((char) ('a' + (c - '0')));
        }
        return b.toString();
    }

    static byte[] sha1(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
