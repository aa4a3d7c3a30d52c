package dev.shoal.ui;

import static dev.shoal.LimitsTable.millis;
import static dev.shoal.LimitsTable.says;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that the window holds. */
class UiLimitsTest {
    @Test
    void searchAsYouType() {
        says("Search as you type", "unfinished, " + LibraryMatches.MAX + " files",
                "after " + millis(Duration.ofMillis(SearchPanel.TYPING_PAUSE_MILLIS)) + " without typing");
    }
}
