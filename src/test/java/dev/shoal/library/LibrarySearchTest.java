package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibrarySearchTest {
    @TempDir
    Path tmp;
    private LibraryFixture files;
    private Library library;

    @BeforeEach
    void indexSomeFiles() throws Exception {
        files = new LibraryFixture(tmp);
        files.write("audio/Free_Software-Song.OGG", "free software song");
        files.write("misc/Café Récif – été.txt", "cafe");
        files.write("song.txt", "short");
        files.write("audio/The_Long_Song_Of_The_Night_And_The_Day_Remastered_2011.mp3", "long");
        files.write("docs/software manual.pdf", "manual");
        library = files.scanned();
    }

    @AfterEach
    void close() throws Exception {
        library.close();
    }

    private List<String> names(String query) {
        return LibraryFixture.names(library, query);
    }

    @Test
    void wordsInsideFileNamesMatch() {
        assertThat(names("software song")).containsExactly("Free_Software-Song.OGG");
        assertThat(names("ogg")).containsExactly("Free_Software-Song.OGG");
    }

    /** Search as you type: the word being typed matches the words it starts; the others must be whole. */
    @Test
    void asTypedTheLastWordMatchesTheStartOfAWord() {
        assertThat(library.searchAsTyped("soft", 10)).extracting(SharedFile::name)
                .containsExactlyInAnyOrder("Free_Software-Song.OGG", "software manual.pdf");
        assertThat(library.searchAsTyped("free so", 10)).extracting(SharedFile::name)
                .containsExactly("Free_Software-Song.OGG");
        assertThat(library.searchAsTyped("Caf", 10)).extracting(SharedFile::name).containsExactly("Café Récif – été.txt");
        assertThat(library.searchAsTyped("soft man", 10)).as("only the last word is a prefix").isEmpty();
        assertThat(names("soft")).as("a search from the network matches whole words").isEmpty();
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(names("FREE sOfTwArE")).containsExactly("Free_Software-Song.OGG");
    }

    @Test
    void accentsMatchBothWays() {
        assertThat(names("cafe recif")).containsExactly("Café Récif – été.txt");
        assertThat(names("ete")).containsExactly("Café Récif – été.txt");
        assertThat(names("CAFÉ")).containsExactly("Café Récif – été.txt");
        assertThat(names(Normalizer.normalize("récif", Normalizer.Form.NFD))).containsExactly("Café Récif – été.txt");
    }

    @Test
    void everyKeywordMustMatch() {
        assertThat(names("software")).containsExactlyInAnyOrder("Free_Software-Song.OGG", "software manual.pdf");
        assertThat(names("software manual")).containsExactly("software manual.pdf");
        assertThat(names("software banana")).isEmpty();
    }

    @Test
    void shorterNamesRankFirst() {
        assertThat(names("song")).containsExactly("song.txt", "Free_Software-Song.OGG",
                "The_Long_Song_Of_The_Night_And_The_Day_Remastered_2011.mp3");
    }

    @Test
    void resultsAreCappedAtMax() {
        assertThat(library.search("song", 2)).hasSize(2);
        assertThat(library.search("song", 0)).isEmpty();
    }

    @Test
    void queriesAreNeverParsedAsSyntax() {
        assertThat(names("*:*")).isEmpty();
        assertThat(names("song OR (")).isEmpty();
        assertThat(names("name:song")).isEmpty();
        assertThat(names("  ._-  ")).isEmpty();
        assertThat(names("\"song\"")).hasSize(3);
    }

    @Test
    void onlyTheFirstTenKeywordsCount() {
        // A peer cannot make us build huge queries: words past the tenth are ignored.
        String ten = "the long song of the night and the day remastered 2011 mp3";
        assertThat(names(ten + " unrelated words beyond")).containsExactly(
                "The_Long_Song_Of_The_Night_And_The_Day_Remastered_2011.mp3");
        assertThat(library.keywordQuery("a b c d e f g h i j k l m", false).orElseThrow().toString())
                .contains("+name:j").doesNotContain("name:k");
    }

    @Test
    void urnTextFindsByContent() {
        Urn urn = FileHasher.hash("free software song".getBytes(StandardCharsets.UTF_8));

        assertThat(names(urn.toString())).containsExactly("Free_Software-Song.OGG");
        assertThat(names("URN:SHA1:" + urn.base32().toLowerCase())).containsExactly("Free_Software-Song.OGG");
        assertThat(names(FileHasher.hash(new byte[] {1}).toString())).isEmpty();
        assertThat(names("urn:sha1:not-base32")).isEmpty();
    }

    @Test
    void lookupsByUrnAndIndex() {
        Urn urn = FileHasher.hash("cafe".getBytes(StandardCharsets.UTF_8));

        SharedFile file = library.byUrn(urn).orElseThrow();

        assertThat(file.name()).isEqualTo("Café Récif – été.txt");
        assertThat(file.size()).isEqualTo(4);
        assertThat(file.path()).isEqualTo(files.share.resolve("misc/Café Récif – été.txt").toAbsolutePath());
        assertThat(library.byIndex(file.index())).contains(file);
        assertThat(library.byIndex(999)).isEmpty();
        assertThat(library.byUrn(FileHasher.hash(new byte[0]))).isEmpty();
    }

    @Test
    void totalsAndListing() {
        assertThat(library.fileCount()).isEqualTo(5);
        assertThat(library.totalBytes()).isEqualTo(18 + 4 + 5 + 4 + 6);
        assertThat(library.all()).extracting(SharedFile::index).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void keywordsAreTheDistinctTokensOfAllNames() {
        assertThat(library.keywords())
                .contains("free", "software", "song", "ogg", "cafe", "recif", "ete", "txt", "manual", "pdf", "remastered")
                .doesNotContain("Free", "Café", "café", "free_software");
    }

    @Test
    void sameContentUnderTwoNamesIsFoundTwiceByUrn() throws Exception {
        library.close();
        files.write("copy of song.txt", "short");
        library = files.scanned();

        Urn urn = FileHasher.hash("short".getBytes(StandardCharsets.UTF_8));

        assertThat(names(urn.toString())).containsExactlyInAnyOrder("song.txt", "copy of song.txt");
        assertThat(library.byUrn(urn)).isPresent();
    }

    @Test
    void theSampleLibraryIsSearchable() throws Exception {
        Path samples = Path.of("samples/library");
        List<SharedFile> files = Library.indexOnce(tmp.resolve("samples-data"), List.of(samples), LibraryListener.NONE);

        assertThat(files).extracting(SharedFile::name).contains("Free_Software-Song.wav", "Café Récif – été.txt");
        try (Library samplesLibrary = Library.open(tmp.resolve("samples-data"), List.of(samples), LibraryListener.NONE)) {
            assertThat(samplesLibrary.search("cafe recif", 10)).extracting(SharedFile::name)
                    .containsExactly("Café Récif – été.txt");
            assertThat(samplesLibrary.search("software song", 10)).extracting(SharedFile::name)
                    .containsExactly("Free_Software-Song.wav");
            assertThat(samplesLibrary.search("shakespeare sonnet", 10)).extracting(SharedFile::name)
                    .containsExactly("Sonnet_18-William_Shakespeare.txt");
        }
    }
}
