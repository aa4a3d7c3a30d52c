package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shoal.net.DropCounters;
import dev.shoal.net.DropReason;
import dev.shoal.net.NetStats;
import dev.shoal.node.api.NodeStats;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Drops from every layer make one snapshot, and the log gets one summary line per period only when they changed. */
class DropReportTest {
    private final DropCounters net = new DropCounters();
    private final DropCounters handler = new DropCounters();
    private final AtomicLong uploads = new AtomicLong();
    private final DropReport report = new DropReport(() -> new NetStats(3, 1, 2, 1, net.snapshot()), handler,
            uploads::get);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DropReport.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void theSnapshotAddsUpEveryLayer() {
        net.count(DropReason.QUERY_FLOOD, 7);
        handler.count(DropReason.DUPLICATE, 2);
        uploads.set(4);
        NodeStats s = report.stats();
        assertThat(s.count("query_flood")).isEqualTo(7);
        assertThat(s.count("duplicate")).isEqualTo(2);
        assertThat(s.count("address_uploads")).isEqualTo(4);
        assertThat(s.total("message")).isEqualTo(9);
        assertThat(s.drops()).hasSize(DropReason.values().length);
        assertThat(s.links()).isEqualTo(3);
        assertThat(s.bannedAddresses()).isEqualTo(1);
    }

    @Test
    void oneLinePerPeriodAndOnlyWhenSomethingChanged() {
        report.tick(0);
        assertThat(logged.list).as("nothing counted yet").isEmpty();
        net.count(DropReason.PING_FLOOD, 100_000);
        net.count(DropReason.FLOODING);
        handler.count(DropReason.MALFORMED, 3);
        report.tick(1_000);
        assertThat(logged.list).as("within the period").isEmpty();
        report.tick(DropReport.LOG_PERIOD_MILLIS);
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("ping_flood 100000, malformed 3, flooding 1").contains("100004 in all");
        report.tick(2 * DropReport.LOG_PERIOD_MILLIS);
        assertThat(logged.list).as("nothing new").hasSize(1);
        net.count(DropReason.PING_FLOOD, 5);
        report.tick(3 * DropReport.LOG_PERIOD_MILLIS);
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(1).getFormattedMessage()).contains("ping_flood 5 ").doesNotContain("malformed");
    }
}
