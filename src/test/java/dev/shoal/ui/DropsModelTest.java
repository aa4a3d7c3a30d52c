package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.NodeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Network tab's drops table: reasons counted at least once, most frequent first, in words. */
class DropsModelTest {
    private static NodeStats stats(long floods, long bans, long idle) {
        return new NodeStats(1, 0, 0, 0, List.of(new NodeStats.Drop("query_flood", "message", "query over budget", floods),
                new NodeStats.Drop("banned", "connection", "address banned", bans),
                new NodeStats.Drop("idle", "close", "link silent too long", idle)));
    }

    @Test
    void onlyCountedReasonsMostFrequentFirst() {
        DropsModel model = new DropsModel();
        model.setStats(stats(5, 0, 9));
        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.getValueAt(0, 0)).isEqualTo("Closed");
        assertThat(model.getValueAt(0, 1)).isEqualTo("link silent too long");
        assertThat(model.getValueAt(0, 2)).isEqualTo(9L);
        assertThat(model.getValueAt(1, 0)).isEqualTo("Message dropped");

        model.setStats(stats(50, 1, 9));
        assertThat(model.getRowCount()).isEqualTo(3);
        assertThat(model.getValueAt(0, 1)).isEqualTo("query over budget");
        assertThat(model.getValueAt(2, 0)).isEqualTo("Connection refused");
    }
}
