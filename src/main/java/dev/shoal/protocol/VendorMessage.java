package dev.shoal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Vendor message (0x31) or standardised vendor message (0x32): vendor code (4 bytes, kept
 * verbatim, {@code "\0\0\0\0"} for the standard ones), selector LE16, version LE16, body.
 */
public record VendorMessage(byte type, String vendor, int selector, int version, byte[] body) implements Payload {
    static final int HEADER = 8;

    public VendorMessage {
        if (type != MessageType.VENDOR && type != MessageType.VENDOR_STANDARD) {
            throw new IllegalArgumentException(String.format("not a vendor message type: 0x%02x", type));
        }
        if (vendor == null || vendor.length() != 4 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(vendor)) {
            throw new IllegalArgumentException("vendor code must be 4 bytes: " + vendor);
        }
        if (selector < 0 || selector > 0xFFFF || version < 0 || version > 0xFFFF) {
            throw new IllegalArgumentException("selector and version must fit 16 bits");
        }
        body = body == null ? new byte[0] : body.clone();
    }

    public VendorMessage(String vendor, int selector, int version, byte[] body) {
        this(MessageType.VENDOR, vendor, selector, version, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean is(String vendorCode, int selectorValue) {
        return vendor.equals(vendorCode) && selector == selectorValue;
    }

    @Override
    public byte[] encode() {
        return new ByteWriter().bytes(vendor.getBytes(StandardCharsets.ISO_8859_1)).le16(selector).le16(version)
                .bytes(body).toByteArray();
    }

    static VendorMessage decode(byte type, byte[] payload) throws BadMessageException {
        ByteReader r = new ByteReader(payload);
        String vendor = new String(r.bytes(4, "vendor code"), StandardCharsets.ISO_8859_1);
        int selector = r.le16("vendor selector");
        int version = r.le16("vendor version");
        return new VendorMessage(type, vendor, selector, version, r.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorMessage v && type == v.type && vendor.equals(v.vendor) && selector == v.selector
                && version == v.version && Arrays.equals(body, v.body);
    }

    @Override
    public int hashCode() {
        return (vendor.hashCode() * 31 + selector) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        String printable = vendor.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? vendor : "\\0\\0\\0\\0";
        return "VendorMessage[" + printable + "/" + selector + " v" + version + " body=" + body.length + "B]";
    }
}
