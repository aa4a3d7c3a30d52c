package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.TigerTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared files get their Tiger tree with their SHA-1, and an index from before trees is upgraded once. */
class LibraryTreesTest {
    @TempDir
    Path tmp;
    private LibraryFixture files;
    private byte[] big;

    @BeforeEach
    void files() throws Exception {
        files = new LibraryFixture(tmp);
        files.write("a.txt", "alpha");
        big = new byte[700_000];
        new Random(9).nextBytes(big);
        Files.write(files.share.resolve("big.bin"), big);
    }

    @Test
    void everyFileHasItsRootAndItsTreeAtTheDepthServentsExchange() throws Exception {
        try (Library library = files.scanned()) {
            SharedFile a = library.search("a txt", 1).get(0);
            assertThat(a.tigerRoot()).isEqualTo(TigerTree.of("alpha".getBytes(StandardCharsets.UTF_8)).root());
            SharedFile b = library.search("big bin", 1).get(0);
            HashTree tree = library.tree(b.urn()).orElseThrow();
            assertThat(tree.root()).isEqualTo(b.tigerRoot()).isEqualTo(TigerTree.of(big).root());
            assertThat(tree.depth()).isEqualTo(HashTree.goodDepth(big.length)).isEqualTo(2);
            assertThat(tree.fileSize()).isEqualTo(big.length);
        }
        // The roots survive a restart without hashing again.
        try (Library library = files.scanned()) {
            assertThat(library.filesHashed()).isZero();
            assertThat(library.all()).allSatisfy(f -> assertThat(f.tigerRoot()).isNotNull());
            assertThat(library.tree(library.search("big bin", 1).get(0).urn())).isPresent();
        }
    }

    @Test
    void anIndexWithoutRootsIsHashedAgainOnceInTheBackgroundWithProgressKeepingIndexNumbers() throws Exception {
        List<SharedFile> withRoots;
        try (Library library = files.scanned()) {
            withRoots = library.all();
        }
        // Rewrite the index as a Shoal without Tiger trees left it: no roots, no tree files.
        try (Analyzer analyzer = FileNameAnalyzer.create();
                FileIndex index = FileIndex.open(files.data.resolve("index"), analyzer)) {
            for (SharedFile f : withRoots) {
                index.put(new SharedFile(f.index(), f.path(), f.name(), f.size(), f.urn(), f.lastModified(), null));
            }
            index.commit();
        }
        deleteTrees();

        RecordingListener progress = new RecordingListener();
        try (Library library = files.open(progress)) {
            // Until hashed again, files stay shared by SHA-1.
            assertThat(library.all()).hasSize(2).allSatisfy(f -> assertThat(f.tigerRoot()).isNull());
            LibraryFixture.scanned(library);
            assertThat(library.filesHashed()).isEqualTo(2);
            assertThat(library.all()).isEqualTo(withRoots);
            assertThat(progress.progress).last().satisfies(p -> {
                assertThat(p.done()).isTrue();
                assertThat(p.filesTotal()).isEqualTo(2);
                assertThat(p.bytesTotal()).isEqualTo(5 + big.length);
            });
        }
        try (Library library = files.scanned()) {
            assertThat(library.filesHashed()).isZero();
        }
    }

    @Test
    void aMissingOrDamagedTreeFileIsMadeAgain() throws Exception {
        TigerRoot root;
        try (Library library = files.scanned()) {
            root = library.search("big bin", 1).get(0).tigerRoot();
        }
        Path tree = files.data.resolve("thex").resolve(root.base32() + ".tree");
        byte[] good = Files.readAllBytes(tree);
        byte[] bad = good.clone();
        bad[30] ^= 1;
        Files.write(tree, bad);
        try (Library library = files.scanned()) {
            SharedFile big = library.search("big bin", 1).get(0);
            assertThat(library.tree(big.urn())).isEmpty();
            assertThat(tree).doesNotExist();
        }
        try (Library library = files.scanned()) {
            assertThat(library.filesHashed()).isEqualTo(1);
            assertThat(Files.readAllBytes(tree)).isEqualTo(good);
        }
    }

    @Test
    void treesOfFilesNoLongerSharedAreDeleted() throws Exception {
        try (Library library = files.scanned()) {
            assertThat(treeFiles()).hasSize(2);
        }
        Files.delete(files.share.resolve("big.bin"));
        try (Library library = files.scanned()) {
            assertThat(treeFiles()).containsExactly(library.all().get(0).tigerRoot().base32() + ".tree");
        }
    }

    private List<String> treeFiles() throws Exception {
        try (var list = Files.list(files.data.resolve("thex"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void deleteTrees() throws Exception {
        try (var list = Files.list(files.data.resolve("thex"))) {
            for (Path p : list.toList()) {
                Files.delete(p);
            }
        }
    }
}
