package dev.shoal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {
    @TempDir
    Path tmp;

    @Test
    void everyFileIsOnTwoNeighboursAndBigOnesOnFour() {
        var spread = SampleFiles.spread(List.of(10L, 300_000L, 5L, 2_000_000L, 1L, 7L), 5);
        assertThat(spread.get(0)).containsExactly(0, 1);
        assertThat(spread.get(1)).containsExactly(1, 2, 3, 4);
        assertThat(spread.get(3)).containsExactly(3, 4, 0, 1);
        assertThat(spread.get(5)).containsExactly(0, 1);
        assertThat(SampleFiles.spread(List.of(1_000_000L), 2).get(0)).containsExactly(0, 1);
    }

    @Test
    void findsTheSamplesFromTheWorkingFolderOrAboveTheJar() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(SampleFiles.LIBRARY));
        Path jar = Files.createDirectories(repo.resolve("target")).resolve("shoal.jar");
        assertThat(SampleFiles.locate(repo, Optional.empty())).contains(repo.resolve(SampleFiles.LIBRARY));
        assertThat(SampleFiles.locate(tmp.resolve("elsewhere"), Optional.of(jar)))
                .contains(repo.resolve(SampleFiles.LIBRARY));
        assertThat(SampleFiles.locate(tmp.resolve("elsewhere"), Optional.empty())).isEmpty();
    }

    @Test
    void generatedStandInsGiveAQueryThatFindsSeveralCopies() throws Exception {
        Path lib = SampleFiles.generate(tmp.resolve("gen"));
        List<Path> files = SampleFiles.list(lib);
        assertThat(files).hasSize(6);
        assertThat(Files.readString(lib.resolve(files.get(2)), StandardCharsets.UTF_8)).isNotEmpty();
    }

    @Test
    void urnIsBase32OfTheSha1() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty"));
        assertThat(Sha1Urn.of(empty)).isEqualTo("urn:sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
        assertThat(Sha1Urn.base32(new byte[] {'f', 'o', 'o'})).isEqualTo("MZXW6");
    }
}
