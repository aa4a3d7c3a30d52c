package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.UserFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line refuses the disk and the home folder in one line, and says what it left out and where. */
class SafeSharingCliTest {
    @TempDir
    Path temp;

    @Test
    void indexLeavesOutWhatLooksPrivateAndSaysWhereTheListIs() throws Exception {
        Path lib = Files.createDirectories(temp.resolve("lib"));
        Files.writeString(lib.resolve("ocean waves.mp3"), "waves");
        Files.writeString(lib.resolve("wallet.dat"), "coins");
        Files.writeString(lib.resolve("passport-scan.pdf"), "me");
        Path data = temp.resolve("d");

        CliRun run = CliRun.of("index", lib.toString(), "--data", data.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).singleElement().asString().startsWith("ocean waves.mp3\t");
        Path list = data.toRealPath().resolve("left-out.txt");
        assertThat(run.errLines()).containsExactly("1 file, 5 B", "left out 2 files that look private (keys, wallets,"
                + " mail, passports, tax or bank papers): see " + list + "; to share one anyway, add its path to "
                + data.toRealPath().resolve("share-anyway.txt"));
        assertThat(Files.readString(list)).contains(lib.toRealPath().resolve("wallet.dat") + "\twallet",
                lib.toRealPath().resolve("passport-scan.pdf") + "\tidentity document");

        Files.writeString(data.resolve("share-anyway.txt"), lib.toRealPath().resolve("wallet.dat") + "\n");
        CliRun anyway = CliRun.of("index", lib.toString(), "--data", data.toString());
        assertThat(anyway.outLines()).hasSize(2).anySatisfy(l -> assertThat(l).startsWith("wallet.dat\t"));
        assertThat(anyway.errLines()).contains("left out 1 file that looks private (keys, wallets, mail, passports,"
                + " tax or bank papers): see " + list + "; to share one anyway, add its path to "
                + data.toRealPath().resolve("share-anyway.txt"));
    }

    @Test
    void theDiskAndTheHomeFolderAreRefusedInOneLine() throws Exception {
        Path root = temp.getRoot();
        CliRun disk = CliRun.of("index", root.toString(), "--data", temp.resolve("d").toString());
        assertThat(disk.exitCode()).isEqualTo(1);
        assertThat(disk.errLines()).singleElement().asString().startsWith("shoal: will not share " + root
                + ": it is the whole disk; share the folders that hold what you mean to share");

        // The build points HOME at a folder of its own, made here if no test made it yet.
        Path home = Files.createDirectories(UserFolders.current().home());
        CliRun node = CliRun.of("node", "--port", "0", "--data", temp.resolve("d").toString(), "--share",
                home.toString());
        assertThat(node.exitCode()).isEqualTo(1);
        assertThat(node.errLines()).singleElement().asString()
                .startsWith("shoal: will not share your whole home folder " + home.toRealPath());
    }
}
