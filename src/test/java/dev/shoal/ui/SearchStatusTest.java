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
        assertThat(SearchStatus.text(STARTING, 0, 0, 0, true)).isEqualTo("Searching\u2026");
        assertThat(SearchStatus.text(SEARCHING, 0, 0, 1, true)).isEqualTo("Searching\u2026 asked 1 peer");
        assertThat(SearchStatus.text(SEARCHING, 0, 0, 5, true)).isEqualTo("Searching\u2026 asked 5 peers");
        assertThat(SearchStatus.text(SEARCHING, 2, 7, 5, true)).isEqualTo("2 files, 7 sources \u2014 still searching\u2026");
    }

    @Test
    void onceOverItNeverSaysSearchingAndExplainsAnEmptyResult() {
        assertThat(SearchStatus.text(FINISHED, 1, 1, 5, true)).isEqualTo("1 file, 1 source");
        assertThat(SearchStatus.text(FINISHED, 0, 0, 5, true))
                .isEqualTo("No results from the 5 peers asked (and those they asked): try other words.");
        assertThat(SearchStatus.text(FINISHED, 0, 0, 0, false)).isEqualTo(SearchStatus.NOT_CONNECTED);
        assertThat(SearchStatus.text(FINISHED, 0, 0, 0, true))
                .isEqualTo("No results: none of the connected peers shares a file by that name.");
        assertThat(SearchStatus.text(STOPPED, 3, 4, 5, true)).isEqualTo("Stopped: 3 files, 4 sources");
        assertThat(SearchStatus.text(STOPPED, 0, 0, 5, true)).isEqualTo("Stopped: no results");
        for (SearchStatus.Phase p : new SearchStatus.Phase[] {FINISHED, STOPPED}) {
            assertThat(SearchStatus.text(p, 0, 0, 0, false)).doesNotContain("Searching");
        }
    }
}
