package dev.shoal.protocol;

/**
 * Leaf guidance of a dynamic query, two BearShare vendor messages that travel one link (TTL 1, hops
 * 0) with the query's GUID as theirs: the ultrapeer asks with BEAR/11 v1 (empty body) how many
 * results the leaf kept, and the leaf answers with BEAR/12 v1, that count as LE16, or
 * {@link #STOP} when it wants no more (it may also send one unasked).
 */
public final class QueryStatus {
    public static final String VENDOR = "BEAR";
    public static final int REQUEST = 11;
    public static final int RESPONSE = 12;
    public static final int VERSION = 1;
    /** "I have enough, stop the query." */
    public static final int STOP = 0xFFFF;

    private QueryStatus() {
    }

    /** BEAR/11 v1. */
    public static VendorMessage request() {
        return new VendorMessage(VENDOR, REQUEST, VERSION, new byte[0]);
    }

    /** BEAR/12 v1 saying {@code kept} results; a count of 0xFFFF or more is sent as 0xFFFE, below {@link #STOP}. */
    public static VendorMessage response(int kept) {
        if (kept < 0) {
            throw new IllegalArgumentException("a result count is not negative: " + kept);
        }
        return respond(Math.min(kept, STOP - 1));
    }

    /** BEAR/12 v1 saying {@link #STOP}. */
    public static VendorMessage stop() {
        return respond(STOP);
    }

    private static VendorMessage respond(int value) {
        return new VendorMessage(VENDOR, RESPONSE, VERSION, new ByteWriter().le16(value).toByteArray());
    }

    public static boolean isRequest(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, REQUEST);
    }

    public static boolean isResponse(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, RESPONSE);
    }

    /** The count a BEAR/12 carries (LE16; later versions may append bytes, which are ignored). */
    public static int kept(VendorMessage response) throws BadMessageException {
        if (!isResponse(response)) {
            throw new IllegalArgumentException("not a query status response: " + response);
        }
        return new ByteReader(response.body()).le16("query status count");
    }
}
