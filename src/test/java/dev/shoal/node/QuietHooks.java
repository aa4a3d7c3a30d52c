package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.VendorMessage;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Node hooks for handler tests that do not care about them: nothing happens, pings are not expected.
 * A test that cares about one hook overrides it.
 */
class QuietHooks implements MessageHandler.NodeHooks {
    @Override
    public void pinged(Connection from, Header ping) {
        throw new AssertionError("no pings here");
    }

    @Override
    public void ponged(Connection from, Header h, Pong pong) {
    }

    @Override
    public InetSocketAddress advertisedAddress(Connection to) {
        return new InetSocketAddress("127.0.0.1", 6346);
    }

    @Override
    public void connected(Connection c) {
    }

    @Override
    public void disconnected(Connection c, String reason) {
    }

    @Override
    public void hostLearned(InetSocketAddress address) {
    }

    @Override
    public void pushForUs(Push push) {
    }

    @Override
    public void queryAnswered(Query query, int hops, int results) {
    }

    @Override
    public void pushProxiesLearned(Guid servent, List<InetSocketAddress> proxies) {
    }

    @Override
    public boolean vendorMessage(Connection from, Header h, VendorMessage v) {
        return false;
    }
}
