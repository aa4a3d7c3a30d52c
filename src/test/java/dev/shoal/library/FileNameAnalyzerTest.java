package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FileNameAnalyzerTest {
    private static Analyzer analyzer;

    @BeforeAll
    static void create() {
        analyzer = FileNameAnalyzer.create();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static java.util.List<String> tokens(String text) {
        return FileNameAnalyzer.tokens(analyzer, text);
    }

    @Test
    void wordsCutTextAsTheIndexDoesFromAnyThread() throws Exception {
        assertThat(FileNameAnalyzer.words("Café_Récif.OGG")).containsExactly("cafe", "recif", "ogg")
                .isEqualTo(tokens("Café_Récif.OGG"));
        assertThat(FileNameAnalyzer.words(null)).isEmpty();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<java.util.List<String>>>();
            for (int i = 0; i < 200; i++) {
                String name = "Tide_Chart-" + i + ".txt";
                futures.add(pool.submit(() -> FileNameAnalyzer.words(name)));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(futures.get(i).get()).containsExactly("tide", "chart", Integer.toString(i), "txt");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void underscoresDashesAndDotsSeparateWords() {
        assertThat(tokens("Free_Software-Song.OGG")).containsExactly("free", "software", "song", "ogg");
    }

    @Test
    void bracketsPlusCommasAndRunsOfPunctuation() {
        assertThat(tokens("[Artist]+(Live),Take__2...final.mp3"))
                .containsExactly("artist", "live", "take", "2", "final", "mp3");
    }

    @Test
    void caseIsIgnored() {
        assertThat(tokens("SONG song SoNg")).containsExactly("song", "song", "song");
    }

    @Test
    void accentsFoldToAscii() {
        assertThat(tokens("Café Récif – été.txt")).containsExactly("cafe", "recif", "ete", "txt");
        assertThat(tokens("cafe")).isEqualTo(tokens("CAFÉ"));
    }

    @Test
    void decomposedAccentsFoldToo() {
        String nfd = Normalizer.normalize("Café Récif", Normalizer.Form.NFD);
        assertThat(nfd).hasSizeGreaterThan("Café Récif".length());
        assertThat(tokens(nfd)).containsExactly("cafe", "recif");
    }

    @Test
    void unicodeDashesAndQuotesSeparate() {
        assertThat(tokens("rock—roll “best” ‘of’ a&b")).containsExactly("rock", "roll", "best", "of", "a", "b");
    }

    @Test
    void digitsStayWithinWords() {
        assertThat(tokens("Gettysburg_Address-Abraham_Lincoln-1863.txt"))
                .containsExactly("gettysburg", "address", "abraham", "lincoln", "1863", "txt");
    }

    @Test
    void blankTextHasNoTokens() {
        assertThat(tokens("  ._- ")).isEmpty();
        assertThat(tokens("")).isEmpty();
    }
}
