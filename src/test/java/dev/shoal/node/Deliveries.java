package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.routing.DynamicQuery;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one node's message loop did, kept for a test to count: the frames it handled (by their
 * GUID), the frames it queued, how its dynamic queries ended, and its out-of-band datagrams.
 */
final class Deliveries implements MessageTrace {
    private final List<Frame> handled = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<Guid, DynamicQuery.Outcome> finished = new ConcurrentHashMap<>();
    private final List<Datagram> datagrams = new CopyOnWriteArrayList<>();

    /** An out-of-band datagram the node sent ({@code sent}) or took in, in the order they happened. */
    record Datagram(boolean sent, InetSocketAddress peer, Header header) {
    }

    /** A frame queued on a link. */
    record Sent(Connection to, Frame frame) {
    }

    @Override
    public void handled(Connection from, Frame frame) {
        handled.add(frame);
    }

    @Override
    public void sending(Connection to, Frame frame) {
        sent.add(new Sent(to, frame));
    }

    @Override
    public void datagramSent(InetSocketAddress to, Frame frame) {
        datagrams.add(new Datagram(true, to, frame.header()));
    }

    @Override
    public void datagramReceived(InetSocketAddress from, Header header) {
        datagrams.add(new Datagram(false, from, header));
    }

    /** The out-of-band datagrams sent and received, in order. */
    List<Datagram> datagrams() {
        return List.copyOf(datagrams);
    }

    @Override
    public void dynamicQueryDone(Guid query, DynamicQuery.Outcome outcome) {
        finished.put(query, outcome);
    }

    /** Frames of this type and GUID that reached the node's message loop. */
    long handled(byte type, Guid guid) {
        return handled.stream().filter(f -> f.header().type() == type && f.header().guid().equals(guid)).count();
    }

    /** The last frame of this type that reached the node's message loop. */
    Frame lastHandled(byte type) {
        List<Frame> all = handled.stream().filter(f -> f.header().type() == type).toList();
        return all.get(all.size() - 1);
    }

    /** The frames of this type and GUID that reached the node's message loop, in order. */
    List<Frame> handledFrames(byte type, Guid guid) {
        return handled.stream().filter(f -> f.header().type() == type && f.header().guid().equals(guid)).toList();
    }

    /** Frames of this type that reached the node's message loop. */
    long handled(byte type) {
        return handled.stream().filter(f -> f.header().type() == type).count();
    }

    /** Frames of this type and GUID the node queued, in order. */
    List<Sent> sent(byte type, Guid guid) {
        return sent.stream().filter(s -> s.frame().header().type() == type && s.frame().header().guid().equals(guid))
                .toList();
    }

    /** How the node's dynamic query for this GUID ended, or null while it runs (or if it ran none). */
    DynamicQuery.Outcome outcome(Guid guid) {
        return finished.get(guid);
    }
}
