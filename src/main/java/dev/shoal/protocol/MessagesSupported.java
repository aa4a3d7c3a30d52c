package dev.shoal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard vendor message "Messages Supported" ({@code \0\0\0\0}/0 v0), sent once right after
 * the handshake to peers that announced {@code Vendor-Message}: a count (LE16), then per vendor
 * message we handle its vendor code (4 bytes), selector (LE16) and version (LE16).
 */
public record MessagesSupported(List<Entry> entries) {
    public static final String VENDOR = "\0\0\0\0";

    /** One vendor message type and the version of it we handle. */
    public record Entry(String vendor, int selector, int version) {
        public Entry {
            // Validated the way the message itself is.
            new VendorMessage(vendor, selector, version, null);
        }
    }

    public MessagesSupported {
        entries = List.copyOf(entries);
        if (entries.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many entries: " + entries.size());
        }
    }

    public VendorMessage toVendorMessage() {
        ByteWriter w = new ByteWriter().le16(entries.size());
        for (Entry e : entries) {
            w.bytes(e.vendor().getBytes(StandardCharsets.ISO_8859_1)).le16(e.selector()).le16(e.version());
        }
        return new VendorMessage(VENDOR, 0, 0, w.toByteArray());
    }

    public static boolean is(VendorMessage v) {
        return v.type() == MessageType.VENDOR && v.is(VENDOR, 0);
    }

    public static MessagesSupported from(VendorMessage v) throws BadMessageException {
        if (!is(v)) {
            throw new IllegalArgumentException("not a Messages Supported: " + v);
        }
        ByteReader r = new ByteReader(v.body());
        int count = r.le16("Messages Supported count");
        List<Entry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String vendor = new String(r.bytes(4, "Messages Supported vendor"), StandardCharsets.ISO_8859_1);
            out.add(new Entry(vendor, r.le16("Messages Supported selector"), r.le16("Messages Supported version")));
        }
        return new MessagesSupported(out);
    }

    public boolean supports(String vendor, int selector) {
        return entries.stream().anyMatch(e -> e.vendor().equals(vendor) && e.selector() == selector);
    }
}
