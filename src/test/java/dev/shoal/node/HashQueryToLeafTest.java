package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.SearchHit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a query by hash alone (a download's source lookup, a magnet link, a download
 * resumed after a restart) never reached a leaf, since QRP tables held no URNs and ultrapeers sent
 * such queries to ultrapeers only; a file that only leaves shared could not be found by its hash
 * (seen in {@code shoal bench churn}: downloads resumed after a restart stayed queued for ever).
 * A leaf's table now holds the URNs of its files, and its ultrapeer routes a hash query by them.
 */
class HashQueryToLeafTest {
    @TempDir
    Path temp;
    TestNodes net;

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aHashQueryFindsAFileThatOnlyALeafShares() {
        net = new TestNodes(temp);
        ServentNode hub = net.ultrapeer("hub", 4, Map.of());
        ServentNode holder = net.leaf("holder", 4, Map.of("echofoxtrot only here.txt", "held by a leaf"));
        ServentNode asker = net.leaf("asker", 4);
        net.link(holder, hub);
        net.link(asker, hub);
        String urn = holder.sharedFiles().get(0).urn();

        // The holder's table reaches the hub after the link is up: ask until it has arrived.
        AtomicReference<List<SearchHit>> hits = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !hits.updateAndGet(h -> net.searchUntilOver(asker, urn, 2)).isEmpty());
        assertThat(hits.get()).extracting(SearchHit::urn).containsOnly(urn);
    }

    @Test
    void aLeafWhoseTableLacksTheUrnIsNotAsked() {
        net = new TestNodes(temp);
        ServentNode hub = net.ultrapeer("hub", 4, Map.of());
        ServentNode other = net.leaf("other", 4, Map.of("golfhotel.txt", "something else"));
        ServentNode asker = net.leaf("asker", 4);
        net.link(other, hub);
        net.link(asker, hub);
        // A keyword search that reaches the leaf shows its table is at the hub.
        await().atMost(Duration.ofSeconds(20)).until(() -> !net.searchUntilOver(asker, "golfhotel", 2).isEmpty());
        int before = net.queriesSeenBy(other).size();

        net.searchUntilOver(asker, "urn:sha1:PLSTHIFQGSJZT45FJUPAKUZWUGYQYPFB", 2);

        assertThat(net.queriesSeenBy(other)).hasSize(before);
    }
}
