package dev.shoal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * The latency reference: the same number of loopback TCP hops as the servent line, through bare
 * MINA with no codec, no executor and no logic. A client socket sends a 100-byte message to the
 * first of {@code hops} MINA servers; each relays what it reads to the next one, the last echoes
 * it, and the replies retrace the chain. One round trip therefore crosses {@code hops} links each
 * way, as a query and its hit do. Each relay serves one chain only (it pairs its single upstream
 * session with the downstream session it opened at start). Loopback, port 0.
 */
final class MinaEchoChain implements AutoCloseable {
    static final int MESSAGE_BYTES = 100;
    private static final AttributeKey PEER = new AttributeKey(MinaEchoChain.class, "peer");
    private static final int TIMEOUT_MILLIS = 5_000;

    private final List<Hop> hops = new ArrayList<>();
    private final byte[] message = new byte[MESSAGE_BYTES];
    private final byte[] reply = new byte[MESSAGE_BYTES];
    private Socket client;
    private InputStream in;
    private OutputStream out;

    /** One MINA server: relays to {@code downstream}, or echoes when that is null. */
    private static final class Hop {
        final NioSocketAcceptor acceptor = new NioSocketAcceptor(1);
        final NioSocketConnector connector = new NioSocketConnector(1);
        volatile IoSession downstream;
    }

    /** Copies what a session reads to its paired session, or back to itself at the chain's end. */
    private static final class Forward extends IoHandlerAdapter {
        private final Hop hop;

        Forward(Hop hop) {
            this.hop = hop;
        }

        @Override
        public void sessionCreated(IoSession session) {
            IoSession down = hop.downstream;
            // Only the acceptor's session is paired here; the downstream session was paired at start.
            if (down != null && session != down && session.getAttribute(PEER) == null) {
                session.setAttribute(PEER, down);
                down.setAttribute(PEER, session);
            }
        }

        @Override
        public void messageReceived(IoSession session, Object message) {
            IoBuffer in = (IoBuffer) message;
            IoBuffer copy = IoBuffer.allocate(in.remaining());
            copy.put(in).flip();
            IoSession target = (IoSession) session.getAttribute(PEER);
            (target == null ? session : target).write(copy);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            session.closeNow();
        }
    }

    private MinaEchoChain() {
        new Random(7).nextBytes(message);
    }

    /** Starts the servers from the far end inwards and connects the client to the first one. */
    static MinaEchoChain start(int hopCount) throws IOException {
        MinaEchoChain chain = new MinaEchoChain();
        try {
            InetSocketAddress next = null;
            for (int i = 0; i < hopCount; i++) {
                next = chain.startHop(next);
            }
            chain.client = new Socket();
            chain.client.setTcpNoDelay(true);
            chain.client.setSoTimeout(TIMEOUT_MILLIS);
            chain.client.connect(next, TIMEOUT_MILLIS);
            chain.in = chain.client.getInputStream();
            chain.out = chain.client.getOutputStream();
            return chain;
        } catch (IOException | RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    private InetSocketAddress startHop(InetSocketAddress next) throws IOException {
        Hop hop = new Hop();
        hops.add(hop);
        Forward handler = new Forward(hop);
        hop.acceptor.getSessionConfig().setTcpNoDelay(true);
        hop.connector.getSessionConfig().setTcpNoDelay(true);
        hop.acceptor.setHandler(handler);
        hop.connector.setHandler(handler);
        hop.connector.setConnectTimeoutMillis(TIMEOUT_MILLIS);
        if (next != null) {
            ConnectFuture f = hop.connector.connect(next).awaitUninterruptibly();
            if (!f.isConnected()) {
                throw new IOException("relay could not reach " + next, f.getException());
            }
            hop.downstream = f.getSession();
        }
        hop.acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return hop.acceptor.getLocalAddress();
    }

    /** One message to the far end and back; returns the round-trip time in nanoseconds. */
    long roundTrip() throws IOException {
        long start = System.nanoTime();
        out.write(message);
        out.flush();
        int got = 0;
        while (got < MESSAGE_BYTES) {
            int n = in.read(reply, got, MESSAGE_BYTES - got);
            if (n < 0) {
                throw new IOException("echo chain closed");
            }
            got += n;
        }
        long elapsed = System.nanoTime() - start;
        if (!Arrays.equals(message, reply)) {
            throw new IOException("echo chain returned other bytes");
        }
        return elapsed;
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // Closing a loopback socket we own: nothing left to do.
            }
        }
        for (Hop hop : hops) {
            hop.acceptor.unbind();
            hop.acceptor.dispose(true);
            hop.connector.dispose(true);
        }
    }
}
