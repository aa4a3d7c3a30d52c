package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void sizesUseBinaryUnitsWithOneDecimal() {
        assertThat(Format.bytes(0)).isEqualTo("0 B");
        assertThat(Format.bytes(1023)).isEqualTo("1023 B");
        assertThat(Format.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Format.bytes(378_392)).isEqualTo("369.5 KiB");
        assertThat(Format.bytes(1L << 30)).isEqualTo("1.0 GiB");
        assertThat(Format.rate(2048)).isEqualTo("2.0 KiB/s");
        assertThat(Format.rate(-5)).isEqualTo("0 B/s");
    }

    @Test
    void etaIsAClockOrADashWhenUnknown() {
        assertThat(Format.eta(-1)).isEqualTo("\u2014");
        assertThat(Format.eta(0)).isEqualTo("0:00");
        assertThat(Format.eta(75)).isEqualTo("1:15");
        assertThat(Format.eta(3 * 3600 + 2 * 60 + 5)).isEqualTo("3:02:05");
    }

    @Test
    void uptimeGetsCoarserAsItGrows() {
        assertThat(Format.uptime(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Format.uptime(Duration.ofMinutes(3).plusSeconds(59))).isEqualTo("3 min");
        assertThat(Format.uptime(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2 h 05 min");
        assertThat(Format.uptime(Duration.ofDays(3).plusHours(4))).isEqualTo("3 d 4 h");
        assertThat(Format.uptime(Duration.ofSeconds(-3))).isEqualTo("0 s");
    }

    @Test
    void kindComesFromTheExtension() {
        assertThat(Format.kind("ocean-waves-30s.WAV")).isEqualTo("Audio");
        assertThat(Format.kind("mandelbrot.png")).isEqualTo("Image");
        assertThat(Format.kind("poetry-collection.zip")).isEqualTo("Archive");
        assertThat(Format.kind("notes.xyz")).isEqualTo("XYZ");
        assertThat(Format.kind("README")).isEqualTo("File");
        assertThat(Format.kind("trailing.")).isEqualTo("File");
    }

    @Test
    void stateNamesTheFailureReasonAndTheSourceSearch() {
        assertThat(Format.state(info(DownloadState.FAILED, "hash mismatch", 3))).isEqualTo("Failed: hash mismatch");
        assertThat(Format.state(info(DownloadState.FAILED, "", 3))).isEqualTo("Failed");
        assertThat(Format.state(info(DownloadState.QUEUED, "", 0))).isEqualTo("Queued (looking for sources)");
        assertThat(Format.state(info(DownloadState.VERIFYING, "", 3))).isEqualTo("Verifying");
        assertThat(Format.sources(2, 5)).isEqualTo("2 of 5");
        assertThat(Format.sources(3, 3)).isEqualTo("3");
        assertThat(Format.percent(0.999)).isEqualTo("99 %");
    }

    @Test
    void vendorCodesReadAsServentNamesAndSourceStatesAsWords() {
        assertThat(Format.vendor("GTKG")).isEqualTo("gtk-gnutella");
        assertThat(Format.vendor("lime")).isEqualTo("LimeWire");
        assertThat(Format.vendor("ABCD")).isEqualTo("ABCD");
        assertThat(Format.vendor(null)).isEmpty();
        assertThat(Format.sourceState(dev.shoal.node.api.SourceState.IDLE, true)).isEqualTo("Finished");
        assertThat(Format.sourceState(dev.shoal.node.api.SourceState.IDLE, false)).isEqualTo("Idle");
        assertThat(Format.sourceState(dev.shoal.node.api.SourceState.BANNED, false)).isEqualTo("Banned: sent bad data");
    }

    static DownloadInfo info(DownloadState state, String reason, int known) {
        return new DownloadInfo("ID", "urn:sha1:ID", "f.bin", 100, 50, 10, 1, known, state, reason, "");
    }
}
