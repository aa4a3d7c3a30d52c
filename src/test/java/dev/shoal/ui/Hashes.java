package dev.shoal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A test's own urn:sha1 of a file, computed independently of the node. */
final class Hashes {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Hashes() {
    }

    static String sha1Urn(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        StringBuilder b32 = new StringBuilder();
        long bits = 0;
        int count = 0;
        for (byte b : md.digest()) {
            bits = (bits << 8) | (b & 0xff);
            count += 8;
            while (count >= 5) {
                b32.append(ALPHABET.charAt((int) (bits >> (count - 5)) & 31));
                count -= 5;
            }
        }
        return "urn:sha1:" + b32;
    }
}
