package dev.shoal.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;

/** Hand-built payloads of every type, shared by the codec tests. */
final class Samples {
    static final Guid SERVENT = Guid.fromHex("5a454252415f534552564e545f494400");
    static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

    private Samples() {
    }

    static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(HexFormat.of().parseHex(ip)), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static QueryHit hit(int results) {
        List<QueryHit.Result> list = new java.util.ArrayList<>();
        for (int i = 0; i < results; i++) {
            list.add(QueryHit.Result.of(i + 1, 1000L * i, "file " + i + ".txt", URN));
        }
        return new QueryHit(address("c0a80105", 6346), 64, list, "SHOL",
                QueryHit.Flags.of(false, false, true, true, true), Ggep.of(GgepExtension.flag("BH")), null, SERVENT);
    }

    static List<Payload> all() {
        return List.of(
                Ping.PLAIN,
                new Ping(Ggep.of(GgepExtension.of("SCP", new byte[] {3}))),
                new Pong(address("7f000001", 6346), 12, 4096,
                        Ggep.of(GgepExtension.of("DU", Ggep.encodeLong(3600)), GgepExtension.flag("TLS"))),
                new Pong(address("0a000002", 65535), 0, 0, Ggep.EMPTY),
                new Bye(Bye.SHUTDOWN, "Servent shutdown"),
                new QrpReset(65536, 7),
                new QrpPatch(1, 2, QrpPatch.COMPRESSOR_ZLIB, 4, new byte[] {1, 2, 3}),
                new VendorMessage("BEAR", 7, 1, new byte[] {0x74, 0x40}),
                new VendorMessage(MessageType.VENDOR_STANDARD, "\0\0\0\0", 0, 0, new byte[] {0, 0}),
                new Push(SERVENT, 7, address("7f000001", 17002), Ggep.EMPTY),
                new Push(SERVENT, Push.FW_TO_FW_INDEX, address("01020304", 1), Ggep.of(GgepExtension.flag("TLS"))),
                Query.keywords("café au lait"),
                Query.forUrn(URN),
                new Query(Query.FLAG_MARKER | Query.FLAG_OOB, "zebra", List.of(URN), List.of("urn:", "<?xml x?>"),
                        Ggep.of(GgepExtension.flag("NP"), GgepExtension.of("M", new byte[] {0x04, 0x00}))),
                hit(1),
                hit(QueryHit.MAX_RESULTS),
                new QueryHit(address("7f000001", 1), 0, List.of(), null, null, null, null, SERVENT),
                new UnknownPayload((byte) 0x41, new byte[] {9, 9}));
    }
}
