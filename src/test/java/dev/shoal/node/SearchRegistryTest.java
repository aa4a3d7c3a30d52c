package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A search takes a bounded number of results, however many hits peers send for it. */
class SearchRegistryTest {
    private final SearchRegistry registry = new SearchRegistry();
    private final Guid query = Guid.random();
    private final Header header = new Header(query, MessageType.QUERY_HIT, 3, 1, 0);
    private final FakeConnection from = FakeConnection.gtkg(1, true);

    private static QueryHit hitOfTen(int n) {
        List<QueryHit.Result> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(QueryHit.Result.of(i, 100, "file " + n + "-" + i + ".txt", Urn.sha1(new byte[20])));
        }
        return new QueryHit(new InetSocketAddress("127.0.2.1", 6346), 100, results, "TEST",
                QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], Guid.random());
    }

    @Test
    void aSearchTakesAtMostItsShareOfResults() {
        List<SearchHit> got = new ArrayList<>();
        registry.register(query, got::add, new SearchTrail());
        int refused = 0;
        int hits = SearchRegistry.MAX_RESULTS / 10 + 50;
        for (int n = 0; n < hits; n++) {
            if (!registry.deliver(from, header, hitOfTen(n))) {
                refused++;
            }
        }
        assertThat(got).hasSize(SearchRegistry.MAX_RESULTS);
        assertThat(refused).isEqualTo(50);
    }

    @Test
    void hitsForASearchNoLongerRunningAreNotCountedAsRefused() {
        assertThat(registry.deliver(from, header, hitOfTen(0))).isTrue();
    }
}
