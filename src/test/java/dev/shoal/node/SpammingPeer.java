package dev.shoal.node;

import dev.shoal.RawPeer;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.node.spam.HitSets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;

/**
 * A raw Gnutella peer linked to a node that answers every query it is sent with whatever
 * {@code answers} makes of it: the spam servents of real networks, played on loopback.
 */
public final class SpammingPeer implements AutoCloseable {
    private final RawPeer link;
    private final Function<Query, List<QueryHit>> answers;
    private final Thread reader;

    public SpammingPeer(InetSocketAddress node, Function<Query, List<QueryHit>> answers) throws IOException {
        this.link = RawPeer.connectAsUltrapeer(node);
        this.link.setReadTimeout(0);
        this.answers = answers;
        this.reader = new Thread(this::readLoop, "spamming-peer");
        reader.setDaemon(true);
        reader.start();
    }

    /** One QueryHit of up to ten results from {@code host} (the address it claims), as servents send them. */
    public static QueryHit hit(String host, String vendor, List<QueryHit.Result> results, Guid serventId) {
        return new QueryHit(new InetSocketAddress(host, 6346), 1000, results, vendor,
                QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], serventId);
    }

    /**
     * The spammer of real networks: every query answered with the query as a program and as a
     * "full version" archive, both of one fixed size.
     */
    public static List<QueryHit> echoes(Query q, Guid serventId) {
        return List.of(hit("127.0.66.1", "LIME", List.of(
                QueryHit.Result.of(1, 3_145_728, q.text() + ".mp3.exe", Urn.parse(HitSets.urn("payload"))),
                QueryHit.Result.of(2, 3_145_728, q.text() + " full version.zip", Urn.parse(HitSets.urn("payload-zip")))),
                serventId));
    }

    private void readLoop() {
        try {
            while (true) {
                Frame f = link.readFrame();
                Payload p;
                try {
                    p = MessageCodec.decode(f);
                } catch (Exception e) {
                    continue;
                }
                if (p instanceof Query q) {
                    for (QueryHit hit : answers.apply(q)) {
                        send(MessageCodec.frame(f.header().guid(), f.header().hops() + 1, 0, hit));
                    }
                }
            }
        } catch (Exception e) {
            // link closed: the test is over
        }
    }

    private synchronized void send(Frame f) throws IOException {
        link.sendFrame(f);
    }

    @Override
    public void close() throws IOException {
        link.close();
    }
}
