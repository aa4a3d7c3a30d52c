package dev.shoal.library;

import static dev.shoal.library.LibraryFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that look private are not indexed, are listed (in memory and in a file), and can be shared anyway. */
class LeftOutTest {
    @TempDir
    Path temp;

    @Test
    void privateLookingFilesAreLeftOutListedAndSharedOnlyWhenTheUserSaysSo() throws Exception {
        LibraryFixture fx = new LibraryFixture(temp);
        fx.write("music/ocean waves.mp3", "waves");
        Path wallet = fx.write("wallet.dat", "coins");
        Path passport = fx.write("papers/passport-scan.pdf", "me");
        Path keys = fx.write("keys/id_ed25519", "key").getParent();
        fx.write("profile/.mozilla/cookies.sqlite", "hidden anyway");
        Path gnupg = fx.write("backup/private-keys-v1.d/key.key", "k").getParent();
        List<Integer> told = new CopyOnWriteArrayList<>();
        try (Library library = LibraryFixture.scanned(fx.open(new LibraryListener() {
            @Override
            public void leftOut(int count, Path listFile, Path anywayFile) {
                told.add(count);
            }
        }))) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("ocean waves.mp3");
            assertThat(library.leftOut()).extracting(LeftOut::path).containsExactlyInAnyOrder(
                    wallet.toRealPath(), passport.toRealPath(), keys.toRealPath().resolve("id_ed25519"),
                    gnupg.toRealPath());
            assertThat(library.leftOut()).extracting(LeftOut::family).contains(PrivateFiles.Family.WALLET,
                    PrivateFiles.Family.IDENTITY_DOCUMENT, PrivateFiles.Family.SSH_KEY, PrivateFiles.Family.GPG_KEY);
            assertThat(told).containsExactly(4);
            assertThat(Files.readAllLines(library.leftOutListFile())).hasSize(5)
                    .anySatisfy(line -> assertThat(line).isEqualTo(wallet.toRealPath() + "\twallet"));
            assertThat(names(library, "wallet")).isEmpty();

            library.shareAnyway(List.of(wallet.toRealPath()));
            await().atMost(Duration.ofSeconds(10)).until(() -> names(library, "wallet").equals(List.of("wallet.dat")));
            assertThat(library.leftOut()).hasSize(3);
        }
        try (Library again = LibraryFixture.scanned(fx.open(LibraryListener.NONE))) {
            assertThat(names(again, "wallet")).as("the choice is remembered").containsExactly("wallet.dat");
            assertThat(names(again, "passport")).isEmpty();
        }
    }

    @Test
    void aPrivateLookingFileCopiedInWhileWatchedIsLeftOutToo() throws Exception {
        LibraryFixture fx = new LibraryFixture(temp);
        fx.write("song.mp3", "la");
        try (Library library = LibraryFixture.watching(fx.open(LibraryListener.NONE))) {
            Path statement = fx.write("bank-statement-march.pdf", "money").toRealPath();
            fx.write("tide.mp3", "tide");
            await().atMost(Duration.ofSeconds(10)).until(() -> names(library, "tide").equals(List.of("tide.mp3")));
            await().atMost(Duration.ofSeconds(10)).until(() -> library.leftOut().stream()
                    .anyMatch(l -> l.path().equals(statement)));
            assertThat(names(library, "statement")).isEmpty();
        }
    }
}
