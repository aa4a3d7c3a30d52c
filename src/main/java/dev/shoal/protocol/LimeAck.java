package dev.shoal.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * LIME/11 "LIME ACK", the querier's answer by UDP to a {@link ReplyNumber} (same GUID): send me
 * {@code wanted} results (0–255; 0 means none). Version 3 follows the count with a GGEP block whose
 * {@code SO} extension is a security token the answerer must echo in the trailer GGEP of each hit
 * ({@link #TOKEN_KEY}), so that the querier takes only hits that answer its own acknowledgement.
 * Version 2 is the count alone. {@code token} is null when there is none.
 */
public record LimeAck(int wanted, byte[] token, int version) {
    public static final String VENDOR = "LIME";
    public static final int SELECTOR = 11;
    public static final int V2 = 2;
    public static final int V3 = 3;
    public static final int MAX_WANTED = 255;
    /** The GGEP key of the token, in the acknowledgement and in the hits that answer it. */
    public static final String TOKEN_KEY = "SO";
    /** Longest token taken: LimeWire's are a few bytes, ours {@code 8}. */
    public static final int MAX_TOKEN = 32;

    public LimeAck {
        if (wanted < 0 || wanted > MAX_WANTED) {
            throw new IllegalArgumentException("an acknowledgement asks for 0 to 255 results: " + wanted);
        }
        if (token != null && (token.length == 0 || token.length > MAX_TOKEN || version < V3)) {
            throw new IllegalArgumentException("a token is 1 to 32 bytes, in version 3 and later");
        }
        token = token == null ? null : token.clone();
        if (version < 1 || version > 0xFFFF) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
    }

    @Override
    public byte[] token() {
        return token == null ? null : token.clone();
    }

    public Optional<byte[]> tokenIfAny() {
        return Optional.ofNullable(token());
    }

    public VendorMessage toVendorMessage() {
        ByteWriter w = new ByteWriter().u8(wanted);
        if (token != null) {
            w.bytes(Ggep.of(GgepExtension.of(TOKEN_KEY, token)).encode());
        }
        return new VendorMessage(VENDOR, SELECTOR, version, w.toByteArray());
    }

    public static boolean is(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, SELECTOR);
    }

    /** Reads a LIME/11; in version 3 the bytes after the count must be a GGEP block (or nothing). */
    public static LimeAck from(VendorMessage v) throws BadMessageException {
        if (!is(v)) {
            throw new IllegalArgumentException("not a LIME acknowledgement: " + v);
        }
        byte[] body = v.body();
        if (body.length < 1) {
            throw new BadMessageException("LIME acknowledgement without a count");
        }
        if (v.version() < 1) {
            throw new BadMessageException("LIME acknowledgement of version 0");
        }
        byte[] token = null;
        if (v.version() >= V3 && body.length > 1) {
            Optional<byte[]> so = Ggep.decode(Arrays.copyOfRange(body, 1, body.length)).get(TOKEN_KEY);
            if (so.isPresent()) {
                if (so.get().length == 0 || so.get().length > MAX_TOKEN) {
                    throw new BadMessageException("security token of " + so.get().length + " bytes");
                }
                token = so.get();
            }
        }
        return new LimeAck(body[0] & 0xFF, token, v.version());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimeAck a && wanted == a.wanted && version == a.version && Arrays.equals(token, a.token);
    }

    @Override
    public int hashCode() {
        return (wanted * 31 + version) * 31 + Arrays.hashCode(token);
    }

    @Override
    public String toString() {
        return "LimeAck[wanted=" + wanted + " v" + version + (token == null ? "" : " token=" + token.length + "B") + "]";
    }
}
