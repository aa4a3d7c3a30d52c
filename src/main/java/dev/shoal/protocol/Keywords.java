package dev.shoal.protocol;

import java.text.Normalizer;
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
        Set<String> words = new LinkedHashSet<>();
        for (String w : SEPARATORS.split(normalize(text))) {
            if (WORD.matcher(w).find()) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    /** Accent-stripped, lower-cased, NFC text, without splitting. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        return Normalizer.normalize(stripped.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }
}
