package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.routing.DynamicQuery;
import java.net.InetSocketAddress;

/**
 * What the message loop did with each frame, for tests and the network simulator to watch instead
 * of waiting and hoping. The calls are ordered so that a watcher can tell when a flood is over:
 * every frame a peer's frame causes is reported {@link #sending} before that frame is reported
 * {@link #handled}, and a local answer is {@link #answerQueued} before it too; the answer's hits
 * are reported {@link #sending} before {@link #answerDone}. Called from many threads at once;
 * implementations must be quick and thread safe.
 */
interface MessageTrace {
    MessageTrace NONE = new MessageTrace() {
    };

    /** Reports every call to {@code first}, then to {@code second}. */
    static MessageTrace both(MessageTrace first, MessageTrace second) {
        return new MessageTrace() {
            @Override
            public void sending(Connection to, Frame frame) {
                first.sending(to, frame);
                second.sending(to, frame);
            }

            @Override
            public void handled(Connection from, Frame frame) {
                first.handled(from, frame);
                second.handled(from, frame);
            }

            @Override
            public void answerQueued(Header query) {
                first.answerQueued(query);
                second.answerQueued(query);
            }

            @Override
            public void answerDone(Header query, boolean answered) {
                first.answerDone(query, answered);
                second.answerDone(query, answered);
            }

            @Override
            public void dynamicQueryDone(Guid query, DynamicQuery.Outcome outcome) {
                first.dynamicQueryDone(query, outcome);
                second.dynamicQueryDone(query, outcome);
            }

            @Override
            public void datagramSent(InetSocketAddress to, Frame frame) {
                first.datagramSent(to, frame);
                second.datagramSent(to, frame);
            }

            @Override
            public void datagramReceived(InetSocketAddress from, Header header) {
                first.datagramReceived(from, header);
                second.datagramReceived(from, header);
            }
        };
    }

    /** {@code frame} is about to be queued on {@code to}. */
    default void sending(Connection to, Frame frame) {
    }

    /** The message loop is done with {@code frame} from {@code from}: routed, delivered or dropped. */
    default void handled(Connection from, Frame frame) {
    }

    /** The library will be searched for the query with this header. */
    default void answerQueued(Header query) {
    }

    /** The search for that query is over: its hits were sent, or it was dropped unanswered. */
    default void answerDone(Header query, boolean answered) {
    }

    /**
     * This node's dynamic query for {@code query} is over and sends no more copies of it (reported
     * after the copies of its last step were reported {@link #sending}).
     */
    default void dynamicQueryDone(Guid query, DynamicQuery.Outcome outcome) {
    }

    /** An out-of-band message (LIME/12, LIME/11 or a hit) is about to be sent by UDP to {@code to}. */
    default void datagramSent(InetSocketAddress to, Frame frame) {
    }

    /** A datagram other than a ping or pong came from {@code from} and is about to be handled. */
    default void datagramReceived(InetSocketAddress from, Header header) {
    }
}
