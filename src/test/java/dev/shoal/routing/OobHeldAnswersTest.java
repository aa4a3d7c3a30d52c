package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.QueryHit;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answerer's store of hits held for an acknowledgement, on virtual milliseconds. */
class OobHeldAnswersTest {
    private static final InetSocketAddress QUERIER = new InetSocketAddress("127.0.0.2", 6346);
    private final Guid query = Guid.random();
    private final OobHeldAnswers held = new OobHeldAnswers(3);

    private static QueryHit hit(int results) {
        List<QueryHit.Result> r = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            r.add(QueryHit.Result.of(i, 100, "file " + i + ".txt", null));
        }
        return new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 100, r, "SHOL", null, Ggep.EMPTY, null,
                Guid.random());
    }

    private static int results(List<QueryHit> hits) {
        return hits.stream().mapToInt(h -> h.results().size()).sum();
    }

    @Test
    void anAckFromTheQuerierReleasesAtMostTheResultsItAsksForOnce() {
        held.hold(query, QUERIER, List.of(hit(10), hit(10), hit(5)), 0);

        List<QueryHit> out = held.release(query, QUERIER, 13, 1);

        assertThat(out).hasSize(2);
        assertThat(results(out)).isEqualTo(13);
        assertThat(held.release(query, QUERIER, 13, 1)).isNull();
    }

    @Test
    void anAckForMoreThanWeHoldGetsWhatWeHold() {
        held.hold(query, QUERIER, List.of(hit(4)), 0);

        assertThat(results(held.release(query, QUERIER, 255, 0))).isEqualTo(4);
    }

    @Test
    void anAckFromAnotherAddressOrForAnotherQueryReleasesNothing() {
        held.hold(query, QUERIER, List.of(hit(4)), 0);

        assertThat(held.release(query, new InetSocketAddress("127.0.0.2", 6347), 4, 0)).isNull();
        assertThat(held.release(Guid.random(), QUERIER, 4, 0)).isNull();
        assertThat(held.size()).isEqualTo(1);
    }

    @Test
    void anAckOfZeroReleasesNothingAndEndsTheHold() {
        held.hold(query, QUERIER, List.of(hit(4)), 0);

        assertThat(held.release(query, QUERIER, 0, 0)).isEmpty();
        assertThat(held.size()).isZero();
    }

    @Test
    void answersAreDroppedOnceTheHoldTimeIsOver() {
        held.hold(query, QUERIER, List.of(hit(4)), 0);

        assertThat(held.release(query, QUERIER, 4, OobHeldAnswers.HOLD_MILLIS + 1)).isNull();
        assertThat(held.expired()).isEqualTo(1);
    }

    @Test
    void aFullStoreRefusesNewAnswersUntilOldOnesGo() {
        for (int i = 0; i < 3; i++) {
            assertThat(held.hold(Guid.random(), QUERIER, List.of(hit(1)), i)).isTrue();
        }
        assertThat(held.hold(query, QUERIER, List.of(hit(1)), 10)).isFalse();
        assertThat(held.hold(query, QUERIER, List.of(hit(1)), OobHeldAnswers.HOLD_MILLIS + 3)).isTrue();
        assertThat(held.size()).isEqualTo(1);
    }

    @Test
    void theSameQueryForTheSameQuerierIsHeldOnce() {
        assertThat(held.hold(query, QUERIER, List.of(hit(1)), 0)).isTrue();
        assertThat(held.hold(query, QUERIER, List.of(hit(2)), 0)).isFalse();
    }
}
