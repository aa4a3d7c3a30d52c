package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DownloadReportTest {
    private static final long SIZE = 20_000_000;
    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final DownloadReport report = new DownloadReport(now::get);

    private static DownloadInfo info(String name, long done, long speed, int sources, int known, DownloadState state,
            String path) {
        return new DownloadInfo("G2RW", "urn:sha1:G2RW", name, SIZE, done, speed, sources, known, state, "", path);
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void whileNoSourceIsKnownItSaysItIsSearchingAndForHowLong() {
        advance(12_400);
        assertThat(report.status(info("G2RW", 0, 0, 0, 0, DownloadState.QUEUED, "")))
                .isEqualTo("searching for sources of urn:sha1:G2RW... 12 s");
        assertThat(report.status(info("big.bin", 0, 0, 0, 2, DownloadState.QUEUED, "")))
                .isEqualTo("found 2 sources of big.bin, connecting...");
    }

    @Test
    void theBarShowsNameBytesSpeedEtaAndSources() {
        assertThat(report.status(info("big.bin", 10_485_760, 2_097_152, 2, 3, DownloadState.DOWNLOADING, "")))
                .isEqualTo("big.bin [#####-----]  52%  10.0/19.1 MiB  2.0 MiB/s  ETA 0:04  2 sources");
        assertThat(report.status(info("big.bin", 10_485_760, 0, 0, 3, DownloadState.DOWNLOADING, "")))
                .isEqualTo("big.bin [#####-----]  52%  10.0/19.1 MiB  waiting for a source (3 known)");
        assertThat(report.status(info("big.bin", SIZE, 0, 0, 3, DownloadState.VERIFYING, "")))
                .isEqualTo("big.bin [##########] 100%  19.1 MiB  verifying SHA-1");
    }

    @Test
    void aLongNameIsShortenedSoTheLineNeverWraps() {
        String name = "A very long file name from some peer on the network, longer than any terminal line.mkv";
        String line = report.status(info(name, 10_485_760, 2_097_152, 12, 12, DownloadState.DOWNLOADING, ""));

        assertThat(line).hasSizeLessThanOrEqualTo(DownloadReport.WIDTH).startsWith("A very long file name")
                .endsWith("...  52%  10.0/19.1 MiB  2.0 MiB/s  ETA 0:04  12 sources");
    }

    @Test
    void theSummarySaysSizeTimeAverageSpeedAndVerified() {
        advance(9_800);
        assertThat(report.summary(info("big.bin", SIZE, 0, 0, 2, DownloadState.DONE, "/tmp/out/big.bin")))
                .isEqualTo("done: big.bin, 19.1 MiB in 9.8 s (1.9 MiB/s), SHA-1 verified");
    }

    @Test
    void aResumedDownloadSaysWhereItResumedAndCountsOnlyTheNewBytesInTheSpeed() {
        assertThat(DownloadReport.resumeNote(10_485_760, SIZE)).isEqualTo("resuming at 52 % (10.0/19.1 MiB already here)");
        report.resumed(10_485_760);
        advance(4_000);

        assertThat(report.summary(info("big.bin", SIZE, 0, 0, 1, DownloadState.DONE, "/tmp/out/big.bin")))
                .isEqualTo("done: big.bin, 19.1 MiB in 4.0 s (2.3 MiB/s), SHA-1 verified; "
                        + "10.0 MiB of it came from an earlier run");
    }

    @Test
    void aFileSavedUnderAnotherNameSaysSo() {
        advance(1_000);
        assertThat(report.summary(info("big.bin", SIZE, 0, 0, 1, DownloadState.DONE, "/tmp/out/big (1).bin")))
                .endsWith("; saved as \"big (1).bin\" (the name was taken)");
    }
}
