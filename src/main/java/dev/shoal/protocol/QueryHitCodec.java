package dev.shoal.protocol;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Wire layout of {@link QueryHit}, kept apart from the value type. */
final class QueryHitCodec {
    private static final int FIXED = 11;
    private static final int VENDOR_LENGTH = 4;
    private static final long WIRE_SIZE_LIMIT = Integer.MAX_VALUE;

    private QueryHitCodec() {
    }

    static byte[] encode(QueryHit hit) {
        if (hit.results().size() > QueryHit.MAX_RESULTS) {
            throw new IllegalArgumentException("a hit may carry at most " + QueryHit.MAX_RESULTS + " results, got "
                    + hit.results().size());
        }
        ByteWriter w = new ByteWriter().u8(hit.results().size()).portThenIp(hit.address()).le32(hit.speed());
        for (QueryHit.Result r : hit.results()) {
            writeResult(w, r);
        }
        if (hit.vendor() != null) {
            w.bytes(hit.vendor().getBytes(StandardCharsets.ISO_8859_1));
            QueryHit.Flags flags = hit.flags();
            byte[] xml = hit.xmlData();
            if (flags == null) {
                w.u8(0);
            } else if (xml == null) {
                w.u8(2).u8(flags.byteA()).u8(flags.byteB());
            } else {
                w.u8(4).u8(flags.byteA()).u8(flags.byteB()).le16(xml.length);
            }
            w.bytes(hit.privateData()).bytes(hit.trailerGgep().encode());
            if (xml != null) {
                w.bytes(xml);
            }
        }
        return w.bytes(hit.serventId().toBytes()).toByteArray();
    }

    private static void writeResult(ByteWriter w, QueryHit.Result r) {
        boolean sizeInGgep = r.size() > QueryHit.Result.SIZE_IN_GGEP
                || (r.size() > WIRE_SIZE_LIMIT && r.ggep().has("LF"));
        w.le32(r.index()).le32(sizeInGgep ? QueryHit.Result.SIZE_IN_GGEP : r.size()).utf8(r.name()).u8(0);
        // A URN already carried by GGEP H is not repeated as a string.
        Optional<Urn> inH = QueryHit.Result.hashUrn(r.ggep());
        List<Urn> strings = r.urns().stream().filter(u -> inH.isEmpty() || !inH.get().equals(u)).toList();
        new ExtensionArea(strings, r.otherExtensions(), r.ggep()).writeTo(w);
        w.u8(0);
    }

    static Guid serventId(byte[] payload) throws BadMessageException {
        checkLength(payload);
        return Guid.of(payload, payload.length - Guid.LENGTH);
    }

    private static void checkLength(byte[] payload) throws BadMessageException {
        if (payload.length < FIXED + Guid.LENGTH) {
            throw new BadMessageException("QueryHit of " + payload.length + " bytes is shorter than "
                    + (FIXED + Guid.LENGTH));
        }
    }

    static QueryHit decode(byte[] payload) throws BadMessageException {
        checkLength(payload);
        int end = payload.length - Guid.LENGTH;
        ByteReader r = new ByteReader(payload, 0, end);
        int count = r.u8("QueryHit count");
        InetSocketAddress address = r.portThenIp("QueryHit");
        long speed = r.le32("QueryHit speed");
        List<QueryHit.Result> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(readResult(r));
        }
        Guid servent = Guid.of(payload, end);
        try {
            return readTrailer(r, address, speed, results, servent);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("bad QueryHit: " + e.getMessage(), e);
        }
    }

    private static QueryHit.Result readResult(ByteReader r) throws BadMessageException {
        long index = r.le32("result index");
        long wireSize = r.le32("result size");
        String name = r.cString("result name");
        ExtensionArea area = ExtensionArea.read(r, true, "result");
        List<Urn> urns = new ArrayList<>(area.urns());
        QueryHit.Result.hashUrn(area.ggep()).filter(u -> !urns.contains(u)).ifPresent(urns::add);
        long size = wireSize;
        if (wireSize == QueryHit.Result.SIZE_IN_GGEP) {
            size = QueryHit.Result.largeFileSize(area.ggep()).orElse(wireSize);
        }
        try {
            return new QueryHit.Result(index, size, name, urns, area.others(), area.ggep());
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("bad QueryHit result: " + e.getMessage(), e);
        }
    }

    private static QueryHit readTrailer(ByteReader r, InetSocketAddress address, long speed,
            List<QueryHit.Result> results, Guid servent) throws BadMessageException {
        if (!r.hasRemaining()) {
            return new QueryHit(address, speed, results, null, null, null, null, null, servent);
        }
        String vendor = new String(r.bytes(VENDOR_LENGTH, "QueryHit vendor code"), StandardCharsets.ISO_8859_1);
        int openSize = r.u8("QueryHit open-data size");
        byte[] open = r.bytes(openSize, "QueryHit open data");
        QueryHit.Flags flags = openSize >= 2 ? new QueryHit.Flags(open[0] & 0xFF, open[1] & 0xFF) : null;
        byte[] priv = r.rest();
        byte[] xml = null;
        if (openSize >= 4) {
            int xmlLength = (open[2] & 0xFF) | (open[3] & 0xFF) << 8;
            if (xmlLength > priv.length) {
                throw new BadMessageException("QueryHit XML block of " + xmlLength + " bytes exceeds the "
                        + priv.length + "-byte private area");
            }
            xml = Arrays.copyOfRange(priv, priv.length - xmlLength, priv.length);
            priv = Arrays.copyOf(priv, priv.length - xmlLength);
        }
        for (int i = 0; i < priv.length; i++) {
            if ((priv[i] & 0xFF) == Ggep.MAGIC) {
                Optional<Ggep> g = ggepFillingRest(priv, i);
                if (g.isPresent()) {
                    return new QueryHit(address, speed, results, vendor, flags, g.get(), Arrays.copyOf(priv, i), xml,
                            servent);
                }
            }
        }
        return new QueryHit(address, speed, results, vendor, flags, Ggep.EMPTY, priv, xml, servent);
    }

    /** The private area's GGEP: found by its 0xC3 and only accepted if it runs to the end. */
    private static Optional<Ggep> ggepFillingRest(byte[] priv, int start) {
        ByteReader r = new ByteReader(priv, start, priv.length);
        try {
            Ggep g = Ggep.read(r);
            return r.hasRemaining() ? Optional.empty() : Optional.of(g);
        } catch (BadMessageException e) {
            return Optional.empty();
        }
    }
}
