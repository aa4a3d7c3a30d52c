package dev.shoal.node.spam;

import static dev.shoal.node.spam.HitSets.urn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.node.api.ShoalException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadUrnFileTest {
    @TempDir
    Path data;

    @Test
    void withoutAFileNothingIsListedAndTheTextIsATemplate() {
        BadUrnFile list = new BadUrnFile(data);
        assertThat(list.file()).isEqualTo(data.resolve("spam-urns.txt"));
        assertThat(list.urns()).isEmpty();
        assertThat(list.text()).startsWith("# Shoal hides search results").doesNotContain("urn:sha1:");
    }

    @Test
    void markingAddsOneCommentedLinePerUrnOnce() throws Exception {
        BadUrnFile list = new BadUrnFile(data);
        list.add(urn("a").toLowerCase(Locale.ROOT), "ocean waves.mp3.exe");
        list.add(urn("a"), "again");
        list.add(urn("b"), "two\nlines");
        String text = Files.readString(list.file());
        assertThat(text).startsWith(BadUrnFile.TEMPLATE)
                .endsWith(urn("a") + "  # ocean waves.mp3.exe\n" + urn("b") + "  # two lines\n");
        assertThat(list.contains(urn("a"))).isTrue();
        assertThat(list.contains(urn("b").toLowerCase(Locale.ROOT))).isTrue();
        assertThat(new BadUrnFile(data).urns()).hasSize(2);
        assertThatThrownBy(() -> list.add("urn:sha1:nope", "")).isInstanceOf(ShoalException.class);
    }

    @Test
    void savingRefusesALineThatIsNotAUrnAndWritesNothing() throws Exception {
        BadUrnFile list = new BadUrnFile(data);
        list.save("# mine\n" + urn("a") + " # a fake\n\n");
        assertThatThrownBy(() -> list.save("# mine\n" + urn("a") + "\nsong.mp3\n"))
                .isInstanceOf(ShoalException.class)
                .hasMessage("line 3 of the spam list is not a urn:sha1: song.mp3");
        assertThat(Files.readString(list.file())).isEqualTo("# mine\n" + urn("a") + " # a fake\n\n");
        assertThat(list.urns()).containsExactly(urn("a").toLowerCase(Locale.ROOT));
        list.save("");
        assertThat(list.urns()).isEmpty();
    }

    @Test
    void anEditMadeElsewhereCountsAtTheNextLookAndBadLinesAreSkipped() throws Exception {
        BadUrnFile list = new BadUrnFile(data);
        list.add(urn("a"), "");
        assertThat(list.urns()).hasSize(1);
        Files.writeString(list.file(), "not a urn\n" + urn("b") + "\r\n" + urn("c") + "\t# c\n", StandardCharsets.UTF_8);
        // A later modification time, as a text editor leaves it (file times can be coarse).
        Files.setLastModifiedTime(list.file(), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(list.urns()).containsExactlyInAnyOrder(urn("b").toLowerCase(Locale.ROOT),
                urn("c").toLowerCase(Locale.ROOT));
        Files.delete(list.file());
        assertThat(list.urns()).isEmpty();
    }

    /** The first mark creates the list whole: read the moment it appears (or left by a kill), it is never empty. */
    @Test
    void theListAppearsWhole() throws Exception {
        for (int round = 0; round < 200; round++) {
            Path dir = java.nio.file.Files.createDirectories(data.resolve("r" + round));
            BadUrnFile list = new BadUrnFile(dir);
            java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
            Thread reader = new Thread(() -> {
                while (seen.get() == null) {
                    try {
                        seen.set(Files.readString(list.file()));
                    } catch (java.io.IOException notYet) {
                        Thread.onSpinWait();
                    }
                }
            });
            reader.start();
            list.add(urn("a"), "first");
            reader.join();
            assertThat(seen.get()).as("round %d", round).startsWith(BadUrnFile.TEMPLATE).contains(urn("a"));
        }
    }

    /** Marking replaces the file whole: a reader never sees it without a URN it already held. */
    @Test
    void markingNeverShowsTheListShorter() throws Exception {
        BadUrnFile list = new BadUrnFile(data);
        list.add(urn("a"), "");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread marker = new Thread(() -> {
            for (int i = 0; !stop.get() && i < 2000; i++) {
                list.add("urn:sha1:" + dev.shoal.protocol.Base32.encode(java.nio.ByteBuffer.allocate(20).putInt(i).array()),
                        "n" + i);
            }
        });
        marker.start();
        try {
            long before = 0;
            for (int i = 0; i < 2000; i++) {
                String text = Files.readString(list.file());
                long urns = text.lines().filter(l -> l.startsWith("urn:sha1:")).count();
                assertThat(text).as("read %d", i).startsWith(BadUrnFile.TEMPLATE).endsWith("\n");
                assertThat(urns).as("read %d", i).isGreaterThanOrEqualTo(before);
                before = urns;
            }
        } finally {
            stop.set(true);
            marker.join();
        }
    }
}
