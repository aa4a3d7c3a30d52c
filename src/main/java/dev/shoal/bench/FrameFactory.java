package dev.shoal.bench;

import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds wire frames that look like ultrapeer traffic, with {@link MessageCodec} so they are what
 * a peer would send: keyword Queries of two to four words, QueryHits of 3 to 10 results (half
 * naming their file by a {@code urn:sha1:} string, half by GGEP {@code H}, as different vendors
 * do) and Pings, plain or asking for host caches. Seeded, so every run sees the same bytes.
 */
final class FrameFactory {
    /** Words file names and queries are made of. */
    static final List<String> WORDS = List.of("live", "remix", "acoustic", "session", "concert", "album",
            "single", "radio", "edit", "original", "mix", "deluxe", "edition", "remastered", "demo", "version",
            "night", "summer", "winter", "river", "city", "lights", "dream", "blue", "gold", "fire", "rain",
            "ocean", "road", "home", "heart", "story", "journey", "echo", "shadow", "garden", "mountain",
            "lecture", "notes", "linux", "kernel", "guide", "manual", "recipe", "bread", "forest", "history",
            "physics", "chapter", "episode", "season", "part", "trailer", "2009", "1999", "2016", "vol", "ii");
    private static final String[] EXTENSIONS = {"mp3", "ogg", "flac", "avi", "mkv", "pdf", "txt", "jpg"};
    private static final String[] VENDORS = {"GTKG", "LIME", "BEAR", "SHOL"};

    private final Random random;

    FrameFactory(long seed) {
        this.random = new Random(seed);
    }

    /** A Query with a few keywords; TTL and hops as it would arrive one to three links away. */
    byte[] query() {
        int words = 2 + random.nextInt(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        int hops = 1 + random.nextInt(3);
        return wire(Query.keywords(text.toString()), 4 - hops, hops);
    }

    /** A QueryHit with 3 to 10 results and a vendor trailer. */
    byte[] queryHit() {
        int count = 3 + random.nextInt(QueryHit.MAX_RESULTS - 2);
        List<QueryHit.Result> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(result());
        }
        Ggep trailer = random.nextBoolean() ? Ggep.of(GgepExtension.flag("BH")) : Ggep.EMPTY;
        QueryHit hit = new QueryHit(address(), 200 + random.nextInt(10_000), results,
                VENDORS[random.nextInt(VENDORS.length)],
                QueryHit.Flags.of(random.nextInt(4) == 0, false, true, true, !trailer.isEmpty()), trailer,
                new byte[0], Guid.random());
        return wire(hit, 3, 1 + random.nextInt(2));
    }

    /** A keep-alive style Ping, or one asking for host caches (GGEP SCP). */
    byte[] ping() {
        Ping ping = random.nextBoolean() ? Ping.PLAIN : new Ping(Ggep.of(GgepExtension.flag("SCP")));
        return wire(ping, 1, 0);
    }

    /** A file name made of the same words queries use, so some of them match. */
    String fileName() {
        return word() + " " + word() + " - " + word() + " " + word() + "." + EXTENSIONS[random.nextInt(EXTENSIONS.length)];
    }

    private QueryHit.Result result() {
        byte[] digest = new byte[20];
        random.nextBytes(digest);
        Urn urn = Urn.sha1(digest);
        long index = random.nextInt(100_000);
        long size = 100_000 + random.nextInt(900_000_000);
        if (random.nextBoolean()) {
            return QueryHit.Result.of(index, size, fileName(), urn);
        }
        return new QueryHit.Result(index, size, fileName(), List.of(), List.of(),
                Ggep.of(QueryHit.Result.hashExtension(urn)));
    }

    private String word() {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    /** A documentation address (TEST-NET-3): only bytes in a payload, never dialled. */
    private InetSocketAddress address() {
        byte[] ip = {(byte) 203, 0, 113, (byte) (1 + random.nextInt(254))};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), 6346 + random.nextInt(100));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    private static byte[] wire(Payload payload, int ttl, int hops) {
        return MessageCodec.frame(Guid.random(), ttl, hops, payload).toBytes();
    }
}
