package dev.shoal.net;

/**
 * Why the servent dropped a message, refused a connection or closed a link or HTTP session: the
 * vocabulary of its drop counters ({@link DropCounters}). Each reason belongs to one
 * {@link Group}; the names are stable (logs, {@code shoal stats}, the bad-input corpus's expected
 * outcomes), so add reasons rather than renaming them.
 */
public enum DropReason {
    // Messages a peer sent us that we did not handle.
    PING_FLOOD(Group.MESSAGE, "ping over the link's budget"),
    PONG_FLOOD(Group.MESSAGE, "pong over the link's budget"),
    QUERY_FLOOD(Group.MESSAGE, "query over the link's budget"),
    HIT_FLOOD(Group.MESSAGE, "query hit over the link's budget"),
    PUSH_FLOOD(Group.MESSAGE, "push over the link's budget"),
    QRP_FLOOD(Group.MESSAGE, "route table update over the link's budget"),
    VENDOR_FLOOD(Group.MESSAGE, "vendor message over the link's budget"),
    OTHER_FLOOD(Group.MESSAGE, "other message over the link's budget"),
    BYTE_FLOOD(Group.MESSAGE, "message over the link's byte budget (inflated bytes count)"),
    MALFORMED(Group.MESSAGE, "payload does not decode"),
    DUPLICATE(Group.MESSAGE, "GUID already seen"),
    HOPS_TTL_LIMIT(Group.MESSAGE, "hops + TTL above the hard limit"),
    NO_ROUTE(Group.MESSAGE, "hit or push with no route back"),
    UNKNOWN_TYPE(Group.MESSAGE, "message type we do not handle"),
    NOT_ANSWERED(Group.MESSAGE, "query relayed but not answered: answer queue full"),
    OWN_SEARCH_FULL(Group.MESSAGE, "hit for one of our searches that already has enough results"),
    FLOW_CONTROL(Group.MESSAGE, "outgoing message dropped: the peer reads too slowly"),
    PUSH_UNKNOWN_FILE(Group.MESSAGE, "push for a file index we do not share"),
    PUSH_CALLBACKS_FULL(Group.MESSAGE, "push not answered: every push callback slot is busy"),

    // Connections refused before they became a link or an HTTP session.
    BANNED(Group.CONNECTION, "address temporarily banned"),
    CONNECT_RATE(Group.CONNECTION, "too many connects a minute from one address: banned"),
    ADDRESS_SOCKETS(Group.CONNECTION, "too many handshaking sockets from one address"),
    SOCKETS_FULL(Group.CONNECTION, "too many handshaking sockets in all"),
    ADDRESS_LINKS(Group.CONNECTION, "too many Gnutella links from one address"),
    ADDRESS_LEAVES(Group.CONNECTION, "too many leaf links from one address"),
    ADDRESS_HTTP(Group.CONNECTION, "too many HTTP sessions from one address"),
    ADDRESS_UPLOADS(Group.CONNECTION, "upload refused: the address holds its share of upload slots"),
    SLOTS_FULL(Group.CONNECTION, "no free Gnutella slot (503)"),
    HTTP_FULL(Group.CONNECTION, "no free HTTP session (503)"),
    HANDSHAKE_REFUSED(Group.CONNECTION, "handshake refused by policy"),
    BAD_HANDSHAKE(Group.CONNECTION, "malformed or oversized handshake"),
    HANDSHAKE_TIMEOUT(Group.CONNECTION, "handshake not done in time"),
    UNKNOWN_PROTOCOL(Group.CONNECTION, "first line neither Gnutella nor HTTP"),

    // Links (and HTTP sessions) closed.
    PEER_BYE(Group.CLOSE, "the peer said Bye"),
    PEER_CLOSED(Group.CLOSE, "the peer closed the socket"),
    IO_ERROR(Group.CLOSE, "socket error"),
    IDLE(Group.CLOSE, "link silent too long (Bye 405)"),
    FRAMING(Group.CLOSE, "broken framing or deflate stream (Bye 400)"),
    FLOODING(Group.CLOSE, "kept sending over its budget (Bye 409)"),
    DEFLATE_BOMB(Group.CLOSE, "compressed input inflating far past any real traffic (Bye 400)"),
    TOO_MANY_ERRORS(Group.CLOSE, "too many malformed messages (Bye 409)"),
    BAD_QRP(Group.CLOSE, "bad route table update (Bye 413)"),
    SEND_QUEUE_FULL(Group.CLOSE, "the peer does not read (Bye 502)"),
    SHUTDOWN(Group.CLOSE, "we shut down (Bye 200)"),
    CLOSED_BY_US(Group.CLOSE, "closed by this node"),
    INTERNAL_ERROR(Group.CLOSE, "bug on our side (Bye 500)"),
    HTTP_HEAD_TIMEOUT(Group.CLOSE, "HTTP request head not complete in time"),
    HTTP_SLOW_READER(Group.CLOSE, "HTTP client reads our answer too slowly"),
    HTTP_IDLE(Group.CLOSE, "HTTP connection idle too long"),

    // UDP datagrams on our port that we did not handle.
    UDP_FLOOD(Group.DATAGRAM, "datagram over its address's budget, or over the port's"),
    UDP_MALFORMED(Group.DATAGRAM, "datagram shorter than a header, its length field wrong, or its payload not decoding"),
    UDP_TOO_LARGE(Group.DATAGRAM, "datagram payload over 4 KiB"),
    UDP_UNSOLICITED(Group.DATAGRAM, "pong from an address we did not ping"),
    UDP_UNHANDLED(Group.DATAGRAM, "datagram of a type we do not take over UDP"),
    OOB_UNSOLICITED_HIT(Group.DATAGRAM,
            "hit by UDP answering no acknowledgement of ours: unasked, from another address, or its search ended"),
    OOB_BAD_TOKEN(Group.DATAGRAM, "hit by UDP without the security token (SO) our acknowledgement gave"),
    OOB_EXCESS_HIT(Group.DATAGRAM, "hit by UDP after its answerer sent all the results we acknowledged"),
    OOB_NOT_WANTED(Group.DATAGRAM, "reply number (LIME/12) for no search of ours that wants more results"),
    OOB_UNMATCHED_ACK(Group.DATAGRAM, "LIME acknowledgement (LIME/11) for no answer we hold for that address");

    /** What was dropped. */
    public enum Group {
        MESSAGE("message"), CONNECTION("connection"), CLOSE("close"), DATAGRAM("datagram");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Group group;
    private final String description;

    DropReason(Group group, String description) {
        this.group = group;
        this.description = description;
    }

    public Group group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** Why a link we close with a Bye of this code was closed, when the closer did not say more. */
    public static DropReason forBye(int code) {
        return switch (code) {
            case 200 -> SHUTDOWN;
            case 400 -> FRAMING;
            case 405 -> IDLE;
            case 409 -> TOO_MANY_ERRORS;
            case 413 -> BAD_QRP;
            case 500 -> INTERNAL_ERROR;
            case 502 -> SEND_QUEUE_FULL;
            default -> CLOSED_BY_US;
        };
    }

    /** The name as logs and JSON show it: {@code query_flood}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
