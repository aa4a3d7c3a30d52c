package dev.shoal.node.portmap;

import static dev.shoal.LimitsTable.says;

import org.junit.jupiter.api.Test;

/** The port mapping row of {@code protocol-spec/limits.md}. */
class PortMapLimitsTest {
    @Test
    void portMapping() {
        says("Port mapping", "off unless `--port-mapping` with `--join-public`", "within " + UpnpGateway.HTTP_TIMEOUT_MILLIS / 1000 + " s",
                "at most " + PortMapper.CLOSE_WAIT_SECONDS + " s");
    }
}
