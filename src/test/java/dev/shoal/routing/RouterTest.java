package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Urn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per routing rule; connections are named by strings: up1..up3 ultrapeers, leaf1..leaf3 leaves. */
class RouterTest {
    private static final List<Urn> NO_URNS = List.of();
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
    private final Guid me = Guid.random();
    private Router<String> router;

    @BeforeEach
    void setUp() {
        router = new Router<>(RouterConfig.defaults(), me);
        router.connectionOpened("up1", false);
        router.connectionOpened("up2", false);
        router.connectionOpened("up3", false);
        router.connectionOpened("leaf1", true);
        router.connectionOpened("leaf2", true);
        router.connectionOpened("leaf3", true);
    }

    private static Header query(int ttl, int hops) {
        return new Header(Guid.random(), MessageType.QUERY, ttl, hops, 10);
    }

    private static QrpTable table(String... words) {
        return QrpTable.builder().addAll(List.of(words)).build();
    }

    private QueryRoute<String> onQuery(String from, Header h, String... keywords) {
        return router.onQuery(from, h, List.of(keywords), NO_URNS, 0);
    }

    @Test
    void newQueryIsAnsweredLocally() {
        assertThat(onQuery("up1", query(3, 0), "zebra").answerLocally()).isTrue();
    }

    @Test
    void duplicateQueryIsDroppedAndNotAnsweredAgain() {
        Header h = query(3, 0);
        onQuery("up1", h, "zebra");
        QueryRoute<String> again = onQuery("up2", h, "zebra");
        assertThat(again.duplicate()).isTrue();
        assertThat(again.answerLocally()).isFalse();
        assertThat(again.forwardTo()).isEmpty();
    }

    @Test
    void queryBeyondTheHardHopsPlusTtlLimitIsDropped() {
        QueryRoute<String> r = onQuery("up1", query(10, 6), "zebra");
        assertThat(r.overLimit()).isTrue();
        assertThat(r.answerLocally()).isFalse();
        assertThat(r.forwardTo()).isEmpty();
    }

    @Test
    void queryIsForwardedToOtherUltrapeersHoppedAndTrimmed() {
        Header h = query(7, 0);
        QueryRoute<String> r = onQuery("up1", h, "zebra");
        assertThat(r.forwardTo()).containsExactly("up2", "up3");
        assertThat(r.forwardHeader().guid()).isEqualTo(h.guid());
        assertThat(r.forwardHeader().hops()).isEqualTo(1);
        assertThat(r.forwardHeader().ttl()).isEqualTo(3);
        assertThat(r.forwardHeader().payloadLength()).isEqualTo(10);
    }

    @Test
    void queryIsNeverSentBackToItsSource() {
        router.qrpTableReceived("leaf1", table("zebra"));
        assertThat(onQuery("up1", query(3, 0), "zebra").forwardTo()).doesNotContain("up1");
        assertThat(onQuery("leaf1", query(3, 0), "zebra").forwardTo()).doesNotContain("leaf1");
    }

    @Test
    void queryWhoseTtlRunsOutIsNotForwardedToUltrapeers() {
        QueryRoute<String> r = onQuery("up1", query(1, 0), "zebra");
        assertThat(r.answerLocally()).isTrue();
        assertThat(r.forwardTo()).isEmpty();
        assertThat(r.forwardHeader()).isNull();
    }

    @Test
    void lastHopGoesToAnUltrapeerWithATableOnlyIfTheTableMatches() {
        router.qrpTableReceived("up2", table("zebra"));
        router.qrpTableReceived("up3", table("lion"));
        assertThat(onQuery("up1", query(2, 0), "zebra").forwardTo()).containsExactly("up2");
    }

    @Test
    void lastHopGoesToAnUltrapeerWithoutATable() {
        router.qrpTableReceived("up3", table("lion"));
        assertThat(onQuery("up1", query(2, 0), "zebra").forwardTo()).containsExactly("up2");
    }

    @Test
    void beforeTheLastHopUltrapeerTablesAreIgnored() {
        router.qrpTableReceived("up2", table("lion"));
        router.qrpTableReceived("up3", table("lion"));
        assertThat(onQuery("up1", query(3, 0), "zebra").forwardTo()).containsExactly("up2", "up3");
    }

    @Test
    void leafGetsAQueryOnlyWhenItsTableMatches() {
        router.qrpTableReceived("leaf1", table("zebra"));
        router.qrpTableReceived("leaf2", table("lion"));
        assertThat(onQuery("up1", query(3, 0), "zebra").forwardTo()).contains("leaf1").doesNotContain("leaf2");
    }

    @Test
    void leafWithoutATableGetsNothing() {
        assertThat(onQuery("up1", query(3, 0), "zebra").forwardTo()).doesNotContain("leaf1", "leaf2", "leaf3");
    }

    @Test
    void leafGetsAMatchingQueryWhoseTtlRanOutWithTtlOneNeverZero() {
        router.qrpTableReceived("leaf1", table("zebra"));
        QueryRoute<String> r = onQuery("up1", query(1, 0), "zebra");
        assertThat(r.forwardTo()).containsExactly("leaf1");
        assertThat(r.forwardHeader().ttl()).isEqualTo(1);
        assertThat(r.forwardHeader().hops()).isEqualTo(1);
    }

    @Test
    void queryFromALeafGoesToUltrapeersAndOnlyToMatchingOtherLeaves() {
        router.qrpTableReceived("leaf2", table("zebra"));
        router.qrpTableReceived("leaf3", table("lion"));
        assertThat(onQuery("leaf1", query(3, 0), "zebra").forwardTo()).containsExactly("up1", "up2", "up3", "leaf2");
    }

    @Test
    void urnOnlyQueryGoesToUltrapeersOnly() {
        router.qrpTableReceived("leaf1", table("zebra"));
        QueryRoute<String> r = router.onQuery("leaf2", query(3, 0), List.of(), List.of(URN), 0);
        assertThat(r.forwardTo()).containsExactly("up1", "up2", "up3");
    }

    @Test
    void urnOnlyQueryGoesToALeafWhoseTableHoldsTheUrn() {
        router.qrpTableReceived("leaf1", QrpTable.builder().addName("zebra.txt").addUrn(URN).build());
        router.qrpTableReceived("leaf3", table("zebra"));
        QueryRoute<String> r = router.onQuery("leaf2", query(3, 0), List.of(), List.of(URN), 0);
        assertThat(r.forwardTo()).containsExactly("up1", "up2", "up3", "leaf1");
        assertThat(router.ownQueryTargets(List.of(), List.of(URN))).contains("leaf1").doesNotContain("leaf2", "leaf3");
    }

    @Test
    void aUrnInATableIsNotAKeyword() {
        QrpTable t = QrpTable.builder().addUrn(URN).build();
        assertThat(t.containsAnyUrn(List.of(URN))).isTrue();
        assertThat(t.containsAnyUrn(List.of(Urn.parse("urn:sha1:PLSTHIFQGSJZT45FJUPAKUZWUGYQYPFB")))).isFalse();
        assertThat(t.containsAnyUrn(List.of())).isFalse();
        assertThat(t.matches(List.of("5t7z3xhohkck5qy2z6bqkekqpzmqgvoj"))).isFalse();
    }

    @Test
    void urnOnlyQueryOnTheLastHopIgnoresUltrapeerTablesSinceTablesHoldNoUrns() {
        router.qrpTableReceived("up2", table("zebra"));
        QueryRoute<String> r = router.onQuery("up1", query(2, 0), List.of(), List.of(URN), 0);
        assertThat(r.forwardTo()).containsExactly("up2", "up3");
    }

    @Test
    void leafRouterAnswersButNeverForwards() {
        Router<String> leaf = new Router<>(RouterConfig.defaults().withLeaf(true), me);
        leaf.connectionOpened("up1", false);
        leaf.connectionOpened("up2", false);
        QueryRoute<String> r = leaf.onQuery("up1", query(3, 0), List.of("zebra"), NO_URNS, 0);
        assertThat(r.answerLocally()).isTrue();
        assertThat(r.forwardTo()).isEmpty();
    }

    @Test
    void messagesFromAnUnregisteredConnectionAreDropped() {
        assertThat(onQuery("stranger", query(3, 0), "zebra").answerLocally()).isFalse();
        assertThat(router.onPing("stranger", new Header(Guid.random(), MessageType.PING, 1, 0, 0), 0).answer()).isFalse();
    }

    @Test
    void hitRoutesBackToTheConnectionTheQueryCameFrom() {
        Header q = query(3, 0);
        onQuery("up1", q, "zebra");
        Header hit = new Header(q.guid(), MessageType.QUERY_HIT, 3, 0, 50);
        HitRoute<String> r = router.onQueryHit("up2", hit, Guid.random(), 0);
        assertThat(r.sendTo()).isEqualTo("up1");
        assertThat(r.ownQuery()).isFalse();
        assertThat(r.forwardHeader().ttl()).isEqualTo(2);
        assertThat(r.forwardHeader().hops()).isEqualTo(1);
    }

    @Test
    void hitForOurOwnQueryIsOurs() {
        OwnQuery own = router.startQuery(3, 0);
        HitRoute<String> r = router.onQueryHit("up2", new Header(own.guid(), MessageType.QUERY_HIT, 2, 1, 50), Guid.random(), 0);
        assertThat(r.ownQuery()).isTrue();
        assertThat(r.sendTo()).isNull();
    }

    @Test
    void hitWithoutARouteIsDropped() {
        HitRoute<String> r = router.onQueryHit("up2", new Header(Guid.random(), MessageType.QUERY_HIT, 2, 1, 50), Guid.random(), 0);
        assertThat(r.dropped()).isTrue();
    }

    @Test
    void hitIsDroppedOnceTheQuerysConnectionClosed() {
        Header q = query(3, 0);
        onQuery("up1", q, "zebra");
        router.connectionClosed("up1");
        assertThat(router.onQueryHit("up2", new Header(q.guid(), MessageType.QUERY_HIT, 3, 0, 50), Guid.random(), 0).dropped())
                .isTrue();
    }

    @Test
    void hitIsDroppedOnceTheQueryRouteExpired() {
        Router<String> r = new Router<>(RouterConfig.defaults(), me);
        r.connectionOpened("up1", false);
        r.connectionOpened("up2", false);
        Header q = query(3, 0);
        r.onQuery("up1", q, List.of("zebra"), NO_URNS, 0);
        long tenMinutes = Duration.ofMinutes(10).toMillis();
        Header hit = new Header(q.guid(), MessageType.QUERY_HIT, 3, 0, 50);
        assertThat(r.onQueryHit("up2", hit, Guid.random(), tenMinutes - 1).sendTo()).isEqualTo("up1");
        assertThat(r.onQueryHit("up2", hit, Guid.random(), tenMinutes).dropped()).isTrue();
    }

    @Test
    void hitThatWouldArriveWithTtlZeroIsForwardedWithTtlOne() {
        Header q = query(3, 0);
        onQuery("up1", q, "zebra");
        HitRoute<String> r = router.onQueryHit("up2", new Header(q.guid(), MessageType.QUERY_HIT, 1, 2, 50), Guid.random(), 0);
        assertThat(r.forwardHeader().ttl()).isEqualTo(1);
    }

    @Test
    void pushForOurServentIdIsForUs() {
        PushRoute<String> r = router.onPush("up1", new Header(Guid.random(), MessageType.PUSH, 3, 0, 26), me, 0);
        assertThat(r.forUs()).isTrue();
    }

    @Test
    void pushFollowsTheConnectionTheTargetsHitsCameFrom() {
        Header q = query(3, 0);
        onQuery("leaf1", q, "zebra");
        Guid servent = Guid.random();
        router.onQueryHit("leaf2", new Header(q.guid(), MessageType.QUERY_HIT, 3, 0, 50), servent, 0);
        PushRoute<String> r = router.onPush("leaf1", new Header(Guid.random(), MessageType.PUSH, 3, 0, 26), servent, 0);
        assertThat(r.sendTo()).isEqualTo("leaf2");
        assertThat(r.forwardHeader().ttl()).isEqualTo(2);
        assertThat(r.forwardHeader().hops()).isEqualTo(1);
        assertThat(router.pushRouteTo(servent, 0)).isEqualTo("leaf2");
    }

    @Test
    void pushForAnUnknownServentIsDropped() {
        assertThat(router.onPush("up1", new Header(Guid.random(), MessageType.PUSH, 3, 0, 26), Guid.random(), 0).dropped())
                .isTrue();
    }

    @Test
    void duplicatePushIsDropped() {
        Header q = query(3, 0);
        onQuery("up1", q, "zebra");
        Guid servent = Guid.random();
        router.onQueryHit("up2", new Header(q.guid(), MessageType.QUERY_HIT, 3, 0, 50), servent, 0);
        Header push = new Header(Guid.random(), MessageType.PUSH, 3, 0, 26);
        assertThat(router.onPush("up1", push, servent, 0).sendTo()).isEqualTo("up2");
        assertThat(router.onPush("up3", push, servent, 0).dropped()).isTrue();
    }

    @Test
    void pushRouteThroughAClosedConnectionIsGone() {
        Header q = query(3, 0);
        onQuery("up1", q, "zebra");
        Guid servent = Guid.random();
        router.onQueryHit("up2", new Header(q.guid(), MessageType.QUERY_HIT, 3, 0, 50), servent, 0);
        router.connectionClosed("up2");
        assertThat(router.onPush("up1", new Header(Guid.random(), MessageType.PUSH, 3, 0, 26), servent, 0).dropped())
                .isTrue();
        assertThat(router.pushRouteTo(servent, 0)).isNull();
    }

    @Test
    void pingIsAnsweredOnceAndNeverForwarded() {
        Header ping = new Header(Guid.random(), MessageType.PING, 3, 0, 0);
        assertThat(router.onPing("up1", ping, 0)).isEqualTo(new PingRoute(false, true));
        assertThat(router.onPing("up2", ping, 0)).isEqualTo(new PingRoute(true, false));
    }

    @Test
    void queryAndPingWithTheSameGuidAreNotDuplicatesOfEachOther() {
        Header q = query(3, 0);
        onQuery("up1", q, "zebra");
        assertThat(router.onPing("up1", new Header(q.guid(), MessageType.PING, 1, 0, 0), 0).answer()).isTrue();
    }

    @Test
    void ownQueryTtlIsClampedAndReported() {
        OwnQuery q = router.startQuery(9, 0);
        assertThat(q.ttl()).isEqualTo(4);
        assertThat(q.clamped()).isTrue();
        assertThat(q.header().hops()).isZero();
        assertThat(q.header().type()).isEqualTo(MessageType.QUERY);
        assertThat(router.startQuery(3, 0).clamped()).isFalse();
    }

    @Test
    void ownQueryGoesToEveryUltrapeerAndToMatchingLeaves() {
        router.qrpTableReceived("leaf1", table("zebra"));
        router.qrpTableReceived("leaf2", table("lion"));
        assertThat(router.ownQueryTargets(List.of("zebra"), NO_URNS)).containsExactly("up1", "up2", "up3", "leaf1");
        assertThat(router.ownQueryTargets(List.of(), List.of(URN))).containsExactly("up1", "up2", "up3");
    }

    @Test
    void ownQueryEchoedBackByAPeerIsADuplicate() {
        OwnQuery q = router.startQuery(3, 0);
        assertThat(router.onQuery("up1", q.header().hopped(), List.of("zebra"), NO_URNS, 1).duplicate()).isTrue();
    }

    @Test
    void mergedLeafTableIsOurTablePlusEveryLeafTable() {
        router.qrpTableReceived("leaf1", table("zebra"));
        router.qrpTableReceived("leaf2", table("lion"));
        router.qrpTableReceived("up1", table("tiger"));
        QrpTable merged = router.mergedLeafTable(table("gnu"));
        assertThat(merged.matches(List.of("zebra", "lion", "gnu"))).isTrue();
        assertThat(merged.contains("tiger")).isFalse();
    }

    @Test
    void aLinksTableSaysHitMissOrNothingForDynamicQuerying() {
        router.qrpTableReceived("up2", table("zebra"));
        router.qrpTableReceived("up3", table("lion"));
        assertThat(router.tableMatch("up2", List.of("zebra"), NO_URNS)).isEqualTo(QueryLink.TableMatch.HIT);
        assertThat(router.tableMatch("up3", List.of("zebra"), NO_URNS)).isEqualTo(QueryLink.TableMatch.MISS);
        assertThat(router.tableMatch("up1", List.of("zebra"), NO_URNS)).isEqualTo(QueryLink.TableMatch.NONE);
        assertThat(router.tableMatch("gone", List.of("zebra"), NO_URNS)).isEqualTo(QueryLink.TableMatch.NONE);
        // Tables hold no URNs, so they say nothing about a query by hash.
        assertThat(router.tableMatch("up2", List.of(), List.of(URN))).isEqualTo(QueryLink.TableMatch.NONE);
    }
}
