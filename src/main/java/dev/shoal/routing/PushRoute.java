package dev.shoal.routing;

import dev.shoal.protocol.Header;

/**
 * What to do with a received Push.
 *
 * @param forUs         the target is our servent id: connect back
 * @param sendTo        the connection the target's hits came from, or null (for us, or drop)
 * @param forwardHeader the header to send it on with, or null
 */
public record PushRoute<C>(boolean forUs, C sendTo, Header forwardHeader) {
    static <C> PushRoute<C> drop() {
        return new PushRoute<>(false, null, null);
    }

    public boolean dropped() {
        return !forUs && sendTo == null;
    }
}
