package dev.shoal.routing;

import static dev.shoal.routing.QueryLink.TableMatch.HIT;
import static dev.shoal.routing.QueryLink.TableMatch.MISS;
import static dev.shoal.routing.QueryLink.TableMatch.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.routing.DynamicQuery.Outcome;
import dev.shoal.routing.QueryStep.Send;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected TTL, wait and stop below is worked out by hand from the rules in the class comment. */
class DynamicQueryTest {
    private static final DynamicQueryConfig CONFIG = DynamicQueryConfig.defaults();
    private static final long T0 = 1_000_000;

    private static List<QueryLink<String>> links(QueryLink.TableMatch... kinds) {
        List<QueryLink<String>> out = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            out.add(new QueryLink<>("u" + i, 32, 4, kinds[i]));
        }
        return out;
    }

    private static DynamicQuery<String> ownQuery() {
        return new DynamicQuery<>(CONFIG, false, 0, false, T0);
    }

    @Test
    void newHostsIsTheSumOfPowersOfTheDegreeLessOne() {
        assertThat(DynamicQuery.newHosts(32, 1)).isEqualTo(1);
        assertThat(DynamicQuery.newHosts(32, 2)).isEqualTo(32);
        assertThat(DynamicQuery.newHosts(32, 3)).isEqualTo(1 + 31 + 961);
        assertThat(DynamicQuery.newHosts(4, 4)).isEqualTo(1 + 3 + 9 + 27);
    }

    @Test
    void theTtlIsTheSmallestWhoseReachTimesSixteenCoversTheShare() {
        DynamicQuery<String> q = ownQuery();
        assertThat(q.chooseTtl(16, 32, 4)).isEqualTo(1);
        assertThat(q.chooseTtl(17, 32, 4)).isEqualTo(2);
        assertThat(q.chooseTtl(512, 32, 4)).isEqualTo(2);
        assertThat(q.chooseTtl(513, 32, 4)).isEqualTo(3);
        assertThat(q.chooseTtl(15_889, 32, 4)).isEqualTo(4);
        assertThat(q.chooseTtl(1e9, 32, 3)).isEqualTo(3);
    }

    @Test
    void matchingLeavesGetTheQueryFirstAndThenItWaitsOnePerHopTime() {
        DynamicQuery<String> q = ownQuery();
        QueryStep<String> step = q.next(links(HIT, HIT), 3, T0);
        assertThat(step.toLeaves()).isTrue();
        assertThat(step.sends()).isEmpty();
        assertThat(step.nextAtMillis()).isEqualTo(T0 + 2_400);
        QueryStep<String> early = q.next(links(HIT, HIT), 3, T0 + 2_399);
        assertThat(early.sends()).isEmpty();
        assertThat(early.toLeaves()).isFalse();
        assertThat(early.nextAtMillis()).isEqualTo(T0 + 2_400);
    }

    @Test
    void manyMatchingTablesGetATtlOneProbeOnly() {
        DynamicQuery<String> q = ownQuery();
        QueryStep<String> step = q.next(links(MISS, HIT, HIT, NONE, HIT, HIT, HIT), 0, T0);
        assertThat(step.toLeaves()).isTrue();
        assertThat(step.sends()).containsExactly(new Send<>("u1", 1), new Send<>("u2", 1), new Send<>("u4", 1),
                new Send<>("u5", 1));
        assertThat(step.nextAtMillis()).isEqualTo(T0 + 2_400);
        assertThat(q.hostsReached()).isEqualTo(1 + 4);
    }

    @Test
    void fewMatchingTablesAddATtlTwoProbeToLinksWithoutATableFirst() {
        DynamicQuery<String> q = ownQuery();
        QueryStep<String> step = q.next(links(MISS, NONE, HIT, NONE, MISS, MISS), 0, T0);
        assertThat(step.sends()).containsExactly(new Send<>("u2", 1), new Send<>("u1", 2), new Send<>("u3", 2),
                new Send<>("u0", 2));
        assertThat(step.nextAtMillis()).isEqualTo(T0 + 4_800);
        assertThat(q.hostsReached()).isEqualTo(1 + 1 + 3 * 32);
    }

    @Test
    void withoutResultsALinkGetsTheTtlFor40000HostsSharedOverTheLinksLeftLessFour() {
        DynamicQuery<String> q = ownQuery();
        List<QueryLink<String>> ten = links(HIT, HIT, HIT, HIT, NONE, NONE, NONE, NONE, NONE, NONE);
        q.next(ten, 0, T0);
        // 6 links left, 2 share 40 000: 20 000 each > 16 × 993, so TTL 4.
        QueryStep<String> step = q.next(ten, 0, T0 + 2_400);
        assertThat(step.sends()).containsExactly(new Send<>("u4", 4));
        assertThat(step.nextAtMillis()).isEqualTo(T0 + 2_400 + 4 * 2_400);
        assertThat(step.askLeaf()).isFalse();
    }

    @Test
    void aLeafsQueryKeepsItsHopSoItsTtlIsCappedOneLower() {
        DynamicQuery<String> q = new DynamicQuery<>(CONFIG, false, 1, true, T0);
        List<QueryLink<String>> ten = links(HIT, HIT, HIT, HIT, NONE, NONE, NONE, NONE, NONE, NONE);
        q.next(ten, 0, T0);
        QueryStep<String> step = q.next(ten, 0, T0 + 2_400);
        assertThat(step.sends()).containsExactly(new Send<>("u4", 3));
        assertThat(step.askLeaf()).isTrue();
    }

    @Test
    void resultsSoFarSetTheTtl() {
        DynamicQuery<String> q = ownQuery();
        List<QueryLink<String>> ten = links(HIT, HIT, HIT, HIT, NONE, NONE, NONE, NONE, NONE, NONE);
        q.next(ten, 0, T0);
        q.resultsRouted(10);
        // 10 results from 5 ultrapeers: 2 each; 140 more need 70, 35 for each of 2 shares: TTL 2 (512).
        QueryStep<String> step = q.next(ten, 0, T0 + 2_400);
        assertThat(step.sends()).containsExactly(new Send<>("u4", 2));
        assertThat(q.hostsReached()).isEqualTo(5 + 32);
        assertThat(step.nextAtMillis()).isEqualTo(T0 + 2_400 + 2 * 2_400);
    }

    @Test
    void aTtlOneThatWouldMissTheLinksTableBecomesTwo() {
        DynamicQuery<String> q = ownQuery();
        List<QueryLink<String>> links = links(HIT, HIT, HIT, HIT, MISS, NONE);
        q.next(links, 0, T0);
        q.resultsRouted(140);
        // 28 per ultrapeer: 10 more need 0.36 hosts, TTL 1; but u4's table misses.
        assertThat(q.next(links, 0, T0 + 2_400).sends()).containsExactly(new Send<>("u4", 2));
        assertThat(q.next(links, 0, T0 + 7_200).sends()).containsExactly(new Send<>("u5", 1));
    }

    @Test
    void itStopsAtTheTargetAndAHashQueryWantsFewer() {
        DynamicQuery<String> q = ownQuery();
        q.next(links(HIT, NONE), 0, T0);
        q.resultsRouted(149);
        assertThat(q.next(links(HIT, NONE, NONE), 0, T0 + 4_800).finished()).isFalse();
        q.resultsRouted(1);
        QueryStep<String> step = q.next(links(HIT, NONE, NONE, NONE), 0, T0 + 20_000);
        assertThat(step.outcome()).isEqualTo(Outcome.ENOUGH_RESULTS);
        assertThat(step.sends()).isEmpty();

        DynamicQuery<String> hash = new DynamicQuery<>(CONFIG, true, 0, false, T0);
        hash.resultsRouted(10);
        assertThat(hash.next(links(HIT), 0, T0).outcome()).isEqualTo(Outcome.ENOUGH_RESULTS);
    }

    @Test
    void aLeafThatSaysStopEndsTheQuery() {
        DynamicQuery<String> q = new DynamicQuery<>(CONFIG, false, 1, true, T0);
        q.next(links(NONE, NONE, NONE, NONE, NONE), 0, T0);
        q.leafReported(DynamicQuery.LEAF_STOP);
        assertThat(q.next(links(NONE, NONE, NONE, NONE, NONE), 0, T0 + 4_800).outcome())
                .isEqualTo(Outcome.LEAF_STOPPED);
    }

    @Test
    void aGuidedQueryFollowsTheLeafsCountAndStopsAt75RoutedWhateverTheLeafSays() {
        DynamicQuery<String> satisfied = new DynamicQuery<>(CONFIG, false, 1, true, T0);
        satisfied.leafReported(150);
        assertThat(satisfied.next(links(NONE), 0, T0).outcome()).isEqualTo(Outcome.LEAF_SATISFIED);

        DynamicQuery<String> routedEnough = new DynamicQuery<>(CONFIG, false, 1, true, T0);
        routedEnough.leafReported(20);
        routedEnough.resultsRouted(75);
        assertThat(routedEnough.next(links(NONE), 0, T0).outcome()).isEqualTo(Outcome.ENOUGH_RESULTS);

        // The leaf's count (not ours) sets the rate: 30 kept from 1 + 3 × 32 = 97 ultrapeers.
        DynamicQuery<String> guided = new DynamicQuery<>(CONFIG, false, 1, true, T0);
        List<QueryLink<String>> links = links(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE);
        guided.next(links, 0, T0);
        guided.resultsRouted(2);
        guided.leafReported(30);
        // 120 more at 30/97 each: 388 ultrapeers, over 6 − 4 = 2 shares: 194 each, TTL 2 (512).
        assertThat(guided.next(links, 0, T0 + 4_800).sends()).containsExactly(new Send<>("u3", 2));
    }

    @Test
    void itGivesUpPastTheHorizonOrTheTimeLimitOrWhenNoLinkIsLeft() {
        DynamicQuery<String> wide = ownQuery();
        List<QueryLink<String>> big = List.of(new QueryLink<>("a", 400, 4, NONE), new QueryLink<>("b", 400, 4, NONE),
                new QueryLink<>("c", 400, 4, NONE), new QueryLink<>("d", 400, 4, NONE));
        wide.next(big, 0, T0);
        // d alone shares 40 000: TTL 3 (16 × 159 601); it adds 1 + 399 + 159 201 ultrapeers, past 110 000.
        assertThat(wide.next(big, 0, T0 + 4_800).sends()).containsExactly(new Send<>("d", 3));
        assertThat(wide.hostsReached()).isEqualTo(1 + 3 * 400 + 159_601);
        assertThat(wide.next(big, 0, T0 + 20_000).outcome()).isEqualTo(Outcome.HORIZON);

        DynamicQuery<String> slow = ownQuery();
        slow.next(links(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE), 0, T0);
        assertThat(slow.next(links(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE), 0, T0 + 200_000).outcome())
                .isEqualTo(Outcome.TIME_LIMIT);

        DynamicQuery<String> few = ownQuery();
        few.next(links(NONE, NONE), 0, T0);
        assertThat(few.next(links(NONE, NONE), 0, T0 + 4_800).outcome()).isEqualTo(Outcome.NO_LINKS_LEFT);
        assertThat(ownQuery().next(List.of(), 0, T0).outcome()).isEqualTo(Outcome.NO_LINKS_LEFT);
    }

    @Test
    void afterSixSecondsEachStepCutsThePerHopWaitByAQuarterDownTo100Ms() {
        DynamicQuery<String> q = ownQuery();
        List<QueryLink<String>> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new QueryLink<>("u" + i, 32, 1, NONE));
        }
        q.next(many, 0, T0);
        long now = T0 + 2_400;
        assertThat(q.next(many, 0, now).nextAtMillis()).isEqualTo(now + 2_400);
        now += 2_400;
        assertThat(q.next(many, 0, now).nextAtMillis()).isEqualTo(now + 2_400);
        now += 2_400; // 7.2 s old
        assertThat(q.next(many, 0, now).nextAtMillis()).isEqualTo(now + 1_800);
        now += 1_800;
        assertThat(q.next(many, 0, now).nextAtMillis()).isEqualTo(now + 1_350);
        for (int i = 0; i < 20; i++) {
            now = q.next(many, 0, now).nextAtMillis();
        }
        assertThat(q.next(many, 0, now).nextAtMillis()).isEqualTo(now + 100);
    }
}
