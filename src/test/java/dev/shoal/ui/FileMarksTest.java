package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FileMarksTest {
    private static final String OCEAN = "urn:sha1:YGIN5GGMWRZC5SJMV735JXEP5TQYCQ4O";
    private static final String SONG = "urn:sha1:PLSTHIPQGSSZTS5FJUPAKUZWUGYQYPFB";

    private final FileMarks marks = new FileMarks();
    private final AtomicInteger changes = new AtomicInteger();

    FileMarksTest() {
        marks.onChange(changes::incrementAndGet);
    }

    @Test
    void theLibraryWinsOverDownloadsAndUrnsCompareWithoutCase() {
        marks.download(download(OCEAN, DownloadState.DONE));
        assertThat(marks.of(OCEAN.toLowerCase())).isEqualTo(FileMarks.Mark.DOWNLOADED);
        marks.setLibrary(List.of(OCEAN.toLowerCase()));
        assertThat(marks.of(OCEAN)).isEqualTo(FileMarks.Mark.IN_LIBRARY);
        assertThat(marks.of(SONG)).isEqualTo(FileMarks.Mark.NONE);
        assertThat(marks.of("")).isEqualTo(FileMarks.Mark.NONE);
    }

    @Test
    void aDownloadUnderWayIsMarkedAndAFailedOrRemovedOneNoLonger() {
        marks.download(download(SONG, DownloadState.DOWNLOADING));
        assertThat(marks.of(SONG)).isEqualTo(FileMarks.Mark.DOWNLOADING);
        marks.download(download(SONG, DownloadState.FAILED));
        assertThat(marks.of(SONG)).isEqualTo(FileMarks.Mark.NONE);
        marks.download(download(SONG, DownloadState.DONE));
        marks.setDownloads(List.of());
        assertThat(marks.of(SONG)).isEqualTo(FileMarks.Mark.NONE);
    }

    @Test
    void listenersHearOnlyRealChanges() {
        marks.setLibrary(List.of(OCEAN));
        marks.setLibrary(List.of(OCEAN));
        marks.download(download(SONG, DownloadState.DOWNLOADING));
        marks.download(download(SONG, DownloadState.DOWNLOADING));
        marks.setDownloads(List.of(download(SONG, DownloadState.DOWNLOADING)));
        assertThat(changes).hasValue(2);
    }

    private static DownloadInfo download(String urn, DownloadState state) {
        return new DownloadInfo(urn.substring(9), urn, "f", 10, 0, 0, 0, 1, state, "", "");
    }
}
