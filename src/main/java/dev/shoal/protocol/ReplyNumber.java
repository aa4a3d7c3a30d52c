package dev.shoal.protocol;

/**
 * LIME/12 "Reply Number", sent by UDP to the address in an out-of-band query's GUID (the message
 * GUID is the query's): an answerer holds {@code results} results (1–255) for the querier. Body:
 * the count, then a flags byte whose bit 0 says the answerer can receive unsolicited UDP. Version 3
 * also says it will echo a security token ({@code SO}) from the querier's {@link LimeAck}; version
 * 2 does not. Bytes after the flags are ignored (later versions may add some).
 */
public record ReplyNumber(int results, boolean canReceiveUnsolicited, int version) {
    public static final String VENDOR = "LIME";
    public static final int SELECTOR = 12;
    public static final int V2 = 2;
    public static final int V3 = 3;
    public static final int MAX_RESULTS = 255;
    private static final int UNSOLICITED = 0x01;

    public ReplyNumber {
        if (results < 1 || results > MAX_RESULTS) {
            throw new IllegalArgumentException("a reply number counts 1 to 255 results: " + results);
        }
        if (version < 1 || version > 0xFFFF) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
    }

    /** True when the answerer will echo an {@code SO} token (version 3 and later). */
    public boolean echoesToken() {
        return version >= V3;
    }

    public VendorMessage toVendorMessage() {
        return new VendorMessage(VENDOR, SELECTOR, version,
                new byte[] {(byte) results, (byte) (canReceiveUnsolicited ? UNSOLICITED : 0)});
    }

    public static boolean is(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, SELECTOR);
    }

    public static ReplyNumber from(VendorMessage v) throws BadMessageException {
        if (!is(v)) {
            throw new IllegalArgumentException("not a reply number: " + v);
        }
        byte[] body = v.body();
        if (body.length < 1) {
            throw new BadMessageException("reply number without a count");
        }
        int results = body[0] & 0xFF;
        if (results == 0) {
            throw new BadMessageException("reply number offering no results");
        }
        if (v.version() < 1) {
            throw new BadMessageException("reply number of version 0");
        }
        boolean unsolicited = body.length > 1 && (body[1] & UNSOLICITED) != 0;
        return new ReplyNumber(results, unsolicited, v.version());
    }
}
