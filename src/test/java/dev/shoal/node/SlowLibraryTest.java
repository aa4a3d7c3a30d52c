package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Searching our library is slow when the disk is: it must hold up only our own answers, never the
 * routing of other peers' messages. The library here blocks until the test releases it. Each link
 * delivers its frames on a thread of its own, in order, as the network's workers do.
 */
class SlowLibraryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InetSocketAddress SOMEWHERE = new InetSocketAddress("127.0.0.1", 6346);

    private final Semaphore searching = new Semaphore(0);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger searches = new AtomicInteger();
    private final Guid ourId = Guid.random();
    private final List<ExecutorService> linkThreads = new java.util.ArrayList<>();
    private final FakeConnection a = FakeConnection.gtkg(1, true);
    private final FakeConnection b = FakeConnection.gtkg(2, true);
    private final FakeConnection c = FakeConnection.gtkg(3, true);
    private AnswerPool pool;
    private MessageHandler handler;

    /** A library whose every search waits for {@link #release}, then finds one file. */
    private final MessageHandler.Answers slowLibrary = (query, keywords, advertised) -> {
        searches.incrementAndGet();
        searching.release();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return List.of(hit(ourId, "slow disk file.txt"));
    };

    private void start(AnswerPool answers) {
        pool = answers;
        NodeRouter<Connection> routes = new NodeRouter<>(RouterConfig.defaults(), ourId, new VirtualTime());
        handler = new MessageHandler(routes, new QrpPublisher(null, routes), slowLibrary, pool, new SearchRegistry(), null,
                new QuietHooks(), MessageTrace.NONE);
        for (FakeConnection link : List.of(a, b, c)) {
            handler.onConnected(link);
            link.sent.clear();
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        linkThreads.forEach(ExecutorService::shutdownNow);
        pool.close();
    }

    @Test
    void whileTheLibraryBlocksTheNodeStillRelaysQueriesAndHitsBetweenOtherPeers() throws Exception {
        start(new AnswerPool());
        ExecutorService fromA = linkThread();
        ExecutorService fromB = linkThread();

        Frame first = query("slow disk");
        fromA.execute(() -> handler.onFrame(a, first));
        assertThat(searching.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("our search started").isTrue();

        // The library is stuck in that search. A's next query must still go on to B ...
        Frame second = query("other words");
        fromA.execute(() -> handler.onFrame(a, second));
        await().atMost(WAIT).until(() -> guidsOf(b.sent, MessageType.QUERY).contains(second.header().guid()));
        // ... and a hit from B for A's query must still go back to A.
        Frame theirHit = MessageCodec.frame(first.header().guid(), 5, 1, hit(Guid.random(), "their file.txt"));
        fromB.execute(() -> handler.onFrame(b, theirHit));
        await().atMost(WAIT).until(() -> guidsOf(a.sent, MessageType.QUERY_HIT).contains(first.header().guid()));
        assertThat(hitFiles(a.sent)).containsExactly("their file.txt");

        release.countDown();
        await().atMost(WAIT).until(() -> hitFiles(a.sent).size() == 3);
        assertThat(hitFiles(a.sent)).containsExactlyInAnyOrder("their file.txt", "slow disk file.txt",
                "slow disk file.txt");
        assertThat(pool.dropped()).isZero();
    }

    @Test
    void queriesBeyondThePoolAreRelayedButDroppedUnansweredAndCounted() throws Exception {
        start(new AnswerPool(1, 2, 100));
        for (int i = 0; i < 10; i++) {
            handler.onFrame(a, query("word" + i));
        }
        // One search running, two waiting, seven with no place: none of it held up the relays.
        assertThat(guidsOf(b.sent, MessageType.QUERY)).hasSize(10);
        assertThat(pool.dropped()).isEqualTo(7);

        release.countDown();
        await().atMost(WAIT).until(() -> searches.get() == 3 && hitFiles(a.sent).size() == 3);
    }

    @Test
    void onePeerCannotTakeEveryPlaceInThePool() throws Exception {
        start(new AnswerPool(1, 10, 2));
        for (int i = 0; i < 5; i++) {
            handler.onFrame(a, query("flood" + i));
        }
        assertThat(pool.dropped()).as("A's share is two").isEqualTo(3);
        handler.onFrame(c, query("fair"));
        assertThat(pool.dropped()).as("C still gets its place").isEqualTo(3);

        release.countDown();
        await().atMost(WAIT).until(() -> hitFiles(a.sent).size() == 2 && hitFiles(c.sent).size() == 1);
    }

    private ExecutorService linkThread() {
        ExecutorService t = Executors.newSingleThreadExecutor();
        linkThreads.add(t);
        return t;
    }

    private static Frame query(String words) {
        return MessageCodec.frame(Guid.random(), 3, 0, Query.keywords(words));
    }

    private static QueryHit hit(Guid servent, String name) {
        Urn urn = Urn.sha1(sha1(name));
        return new QueryHit(SOMEWHERE, 100, List.of(QueryHit.Result.of(1, 10, name, urn)), "TEST",
                QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], servent);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Guid> guidsOf(List<Frame> frames, byte type) {
        return frames.stream().filter(f -> f.header().type() == type).map(f -> f.header().guid()).toList();
    }

    private static List<String> hitFiles(List<Frame> frames) {
        return frames.stream().filter(f -> f.header().type() == MessageType.QUERY_HIT)
                .flatMap(f -> decodeHit(f).results().stream()).map(QueryHit.Result::name).toList();
    }

    private static QueryHit decodeHit(Frame f) {
        try {
            return (QueryHit) MessageCodec.decode(f);
        } catch (dev.shoal.protocol.BadMessageException e) {
            throw new AssertionError(e);
        }
    }
}
