package dev.shoal.transfer.download;

import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.seconds;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that the downloader holds. */
class DownloadLimitsTest {
    @Test
    void failedSourcesWaitLongerEachTime() {
        Duration first = Duration.ofMillis(SourcePool.BASE_BACKOFF_MILLIS);
        says("Source failures", "retries " + seconds(first) + ", " + seconds(first.multipliedBy(2)) + " apart");
    }
}
