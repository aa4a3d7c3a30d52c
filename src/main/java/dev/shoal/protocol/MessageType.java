package dev.shoal.protocol;

/** The payload-type byte of the 23-byte header. */
public final class MessageType {
    public static final byte PING = 0x00;
    public static final byte PONG = 0x01;
    public static final byte BYE = 0x02;
    public static final byte ROUTE_TABLE_UPDATE = 0x30;
    public static final byte VENDOR = 0x31;
    public static final byte VENDOR_STANDARD = 0x32;
    public static final byte PUSH = 0x40;
    public static final byte QUERY = (byte) 0x80;
    public static final byte QUERY_HIT = (byte) 0x81;

    private MessageType() {
    }

    public static String name(byte type) {
        return switch (type) {
            case PING -> "Ping";
            case PONG -> "Pong";
            case BYE -> "Bye";
            case ROUTE_TABLE_UPDATE -> "RouteTableUpdate";
            case VENDOR -> "Vendor";
            case VENDOR_STANDARD -> "VendorStandard";
            case PUSH -> "Push";
            case QUERY -> "Query";
            case QUERY_HIT -> "QueryHit";
            default -> String.format("Unknown(0x%02x)", type & 0xFF);
        };
    }
}
