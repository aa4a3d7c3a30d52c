package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.PieceRun;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceMapTest {
    @Test
    void runsAreLaidOutInProportionAcrossTheBar() {
        List<PieceRun> runs = List.of(new PieceRun(2, 0), new PieceRun(1, PieceRun.MISSING), new PieceRun(1, 1));
        assertThat(PieceMap.segments(runs, 100)).containsExactly(
                new PieceMap.Segment(0, 50, 0), new PieceMap.Segment(50, 25, PieceRun.MISSING),
                new PieceMap.Segment(75, 25, 1));
        // More pieces than pixels: neighbours share the pixels, nothing spills past the end.
        List<PieceMap.Segment> narrow = PieceMap.segments(List.of(new PieceRun(999, 0), new PieceRun(1, 1)), 10);
        assertThat(narrow).containsExactly(new PieceMap.Segment(0, 10, 0));
        assertThat(PieceMap.segments(List.of(), 100)).isEmpty();
    }

    @Test
    void eachSourceHasItsOwnColourAndEarlierPiecesAreGrey() {
        assertThat(PieceMap.colour(0)).isNotEqualTo(PieceMap.colour(1));
        assertThat(List.of(0, 1, 2, 3).stream().map(PieceMap::colour).distinct()).hasSize(4);
        assertThat(PieceMap.colour(PieceRun.EARLIER)).isEqualTo(PieceMap.EARLIER);
        assertThat(PieceMap.tooltip(List.of(new PieceRun(3, 0), new PieceRun(1, PieceRun.MISSING))))
                .startsWith("3 of 4 pieces on disk");
    }

    @Test
    void theSourcesTableShowsBytesShareSpeedAndAStateAUserReads() {
        SourcesModel model = new SourcesModel();
        model.setSources(List.of(new SourceProgress("127.0.0.1:7001", 300, 50, SourceState.DOWNLOADING),
                new SourceProgress("127.0.0.1:7002", 100, 0, SourceState.WAITING)), 1000, false);
        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.getValueAt(0, SourcesModel.COLOUR)).isEqualTo(0);
        assertThat(model.getValueAt(0, SourcesModel.ADDRESS)).isEqualTo("127.0.0.1:7001");
        assertThat(model.getValueAt(0, SourcesModel.BYTES)).isEqualTo(300L);
        assertThat(model.getValueAt(0, SourcesModel.SHARE)).isEqualTo(0.3);
        assertThat(model.getValueAt(0, SourcesModel.SPEED)).isEqualTo(50L);
        assertThat(model.getValueAt(1, SourcesModel.STATE)).isEqualTo("Waiting to retry");
        model.setSources(List.of(new SourceProgress("127.0.0.1:7001", 1000, 0, SourceState.IDLE)), 1000, true);
        assertThat(model.getValueAt(0, SourcesModel.STATE)).isEqualTo("Finished");
    }

    @Test
    void theDetailsTitleCountsPiecesAndTheSourcesThatSentSome() {
        DownloadInfo d = new DownloadInfo("ID", "urn:sha1:ID", "big.bin", 1000, 500, 10, 2, 3, DownloadState.DOWNLOADING,
                "", "", List.of(new SourceProgress("a:1", 300, 1, SourceState.DOWNLOADING),
                        new SourceProgress("b:1", 200, 1, SourceState.DOWNLOADING),
                        new SourceProgress("c:1", 0, 0, SourceState.CONNECTING)),
                List.of(new PieceRun(3, 0), new PieceRun(2, 1), new PieceRun(5, PieceRun.MISSING)));
        assertThat(DownloadDetails.summary(d)).isEqualTo("big.bin: 5 of 10 pieces from 2 sources (3 known)");
    }
}
