package dev.shoal.protocol;

import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;

import dev.shoal.protocol.handshake.HandshakeReader;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that this layer holds. */
class ProtocolLimitsTest {
    @Test
    void handshakeLines() {
        says("Handshake", n(HandshakeReader.MAX_HEADERS) + " header lines", n(HandshakeReader.MAX_LINE) + " bytes a line");
    }

    @Test
    void defaultPort() {
        says("Default port", String.valueOf(HostPort.DEFAULT_PORT));
    }

    @Test
    void resultsPerHit() {
        says("Results", QueryHit.MAX_RESULTS + " per QueryHit");
    }

    @Test
    void queryStatusAndUptime() {
        says("Query status (BEAR/12)", "at most " + n(QueryStatus.STOP - 1), n(QueryStatus.STOP) + " (0xFFFF) means stop");
        says("Uptime in our pongs (`DU`)", "capped at " + n(PongExtensions.MAX_DAILY_UPTIME_SECONDS) + " s");
    }
}
