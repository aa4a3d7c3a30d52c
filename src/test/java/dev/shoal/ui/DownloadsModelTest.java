package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloadsModelTest {
    private final DownloadsModel model = new DownloadsModel();

    @Test
    void keepsFirstSeenOrderAndDropsDownloadsThatVanished() {
        model.setAll(List.of(info("A", DownloadState.DOWNLOADING, 10), info("B", DownloadState.QUEUED, 0)));
        model.update(info("C", DownloadState.DOWNLOADING, 5));
        model.setAll(List.of(info("C", DownloadState.DOWNLOADING, 6), info("A", DownloadState.DONE, 100)));
        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.info(0).id()).isEqualTo("A");
        assertThat(model.info(1).id()).isEqualTo("C");
        assertThat(model.getValueAt(0, DownloadsModel.STATE)).isEqualTo("Done");
        assertThat(model.getValueAt(0, DownloadsModel.PROGRESS)).isEqualTo(1.0);
    }

    @Test
    void speedAndEtaShowOnlyWhileDownloading() {
        model.update(info("A", DownloadState.DOWNLOADING, 50));
        assertThat(model.getValueAt(0, DownloadsModel.SPEED)).isEqualTo(10L);
        assertThat(model.getValueAt(0, DownloadsModel.ETA)).isEqualTo("0:05");
        assertThat(model.getValueAt(0, DownloadsModel.SOURCES)).isEqualTo("1 of 2");
        model.update(info("A", DownloadState.PAUSED, 50));
        assertThat(model.getValueAt(0, DownloadsModel.SPEED)).isEqualTo(0L);
        assertThat(model.getValueAt(0, DownloadsModel.ETA)).isEqualTo("");
        model.update(info("A", DownloadState.DONE, 100));
        assertThat(model.getValueAt(0, DownloadsModel.SOURCES)).isEqualTo("2");
        model.remove("A");
        assertThat(model.getRowCount()).isZero();
    }

    private static DownloadInfo info(String id, DownloadState state, long done) {
        return new DownloadInfo(id, "urn:sha1:" + id, id + ".bin", 100, done, 10, 1, 2, state, "", "");
    }
}
