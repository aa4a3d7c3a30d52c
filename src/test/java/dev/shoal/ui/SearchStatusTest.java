package dev.shoal.ui;

import static dev.shoal.ui.SearchStatus.Phase.FINISHED;
import static dev.shoal.ui.SearchStatus.Phase.SEARCHING;
import static dev.shoal.ui.SearchStatus.Phase.STARTING;
import static dev.shoal.ui.SearchStatus.Phase.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchStatusTest {
    @Test
    void whileRunningItSaysWhomItAskedAndWhatCameSoFar() {
        assertThat(SearchStatus.summary(STARTING, 0, 0, 0, true)).isEqualTo("Searching\u2026");
        assertThat(SearchStatus.summary(SEARCHING, 0, 0, 1, true)).isEqualTo("Searching\u2026 asked 1 peer");
        assertThat(SearchStatus.summary(SEARCHING, 0, 0, 5, true)).isEqualTo("Searching\u2026 asked 5 peers");
        assertThat(SearchStatus.summary(SEARCHING, 2, 7, 5, true))
                .isEqualTo("2 files, 7 sources \u2014 still searching\u2026");
        assertThat(SearchStatus.explanation(SEARCHING, 5, true)).startsWith("Waiting for answers");
    }

    @Test
    void onceOverItNeverSaysSearchingAndExplainsAnEmptyResult() {
        assertThat(SearchStatus.summary(FINISHED, 1, 1, 5, true)).isEqualTo("1 file, 1 source");
        assertThat(SearchStatus.summary(FINISHED, 0, 0, 5, true)).isEqualTo("No results");
        assertThat(SearchStatus.explanation(FINISHED, 5, true))
                .isEqualTo("No results from the 5 peers asked, nor from those they asked.\nTry other words, or fewer of them.");
        assertThat(SearchStatus.summary(FINISHED, 0, 0, 0, false)).isEqualTo("No results: not connected");
        assertThat(SearchStatus.explanation(FINISHED, 0, false)).isEqualTo(SearchStatus.NOT_CONNECTED)
                .contains("Network tab", "File \u2192 Settings");
        assertThat(SearchStatus.explanation(FINISHED, 0, true))
                .isEqualTo("None of the connected peers shares a file by that name.");
        assertThat(SearchStatus.summary(STOPPED, 3, 4, 5, true)).isEqualTo("Stopped: 3 files, 4 sources");
        assertThat(SearchStatus.summary(STOPPED, 0, 0, 5, true)).isEqualTo("Stopped: no results");
        for (SearchStatus.Phase p : new SearchStatus.Phase[] {FINISHED, STOPPED}) {
            assertThat(SearchStatus.summary(p, 0, 0, 0, false)).doesNotContain("Searching");
            assertThat(SearchStatus.explanation(p, 0, false)).doesNotContain("Waiting");
        }
    }
}
