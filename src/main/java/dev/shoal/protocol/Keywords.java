package dev.shoal.protocol;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for cutting text into keywords, shared by queries, the QRP table and the library
 * so that a word put into a table is exactly the word a query looks up: accents stripped (NFKD,
 * combining marks dropped), lower-cased, split on whitespace and {@code -._+/*()\,}. Pieces with
 * no letter or digit (a lone dash such as U+2013) are dropped: no one searches for them.
 */
public final class Keywords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-._+/*()\\\\,]+");

    private Keywords() {
    }

    /** Distinct keywords in order of first appearance; empty for blank text or {@code "\"}. */
    public static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return isAscii(text) ? splitAscii(text) : splitNormalized(text);
    }

    /**
     * The same rule for ASCII text, which is most queries on the routing path: ASCII is its own
     * NFKD and NFC form and has no combining marks, so only lower-casing and cutting are left,
     * done here without the normaliser and the patterns.
     */
    static List<String> splitAscii(String text) {
        List<String> words = new ArrayList<>(4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean hasWord = false;
            boolean hasUpper = false;
            for (char c; i < n && !isSeparator(c = text.charAt(i)); i++) {
                hasUpper |= c >= 'A' && c <= 'Z';
                hasWord |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }
            if (hasWord) {
                String w = text.substring(start, i);
                if (hasUpper) {
                    w = w.toLowerCase(Locale.ROOT);
                }
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
        }
        return Collections.unmodifiableList(words);
    }

    static List<String> splitNormalized(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : SEPARATORS.split(normalize(text))) {
            if (WORD.matcher(w).find()) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    /** {@link #SEPARATORS} for an ASCII character ({@code \s} is ASCII whitespace in Java patterns). */
    private static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '-', '.', '_', '+', '/', '*', '(', ')', '\\', ',' -> true;
            default -> false;
        };
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Accent-stripped, lower-cased, NFC text, without splitting. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        return Normalizer.normalize(stripped.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }
}
