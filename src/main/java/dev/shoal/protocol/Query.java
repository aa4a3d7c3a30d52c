package dev.shoal.protocol;

import java.util.List;

/**
 * Query (0x80): flags word (read big-endian), search text (UTF-8) and NUL, then an extension area
 * of 0x1C-separated {@code urn:sha1:} strings, other strings and a GGEP block, closed by a NUL.
 * A query by hash carries the text {@code "\"} and its URNs.
 */
public record Query(int flags, String text, List<Urn> urns, List<String> otherExtensions, Ggep ggep)
        implements Payload {
    /** Set when the word holds flags; when clear it is a legacy minimum speed. */
    public static final int FLAG_MARKER = 0x8000;
    public static final int FLAG_FIREWALLED = 0x4000;
    public static final int FLAG_WANTS_XML = 0x2000;
    public static final int FLAG_LEAF_GUIDED = 0x1000;
    /** The querier understands GGEP {@code H} in hits. */
    public static final int FLAG_GGEP_H = 0x0800;
    public static final int FLAG_OOB = 0x0400;
    public static final int FLAG_FW_TO_FW = 0x0200;
    public static final int DEFAULT_FLAGS = FLAG_MARKER | FLAG_GGEP_H;
    /** The text of a query by hash. */
    public static final String HASH_TEXT = "\\";

    public Query {
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("query flags must fit 16 bits: " + flags);
        }
        if (text == null || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("query text must be present and hold no NUL");
        }
        urns = List.copyOf(urns);
        otherExtensions = List.copyOf(otherExtensions);
        otherExtensions.forEach(ExtensionArea::checkItem);
        // A NUL would end the area early, so such extensions go out COBS-encoded.
        ggep = ggep == null ? Ggep.EMPTY : ggep.nulSafe();
    }

    /** A keyword query with the default flags. */
    public static Query keywords(String text) {
        return new Query(DEFAULT_FLAGS, text, List.of(), List.of(), Ggep.EMPTY);
    }

    /** A query by hash: text {@code "\"} plus the URN, default flags. */
    public static Query forUrn(Urn urn) {
        return new Query(DEFAULT_FLAGS, HASH_TEXT, List.of(urn), List.of(), Ggep.EMPTY);
    }

    @Override
    public byte type() {
        return MessageType.QUERY;
    }

    /** The text split the way QRP tables are filled, see {@link Keywords#split(String)}. */
    public List<String> keywords() {
        return Keywords.split(text);
    }

    /** True if the flags word holds flags and {@code flag} is set in it. */
    public boolean hasFlag(int flag) {
        return (flags & FLAG_MARKER) != 0 && (flags & flag) == flag;
    }

    public boolean isHashQuery() {
        return !urns.isEmpty();
    }

    @Override
    public byte[] encode() {
        ByteWriter w = new ByteWriter().be16(flags).utf8(text).u8(0);
        ExtensionArea area = new ExtensionArea(urns, otherExtensions, ggep);
        if (!area.isEmpty()) {
            area.writeTo(w);
            w.u8(0);
        }
        return w.toByteArray();
    }

    static Query decode(byte[] payload) throws BadMessageException {
        ByteReader r = new ByteReader(payload);
        int flags = r.be16("Query flags");
        String text = r.cString("Query text");
        ExtensionArea area = ExtensionArea.read(r, false, "Query");
        try {
            return new Query(flags, text, area.urns(), area.others(), area.ggep());
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("bad Query: " + e.getMessage(), e);
        }
    }
}
