package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordsTest {
    @Test
    void splitsOnWhitespaceAndPunctuationSeparators() {
        assertThat(Keywords.split("ubuntu-linux-guide.txt")).containsExactly("ubuntu", "linux", "guide", "txt");
        assertThat(Keywords.split("a+b/c*d(e)f\\g,h_i j\tk")).containsExactly("a", "b", "c", "d", "e", "f", "g",
                "h", "i", "j", "k");
    }

    @Test
    void lowerCasesAndStripsAccents() {
        assertThat(Keywords.split("Café Récif – été.txt")).containsExactly("cafe", "recif", "ete", "txt");
        assertThat(Keywords.split("notes.café.v1.2.txt")).containsExactly("notes", "cafe", "v1", "2", "txt");
        assertThat(Keywords.split("ÅNGSTRÖM")).containsExactly("angstrom");
    }

    @Test
    void tokensWithoutLetterOrDigitAreDropped() {
        assertThat(Keywords.split("a – b ! c&d")).containsExactly("a", "b", "c&d");
    }

    @Test
    void compatibilityFormsAreFolded() {
        assertThat(Keywords.split("ﬁle ２０２５")).containsExactly("file", "2025");
    }

    @Test
    void duplicatesAndEmptiesAreDropped() {
        assertThat(Keywords.split("  Zebra zebra ZEBRA  ")).containsExactly("zebra");
        assertThat(Keywords.split("")).isEmpty();
        assertThat(Keywords.split(null)).isEmpty();
        assertThat(Keywords.split(Query.HASH_TEXT)).isEmpty();
    }

    @Test
    void queryKeywordsUseTheSameRule() {
        assertThat(Query.keywords("Le Grand Café (draft)").keywords()).containsExactly("le", "grand", "cafe", "draft");
        assertThat(Query.forUrn(Samples.URN).keywords()).isEmpty();
    }

    /** The ASCII shortcut is the same rule: compared on random text made of every ASCII character. */
    @Test
    void asciiTextSplitsAsTheFullRuleSplitsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(24)];
            for (int j = 0; j < text.length; j++) {
                text[j] = random.nextInt(3) == 0 ? " -._Aa0!\t".charAt(random.nextInt(9)) : (char) random.nextInt(0x80);
            }
            String s = new String(text);
            assertThat(Keywords.splitAscii(s)).as("'%s'", s).isEqualTo(Keywords.splitNormalized(s));
        }
    }
}
