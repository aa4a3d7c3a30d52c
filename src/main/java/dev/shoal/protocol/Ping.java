package dev.shoal.protocol;

/** Ping (0x00): empty, or one GGEP block (for example {@code SCP} asking for host caches). */
public record Ping(Ggep ggep) implements Payload {
    public static final Ping PLAIN = new Ping(Ggep.EMPTY);

    public Ping {
        ggep = ggep == null ? Ggep.EMPTY : ggep;
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
