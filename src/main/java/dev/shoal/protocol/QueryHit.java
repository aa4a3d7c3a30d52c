package dev.shoal.protocol;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * QueryHit (0x81): the responder's address and speed, its results, a trailer (vendor code, open
 * data flags, private area with a GGEP block) and its servent id in the last 16 bytes.
 *
 * <p>{@code vendor == null} means no trailer at all; {@code flags == null} an empty open-data
 * area. {@code privateData} holds the private-area bytes before the GGEP block (LimeWire's chat
 * byte; empty for gtk-gnutella), or the whole private area when it holds no well-formed GGEP.
 * {@code xmlData} is the XML block (XML + NUL) that sits before the servent id when the open data
 * is 4 bytes long; {@code null} means 2-byte open data. Any number of results decodes; encoding
 * refuses more than {@link #MAX_RESULTS}.
 */
public record QueryHit(InetSocketAddress address, long speed, List<Result> results, String vendor, Flags flags,
        Ggep trailerGgep, byte[] privateData, byte[] xmlData, Guid serventId) implements Payload {
    /** LimeWire searchers discard hits with more results than this. */
    public static final int MAX_RESULTS = 10;

    public QueryHit {
        ByteWriter.requireIpv4(address, "QueryHit address");
        Pong.checkU32(speed, "speed");
        results = List.copyOf(results);
        if (results.size() > 255) {
            throw new IllegalArgumentException("a hit holds at most 255 results: " + results.size());
        }
        trailerGgep = trailerGgep == null ? Ggep.EMPTY : trailerGgep;
        privateData = privateData == null ? new byte[0] : privateData.clone();
        xmlData = xmlData == null ? null : xmlData.clone();
        if (vendor == null) {
            if (flags != null || !trailerGgep.isEmpty() || privateData.length > 0 || xmlData != null) {
                throw new IllegalArgumentException("a hit without a vendor code has no trailer");
            }
        } else if (vendor.length() != 4 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(vendor)) {
            throw new IllegalArgumentException("vendor code must be 4 bytes: " + vendor);
        }
        if (xmlData != null && (flags == null || xmlData.length > 0xFFFF)) {
            throw new IllegalArgumentException("an XML block needs open-data flags and at most 65535 bytes");
        }
        Objects.requireNonNull(serventId, "servent id");
    }

    /** A hit with the usual 2-byte open data and no XML block. */
    public QueryHit(InetSocketAddress address, long speed, List<Result> results, String vendor, Flags flags,
            Ggep trailerGgep, byte[] privateData, Guid serventId) {
        this(address, speed, results, vendor, flags, trailerGgep, privateData, null, serventId);
    }

    @Override
    public byte type() {
        return MessageType.QUERY_HIT;
    }

    @Override
    public byte[] privateData() {
        return privateData.clone();
    }

    @Override
    public byte[] xmlData() {
        return xmlData == null ? null : xmlData.clone();
    }

    public boolean pushNeeded() {
        return flags != null && flags.push();
    }

    /**
     * This hit with {@code extension} in its trailer GGEP (replacing one of the same id), and the
     * open data saying that a GGEP block is there: how an out-of-band answer echoes the querier's
     * security token ({@link LimeAck#TOKEN_KEY}).
     */
    public QueryHit withTrailerExtension(GgepExtension extension) {
        if (vendor == null) {
            throw new IllegalStateException("a hit without a trailer has no GGEP block");
        }
        Flags f = flags == null ? Flags.of(false, false, false, false, true)
                : new Flags(flags.byteA() | Flags.GGEP, flags.byteB() | Flags.GGEP);
        return new QueryHit(address, speed, results, vendor, f, trailerGgep.with(extension), privateData, xmlData,
                serventId);
    }

    /** This hit with only its first {@code n} results. */
    public QueryHit firstResults(int n) {
        if (n >= results.size()) {
            return this;
        }
        return new QueryHit(address, speed, results.subList(0, n), vendor, flags, trailerGgep, privateData, xmlData,
                serventId);
    }

    public boolean browseHost() {
        return trailerGgep.has("BH");
    }

    /** @throws IllegalArgumentException with more than {@link #MAX_RESULTS} results */
    @Override
    public byte[] encode() {
        return QueryHitCodec.encode(this);
    }

    static QueryHit decode(byte[] payload) throws BadMessageException {
        return QueryHitCodec.decode(payload);
    }

    /**
     * The servent id of the hit in {@code payload}, read from its last 16 bytes without decoding
     * the rest: all a router needs to relay a hit that is not for us. Only the length is checked.
     */
    public static Guid serventId(byte[] payload) throws BadMessageException {
        return QueryHitCodec.serventId(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryHit h && address.equals(h.address) && speed == h.speed && results.equals(h.results)
                && Objects.equals(vendor, h.vendor) && Objects.equals(flags, h.flags)
                && trailerGgep.equals(h.trailerGgep) && Arrays.equals(privateData, h.privateData)
                && Arrays.equals(xmlData, h.xmlData) && serventId.equals(h.serventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, speed, results, vendor, flags, trailerGgep, serventId);
    }

    @Override
    public String toString() {
        return "QueryHit[" + address + " speed=" + speed + " vendor=" + vendor + " flags=" + flags + " results="
                + results + " ggep=" + trailerGgep + " servent=" + serventId + "]";
    }

    /**
     * One shared file in a hit. {@code urns} holds the {@code urn:sha1:} strings and the SHA-1 of
     * a GGEP {@code H} (SHA-1 or bitprint); {@code size} is the real size from GGEP {@code LF}
     * when the 32-bit field says 0xFFFFFFFF. The file's Tiger tree root, when the responder sent
     * it, is in GGEP {@code H} (bitprint) or {@code TT}: see {@link #tigerRoot()}.
     */
    public record Result(long index, long size, String name, List<Urn> urns, List<String> otherExtensions, Ggep ggep) {
        public static final long SIZE_IN_GGEP = 0xFFFFFFFFL;
        static final int H_SHA1 = 0x01;
        static final int H_BITPRINT = 0x02;
        private static final int SHA1_BYTES = 20;

        public Result {
            Pong.checkU32(index, "file index");
            if (size < 0) {
                throw new IllegalArgumentException("negative size " + size);
            }
            if (name == null || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("result name must be present and hold no NUL");
            }
            urns = List.copyOf(urns);
            otherExtensions = List.copyOf(otherExtensions);
            otherExtensions.forEach(ExtensionArea::checkItem);
            // A NUL would end the area early, so such extensions go out COBS-encoded.
            ggep = ggep == null ? Ggep.EMPTY : ggep.nulSafe();
            if (size > SIZE_IN_GGEP && largeFileSize(ggep).orElse(-1L) != size) {
                throw new IllegalArgumentException("a size over 32 bits needs GGEP LF = " + size);
            }
        }

        /** A result with its URN as a {@code urn:sha1:} string and, for sizes of 2 GiB and up, GGEP LF. */
        public static Result of(long index, long size, String name, Urn urn) {
            Ggep g = size > Integer.MAX_VALUE ? Ggep.of(GgepExtension.of("LF", Ggep.encodeLong(size))) : Ggep.EMPTY;
            return new Result(index, size, name, urn == null ? List.of() : List.of(urn), List.of(), g);
        }

        /** A GGEP {@code H} extension carrying a plain SHA-1 (type 0x01). */
        public static GgepExtension hashExtension(Urn urn) {
            byte[] digest = urn.digest();
            byte[] v = new byte[1 + digest.length];
            v[0] = H_SHA1;
            System.arraycopy(digest, 0, v, 1, digest.length);
            return GgepExtension.of("H", v);
        }

        /**
         * This result naming its file by bitprint as well: as gtk-gnutella does, GGEP {@code H}
         * of type bitprint (which then carries the SHA-1, so no {@code urn:sha1:} string is sent)
         * for a querier that said it reads {@code H}, else GGEP {@code TT} beside the string.
         */
        public Result withTigerRoot(TigerRoot root, boolean ggepH) {
            Urn sha1 = sha1().orElseThrow(() -> new IllegalStateException("a bitprint needs the SHA-1"));
            GgepExtension extension = ggepH ? bitprintExtension(sha1, root) : GgepExtension.of("TT", root.digest());
            return new Result(index, size, name, urns, otherExtensions, ggep.without("TT").with(extension));
        }

        /** A GGEP {@code H} extension carrying a bitprint (type 0x02): SHA-1 then Tiger root. */
        public static GgepExtension bitprintExtension(Urn urn, TigerRoot root) {
            byte[] v = new byte[1 + SHA1_BYTES + TigerRoot.BYTES];
            v[0] = H_BITPRINT;
            System.arraycopy(urn.digest(), 0, v, 1, SHA1_BYTES);
            System.arraycopy(root.digest(), 0, v, 1 + SHA1_BYTES, TigerRoot.BYTES);
            return GgepExtension.of("H", v);
        }

        /** The Tiger tree root from a well-formed GGEP {@code H} bitprint, else from GGEP {@code TT}. */
        public Optional<TigerRoot> tigerRoot() {
            Optional<byte[]> h = ggep.get("H").filter(v -> v.length == 1 + SHA1_BYTES + TigerRoot.BYTES
                    && v[0] == H_BITPRINT);
            if (h.isPresent()) {
                return Optional.of(TigerRoot.of(Arrays.copyOfRange(h.get(), 1 + SHA1_BYTES, h.get().length)));
            }
            return ggep.get("TT").filter(v -> v.length == TigerRoot.BYTES).map(TigerRoot::of);
        }

        public Optional<Urn> sha1() {
            return urns.stream().findFirst();
        }

        /** The SHA-1 carried by GGEP {@code H}, if it is well formed. */
        static Optional<Urn> hashUrn(Ggep ggep) {
            return ggep.get("H").filter(v -> v.length >= 21 && (v[0] == H_SHA1 || v[0] == H_BITPRINT))
                    .map(v -> Urn.sha1(Arrays.copyOfRange(v, 1, 21)));
        }

        static Optional<Long> largeFileSize(Ggep ggep) {
            Optional<byte[]> lf = ggep.get("LF");
            if (lf.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Ggep.decodeLong(lf.get()));
            } catch (BadMessageException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The two open-data bytes, kept as sent. In byte A bit 0 is the push value and bits 2–5 say
     * which of busy / uploaded / speed measured / GGEP are meaningful; byte B swaps the roles. A
     * flag is set only if both bytes agree ({@code A & B & mask}), as gtk-gnutella reads it.
     */
    public record Flags(int byteA, int byteB) {
        public static final int PUSH = 0x01;
        public static final int BUSY = 0x04;
        public static final int UPLOADED = 0x08;
        public static final int SPEED_MEASURED = 0x10;
        public static final int GGEP = 0x20;
        private static final int ALL = BUSY | UPLOADED | SPEED_MEASURED | GGEP;

        public Flags {
            if (byteA < 0 || byteA > 0xFF || byteB < 0 || byteB > 0xFF) {
                throw new IllegalArgumentException("open-data flags are bytes: " + byteA + ", " + byteB);
            }
        }

        /** Flags with all five marked meaningful. */
        public static Flags of(boolean push, boolean busy, boolean uploaded, boolean speedMeasured, boolean ggep) {
            int a = ALL | (push ? PUSH : 0);
            int b = PUSH | (busy ? BUSY : 0) | (uploaded ? UPLOADED : 0) | (speedMeasured ? SPEED_MEASURED : 0)
                    | (ggep ? GGEP : 0);
            return new Flags(a, b);
        }

        public boolean push() {
            return is(PUSH);
        }

        public boolean busy() {
            return is(BUSY);
        }

        public boolean uploaded() {
            return is(UPLOADED);
        }

        public boolean speedMeasured() {
            return is(SPEED_MEASURED);
        }

        public boolean ggep() {
            return is(GGEP);
        }

        private boolean is(int mask) {
            return (byteA & byteB & mask) != 0;
        }

        @Override
        public String toString() {
            return String.format("Flags[%02x %02x push=%b busy=%b uploaded=%b speed=%b ggep=%b]", byteA, byteB,
                    push(), busy(), uploaded(), speedMeasured(), ggep());
        }
    }
}
