package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.DropReason;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.LimeAck;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.OobGuid;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.ReplyNumber;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Both sides of out-of-band hits without sockets: datagrams in by hand, datagrams out recorded, virtual time. */
class OobServiceTest {
    private static final InetSocketAddress US = new InetSocketAddress("127.0.0.1", 6346);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 7000);
    private final VirtualTime time = new VirtualTime();
    private final SearchRegistry searches = new SearchRegistry();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<QueryHit> delivered = new CopyOnWriteArrayList<>();
    private boolean udpWorks = true;
    private boolean asking = true;
    private final OobService oob = new OobService((to, f) -> {
        sent.add(new Sent(to, f));
        return udpWorks;
    }, time, new SplittableRandom(1), searches, () -> 150, () -> asking, () -> false, () -> Optional.of(US),
            (from, h, hit) -> delivered.add(hit), MessageTrace.NONE);

    private record Sent(InetSocketAddress to, Frame frame) {
        Payload payload() {
            try {
                return MessageCodec.decode(frame);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static QueryHit hit(int results) {
        List<QueryHit.Result> r = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            r.add(QueryHit.Result.of(i, 100, "file " + i + ".txt", null));
        }
        return new QueryHit(US, 100, r, "SHOL", null, Ggep.EMPTY, null, Guid.random());
    }

    private static Query oobQuery(boolean v3) {
        Query q = Query.keywords("file");
        return new Query(q.flags() | Query.FLAG_OOB, q.text(), q.urns(), q.otherExtensions(),
                v3 ? Ggep.of(GgepExtension.flag("SO")) : Ggep.EMPTY);
    }

    private static Header header(Guid guid) {
        return new Header(guid, (byte) 0x80, 3, 1, 0);
    }

    private DropReason receive(InetSocketAddress from, Guid guid, Payload p) {
        return oob.onDatagram(from, new Header(guid, p.type(), 1, 0, 0), p);
    }

    @Test
    void ourSearchGuidCarriesOurAddressOnlyWhileWeAsk() {
        assertThat(OobGuid.replyAddress(oob.searchGuid())).isEqualTo(US);
        asking = false;
        assertThat(oob.searchGuid()).isNull();
    }

    @Test
    void anAnswerIsHeldAnnouncedAndSentOnlyWhenTheQuerierAcknowledges() {
        Guid guid = OobGuid.withReplyAddress(Guid.random(), PEER);
        assertThat(oob.offer(FakeConnection.gtkg(1, true), header(guid), oobQuery(true), List.of(hit(10), hit(3))))
                .isTrue();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo(PEER);
        VendorMessage number = (VendorMessage) sent.get(0).payload();
        assertThat(number.is("LIME", 12)).isTrue();
        assertThat(number.version()).isEqualTo(3);
        assertThat(number.body()[0]).isEqualTo((byte) 13);

        byte[] token = {9, 8, 7, 6};
        assertThat(receive(PEER, guid, new LimeAck(12, token, 3).toVendorMessage())).isNull();
        List<QueryHit> hits = sent.subList(1, sent.size()).stream().map(s -> (QueryHit) s.payload()).toList();
        assertThat(hits).extracting(h -> h.results().size()).containsExactly(10, 2);
        assertThat(hits).allMatch(h -> h.trailerGgep().get("SO").map(t -> java.util.Arrays.equals(t, token))
                .orElse(false));
        assertThat(oob.stats().hitsSent()).isEqualTo(2);
    }

    @Test
    void anAckFromAnotherAddressTwiceOrAfterTheHoldTimeIsUnmatched() {
        Guid guid = OobGuid.withReplyAddress(Guid.random(), PEER);
        oob.offer(FakeConnection.gtkg(1, true), header(guid), oobQuery(false), List.of(hit(1)));

        assertThat(receive(new InetSocketAddress("127.0.0.9", 7000), guid, new LimeAck(1, null, 2).toVendorMessage()))
                .isEqualTo(DropReason.OOB_UNMATCHED_ACK);
        time.advance(Duration.ofMillis(30_001));
        assertThat(receive(PEER, guid, new LimeAck(1, null, 2).toVendorMessage()))
                .isEqualTo(DropReason.OOB_UNMATCHED_ACK);
        assertThat(sent).hasSize(1);
    }

    @Test
    void whenUdpCannotBeSentOrTheAddressIsNotOneToSendToTheHitsGoByTcp() {
        Guid guid = OobGuid.withReplyAddress(Guid.random(), PEER);
        udpWorks = false;
        assertThat(oob.offer(FakeConnection.gtkg(1, true), header(guid), oobQuery(true), List.of(hit(1)))).isFalse();
        udpWorks = true;
        assertThat(oob.offer(FakeConnection.gtkg(1, true), header(guid), oobQuery(true), List.of(hit(1))))
                .as("nothing was left held by the failed offer").isTrue();

        Guid multicast = OobGuid.withReplyAddress(Guid.random(), new InetSocketAddress("224.0.0.1", 6346));
        assertThat(oob.offer(FakeConnection.gtkg(1, true), header(multicast), oobQuery(true), List.of(hit(1))))
                .isFalse();
        Query plain = Query.keywords("file");
        assertThat(oob.offer(FakeConnection.gtkg(1, true), header(guid), plain, List.of(hit(1)))).isFalse();
    }

    @Test
    void onlyAddressesOfTheLinksKindAreSentTo() {
        InetSocketAddress publicLink = new InetSocketAddress("8.8.8.8", 6346);
        assertThat(OobService.mayReply(new InetSocketAddress("127.0.0.1", 1), PEER)).isTrue();
        assertThat(OobService.mayReply(new InetSocketAddress("127.0.0.1", 1), publicLink)).isFalse();
        assertThat(OobService.mayReply(new InetSocketAddress("192.168.1.2", 1), publicLink)).isFalse();
        assertThat(OobService.mayReply(new InetSocketAddress("192.168.1.2", 1), PEER)).isTrue();
        assertThat(OobService.mayReply(new InetSocketAddress("9.9.9.9", 1), publicLink)).isTrue();
        assertThat(OobService.mayReply(new InetSocketAddress("9.9.9.9", 0), publicLink)).isFalse();
        assertThat(OobService.mayReply(new InetSocketAddress("0.1.2.3", 1), publicLink)).isFalse();
        assertThat(OobService.mayReply(new InetSocketAddress("255.255.255.255", 1), publicLink)).isFalse();
    }

    @Test
    void aReplyNumberForALiveSearchIsAcknowledgedWithATokenAndItsHitsTaken() {
        Guid guid = Guid.random();
        searches.register(guid, h -> { }, new SearchTrail());

        assertThat(receive(PEER, guid, new ReplyNumber(200, true, 3).toVendorMessage())).isNull();
        LimeAck ack;
        try {
            ack = LimeAck.from((VendorMessage) sent.get(0).payload());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(sent.get(0).to()).isEqualTo(PEER);
        assertThat(ack.wanted()).isEqualTo(OobService.RESULTS_PER_ANSWERER);
        assertThat(ack.token()).hasSize(OobService.TOKEN_BYTES);

        QueryHit echoing = hit(10).withTrailerExtension(GgepExtension.of("SO", ack.token()));
        assertThat(receive(PEER, guid, echoing)).isNull();
        assertThat(receive(PEER, guid, hit(10))).isEqualTo(DropReason.OOB_BAD_TOKEN);
        assertThat(delivered).hasSize(1);
        assertThat(receive(PEER, guid, new ReplyNumber(5, true, 3).toVendorMessage()))
                .as("an answerer is acknowledged once").isEqualTo(DropReason.OOB_NOT_WANTED);
    }

    @Test
    void aReplyNumberForNoSearchOfOursOrOneEndedGetsNoAck() {
        Guid guid = Guid.random();
        assertThat(receive(PEER, guid, new ReplyNumber(5, true, 2).toVendorMessage()))
                .isEqualTo(DropReason.OOB_NOT_WANTED);
        searches.register(guid, h -> { }, new SearchTrail());
        assertThat(receive(PEER, guid, new ReplyNumber(5, true, 2).toVendorMessage())).isNull();
        searches.unregister(guid);
        oob.searchEnded(guid);

        assertThat(receive(PEER, guid, hit(1))).isEqualTo(DropReason.OOB_UNSOLICITED_HIT);
        assertThat(sent).hasSize(1);
    }

    /**
     * Regression: an answerer that repeats its LIME/12 because our LIME/11 was lost got no answer,
     * and its hits for us were lost with it. The same acknowledgement goes again, token included,
     * until hits come or it has gone {@link dev.shoal.routing.OobAcks#MAX_RESENDS} more times.
     */
    @Test
    void aRepeatedReplyNumberGetsTheSameAckAgainUntilHitsCome() throws Exception {
        Guid guid = Guid.random();
        searches.register(guid, h -> { }, new SearchTrail());
        VendorMessage offer = new ReplyNumber(20, true, 3).toVendorMessage();

        assertThat(receive(PEER, guid, offer)).isNull();
        assertThat(receive(PEER, guid, offer)).as("our first ack was lost").isNull();
        assertThat(sent).hasSize(2);
        LimeAck first = LimeAck.from((VendorMessage) sent.get(0).payload());
        LimeAck again = LimeAck.from((VendorMessage) sent.get(1).payload());
        assertThat(sent.get(1).to()).isEqualTo(PEER);
        assertThat(again.wanted()).isEqualTo(first.wanted());
        assertThat(again.token()).isEqualTo(first.token());

        assertThat(receive(PEER, guid, hit(3).withTrailerExtension(GgepExtension.of("SO", first.token())))).isNull();
        assertThat(receive(PEER, guid, offer)).as("hits came: it had our ack").isEqualTo(DropReason.OOB_NOT_WANTED);
        assertThat(sent).hasSize(2);
    }

    @Test
    void aReplyNumberRepeatedOverAndOverGetsOnlyAFewAcks() {
        Guid guid = Guid.random();
        searches.register(guid, h -> { }, new SearchTrail());
        VendorMessage offer = new ReplyNumber(20, true, 3).toVendorMessage();

        for (int i = 0; i < 10; i++) {
            receive(PEER, guid, offer);
        }

        assertThat(sent).hasSize(1 + dev.shoal.routing.OobAcks.MAX_RESENDS);
    }
}
