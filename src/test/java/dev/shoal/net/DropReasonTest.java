package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Bye;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The drop reasons are a stable, documented vocabulary: logs, {@code shoal stats} and the corpus use their names. */
class DropReasonTest {
    @Test
    void everyReasonIsInTheHardeningSpecWithItsGroup() throws Exception {
        String spec = Files.readString(Path.of("protocol-spec", "hardening.md"));
        for (DropReason r : DropReason.values()) {
            assertThat(spec).as("hardening.md lists %s", r).contains("| `" + r.key() + "` | " + r.group().label() + " |");
        }
    }

    @Test
    void keysAreLowerCaseNamesAndDescriptionsSaySomething() {
        assertThat(Arrays.stream(DropReason.values()).map(DropReason::key)).doesNotHaveDuplicates()
                .allMatch(k -> k.matches("[a-z_]+"));
        assertThat(Arrays.stream(DropReason.values()).map(DropReason::description)).allMatch(d -> d.length() > 10);
    }

    @Test
    void aByeWeSendNamesItsReasonWhenTheCloserSaidNothingMore() {
        assertThat(DropReason.forBye(Bye.IDLE)).isEqualTo(DropReason.IDLE);
        assertThat(DropReason.forBye(Bye.TOO_MANY_ERRORS)).isEqualTo(DropReason.TOO_MANY_ERRORS);
        assertThat(DropReason.forBye(Bye.SEND_QUEUE_FULL)).isEqualTo(DropReason.SEND_QUEUE_FULL);
        assertThat(DropReason.forBye(Bye.SHUTDOWN)).isEqualTo(DropReason.SHUTDOWN);
        assertThat(DropReason.forBye(Bye.BAD_QRP)).isEqualTo(DropReason.BAD_QRP);
        assertThat(DropReason.forBye(Bye.DESYNC)).isEqualTo(DropReason.CLOSED_BY_US);
    }

    @Test
    void countersAddUpAndSnapshotsKeepTheirOrder() {
        DropCounters c = new DropCounters();
        c.count(DropReason.DUPLICATE);
        c.count(DropReason.DUPLICATE, 4);
        c.count(DropReason.BANNED, 0);
        assertThat(c.get(DropReason.DUPLICATE)).isEqualTo(5);
        assertThat(c.total()).isEqualTo(5);
        assertThat(c.snapshot().keySet()).containsExactly(DropReason.values());
    }
}
