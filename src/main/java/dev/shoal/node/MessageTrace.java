package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Header;

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
}
