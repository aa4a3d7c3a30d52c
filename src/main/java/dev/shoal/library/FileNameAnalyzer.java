package dev.shoal.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits file names into the words people search for. The standard tokenizer alone keeps
 * {@code Free_Software-Song.ogg} as few long tokens ("_" and "." join words in UAX#29), so
 * punctuation and symbols become spaces first. Lower-casing and ASCII folding make
 * {@code Café} and {@code cafe} the same word; combining marks are dropped so decomposed
 * (NFD, as macOS stores names) accents fold too.
 *
 * <p>The same analyzer indexes names, builds queries and produces the QRP keywords, so a word
 * that a peer's query can hit in our QRP table is also a word our index can match.
 */
public final class FileNameAnalyzer {
    /** Any run of punctuation or symbols, Unicode-wide (dashes, brackets, quotes, "+", "&"...). */
    static final String SEPARATORS = "[\\p{P}\\p{S}]+";
    /** Combining marks left over from decomposed accents. */
    static final String COMBINING_MARKS = "\\p{M}+";
    /** For {@link #words}: analyzers are thread-safe, and this one lives as long as the program. */
    private static final Analyzer SHARED = create();

    private FileNameAnalyzer() {
    }

    /** A new analyzer; thread-safe, reuse it and close it with its owner. */
    public static Analyzer create() {
        try {
            return CustomAnalyzer.builder()
                    .addCharFilter(PatternReplaceCharFilterFactory.class,
                            "pattern", COMBINING_MARKS, "replacement", "")
                    .addCharFilter(PatternReplaceCharFilterFactory.class,
                            "pattern", SEPARATORS, "replacement", " ")
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .build();
        } catch (IOException e) {
            // Only resource loading can fail, and these factories load none.
            throw new UncheckedIOException("cannot build the file-name analyzer", e);
        }
    }

    /**
     * The words of {@code text} exactly as the index cuts names and queries, in order, duplicates
     * kept: what lets the node rank hits from other servents, and spot spam among them, by the same
     * words its own index matches, without knowing Lucene.
     */
    public static List<String> words(String text) {
        return tokens(SHARED, text == null ? "" : text);
    }

    /** The tokens of {@code text} in order, duplicates kept. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FileIndex.NAME, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String does no I/O.
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
