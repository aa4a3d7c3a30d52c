package dev.shoal.node;

import static dev.shoal.LimitsTable.minutes;
import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.row;
import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.seconds;
import static dev.shoal.LimitsTable.size;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.LinkRoles;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.rank.RankWeights;
import dev.shoal.node.spam.SpamRules;
import dev.shoal.protocol.Bye;
import dev.shoal.routing.DynamicQueryConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that the node's one config root and its parts hold. */
class NodeLimitsTest {
    private final NodeConfig config = NodeConfig.defaults(Path.of("data"));
    private final NodeConfig.Tuning tuning = config.tuning();

    @Test
    void listening() {
        says("Default port", String.valueOf(NodeConfig.DEFAULT_PORT));
        assertThat(config.listen().getPort()).isEqualTo(NodeConfig.DEFAULT_PORT);
        says("Default bind address", config.listen().getHostString());
    }

    @Test
    void links() {
        says("Max payload", n(config.maxPayload()) + " bytes; longer closes the link");
        says("Ultrapeer links", config.maxConnections() + " as an ultrapeer", config.maxLeaves() + " leaves on top");
        assertThat(ConfigViews.net(config).maxConnections()).isEqualTo(config.maxConnections());
        assertThat(ConfigViews.net(config).maxLeaves()).isEqualTo(config.maxLeaves());
        says("Ultrapeers of a leaf", String.valueOf(config.leafUltrapeers()));
        assertThat(ConfigViews.net(config).leafUltrapeers()).isEqualTo(config.leafUltrapeers());
        says("Handshake", seconds(tuning.handshakeTimeout()));
        says("Keep-alive ping", "after " + seconds(config.keepAlive()) + " of silence");
        says("Idle timeout", seconds(config.idleTimeout()) + " (Bye " + Bye.IDLE + ")");
        says("Send queue", size(tuning.sendQueueBytes()) + " per connection");
        says("Malformed messages",
                MessageHandler.MAX_BAD_MESSAGES + " per connection, then Bye " + Bye.TOO_MANY_ERRORS);
        says("Host cache", n(tuning.hostCacheSize()) + " addresses");
        says("Outgoing connections kept by an ultrapeer", String.valueOf(tuning.outgoingUltrapeers()));
        assertThat(ConfigViews.net(config).outgoingTarget()).isEqualTo(tuning.outgoingUltrapeers());
    }

    @Test
    void roles() {
        says("Leaf guidance", "with " + LinkRoles.ULTRAPEERS_WANTED + " ultrapeer links",
                "at most " + LinkRoles.FEW_LEAVES + " leaves");
        says("Automatic role", "checked every " + seconds(RoleManager.CHECK_PERIOD),
                minutes(tuning.promotionUptime()) + " a leaf", size((int) tuning.promotionRate()) + "/s");
    }

    @Test
    void dynamicQueries() {
        assertThat(tuning.dynamicQuerying()).isTrue();
        assertThat(tuning.dynamicQueryTarget()).isEqualTo(DynamicQueryConfig.defaults().target());
        says("Dynamic query links", "`X-Degree` " + DynamicQueries.DEGREE_WHEN_ABSENT,
                "`X-Max-TTL` " + DynamicQueries.MAX_TTL_WHEN_ABSENT);
        says("Pong cache", "with TTL " + PongService.REFRESH_TTL);
    }

    @Test
    void searchesAndTheDropLog() {
        assertThat(SearchRegistry.MAX_RESULTS).isEqualTo(SearchResults.MAX_HITS);
        says("Hits taken per search", "the searcher; later results are dropped");
        says("Searches by keywords", "one every " + seconds(tuning.searchInterval()) + " from this node");
        says("Drop summary in the log", "one line per " + seconds(Duration.ofMillis(DropReport.LOG_PERIOD_MILLIS)));
    }

    @Test
    void answering() {
        says("Results", n(LocalResponder.MAX_ANSWERS) + " per query",
                "hands over " + n(LocalResponder.CANDIDATES) + " matches", "the best " + n(LocalResponder.MAX_ANSWERS));
        says("Answering queries", AnswerPool.THREADS + " threads", AnswerPool.QUEUE + " queries waiting",
                "at most " + AnswerPool.PER_LINK + " from one link");
    }

    @Test
    void rankingAndSpam() {
        RankWeights w = RankWeights.DEFAULT;
        says("Result score", "relevance " + whole(w.relevance()), "sources " + whole(w.sources()) + " (full at "
                + RankWeights.SOURCES_FOR_FULL_MARKS + ")", "hops " + whole(w.hops()),
                "reachable hosts " + whole(w.reachable()), "content we hold " + whole(w.verified()),
                "known servents " + whole(w.vendor()));
        SpamRules r = SpamRules.DEFAULT;
        says("Spam filter", "more than " + r.floodNames() + " names", "under " + r.manyNames() + " unrelated names",
                "echoing " + r.echoQueries() + " searches", "audio under " + size(r.minAudioBytes()),
                "video under " + size(r.minVideoBytes()));
        says("Hits taken per search", "the first " + n(SearchResults.MAX_HITS));
    }

    private static String whole(double weight) {
        assertThat(weight % 1).isZero();
        return Long.toString((long) weight);
    }

    @Test
    void uploadsAndPushes() {
        says("Upload slots", config.uploadSlots() + ", then 503", "one address holds at most half of them");
        assertThat(UploadService.perAddress(config.uploadSlots())).isEqualTo(config.uploadSlots() / 2);
        says("Push callbacks we make (uploads)", PushUploader.MAX_CONCURRENT + " at once");
        says("Our Pushes (downloads)", "TTL " + MessageHandler.PUSH_TTL,
                "a GIV is awaited " + seconds(tuning.pushTimeout()));
    }

    @Test
    void downloads() {
        says("Download sources", config.maxDownloadSources() + " fetched from at once",
                tuning.maxKnownSources() + " known");
        says("Chunk", size(tuning.chunkSize()));
        says("Source connect / read timeout",
                seconds(tuning.connectTimeout()) + " / " + seconds(tuning.readTimeout()));
        says("Source failures", tuning.maxFailures() + " in a row drop it",
                tuning.maxBusyRetries() + " answers of 503 in a row are borne",
                "the " + ordinal(tuning.maxBusyRetries() + 1) + " answer of 503 in a row drops it",
                "capped at " + minutes(tuning.maxRetryAfter()));
        assertThat(tuning.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(row("Download state checkpoint")).contains("once a second");
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    @Test
    void udp() {
        says("UDP pongs taken", "within " + seconds(Duration.ofMillis(UdpService.PONG_WAIT_MILLIS)),
                n(UdpService.PINGS_REMEMBERED) + " pings remembered");
        says("Packed hosts", UdpService.PACKED_HOSTS + " ultrapeers in `IPP`");
    }
}
