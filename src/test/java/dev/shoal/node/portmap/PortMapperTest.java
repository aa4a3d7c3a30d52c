package dev.shoal.node.portmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.PortMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The port mapper against a fake UPnP router on 127.0.0.1, named by its URL: no discovery, no multicast. */
class PortMapperTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theRouterSeesTheMappingAddedAndThenRemovedOnClose() throws Exception {
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            PortMapper mapper = new PortMapper(true, Optional.of(router.location()));
            mapper.map(16346);
            await().atMost(WAIT).until(() -> mapper.status().state() == PortMapping.State.MAPPED);

            assertThat(router.mappings).containsExactly(new FakeUpnpRouter.Mapping(16346, 16346, "127.0.0.1", "TCP",
                    "Shoal (Gnutella)"));
            assertThat(mapper.status().externalAddress()).contains(FakeUpnpRouter.EXTERNAL_IP);
            assertThat(mapper.status().externalPort()).isEqualTo(16346);
            assertThat(mapper.status().describe()).isEqualTo("mapped 203.0.113.7:16346 (Fake Router)");

            mapper.close();

            assertThat(router.mappings).isEmpty();
            assertThat(router.actions).containsExactly("GetExternalIPAddress", "AddPortMapping", "DeletePortMapping");
            assertThat(mapper.status().state()).isEqualTo(PortMapping.State.OFF);
        }
    }

    @Test
    void aRouterThatRefusesLeavesTheNodeNotMappedAndNothingToRemove() throws Exception {
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            router.refuseMappings();
            PortMapper mapper = new PortMapper(true, Optional.of(router.location()));
            mapper.map(16346);
            await().atMost(WAIT).until(() -> mapper.status().state() == PortMapping.State.NOT_MAPPED);

            mapper.close();

            assertThat(mapper.status().describe()).startsWith("not mapped: Fake Router refused to map port 16346");
            assertThat(router.actions).containsExactly("GetExternalIPAddress", "AddPortMapping");
        }
    }

    @Test
    void noRouterAtTheUrlMeansNotMapped() throws Exception {
        java.net.URI gone;
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            gone = router.location();
        }
        PortMapper mapper = new PortMapper(true, Optional.of(gone));
        mapper.map(16346);
        await().atMost(WAIT).until(() -> mapper.status().state() == PortMapping.State.NOT_MAPPED);
        mapper.close();

        assertThat(mapper.status().detail()).startsWith("cannot reach the router");
    }

    @Test
    void disabledItNeverLooksForARouter() {
        AtomicInteger lookups = new AtomicInteger();
        PortMapper mapper = new PortMapper(false, () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        });

        mapper.map(16346);
        mapper.close();

        // Disabled, map() returns without starting anything: no thread exists that could look later.
        assertThat(lookups).hasValue(0);
        assertThat(mapper.status()).isEqualTo(PortMapping.off());
        assertThat(List.of(mapper.status().describe())).containsExactly("off");
    }
}
