package dev.shoal.protocol;

/** Ping (0x00): empty, or one GGEP block (for example {@code SCP} asking for host caches). */
public record Ping(Ggep ggep) implements Payload {
    public static final Ping PLAIN = new Ping(Ggep.EMPTY);
    /** GGEP key of a ping that asks for hosts in the pong's {@code IPP} (a UDP host cache request). */
    public static final String HOST_CACHE_REQUEST = "SCP";
    /** {@code SCP} flag byte: ultrapeers wanted. */
    static final byte WANT_ULTRAPEERS = 0x01;

    public Ping {
        ggep = ggep == null ? Ggep.EMPTY : ggep;
    }

    /** The ping a UDP host cache answers with hosts: {@code SCP} asking for ultrapeers. */
    public static Ping hostCacheRequest() {
        return new Ping(Ggep.of(GgepExtension.of(HOST_CACHE_REQUEST, new byte[] {WANT_ULTRAPEERS})));
    }

    /** Whether the pinger asks for hosts ({@code SCP}, whatever its flags). */
    public boolean asksForHosts() {
        return ggep.has(HOST_CACHE_REQUEST);
    }

    @Override
    public byte type() {
        return MessageType.PING;
    }

    @Override
    public byte[] encode() {
        return ggep.encode();
    }

    static Ping decode(byte[] payload) throws BadMessageException {
        return new Ping(Ggep.readToEnd(new ByteReader(payload), "Ping"));
    }
}
