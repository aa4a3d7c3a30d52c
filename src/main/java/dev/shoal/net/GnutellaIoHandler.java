package dev.shoal.net;

import dev.shoal.net.WireMessages.HandshakeOut;
import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.net.WireMessages.HttpStart;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeResponse;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.protocol.handshake.StatusLine;
import java.io.IOException;
import java.util.Optional;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives each session through the three-step handshake and then hands frames to the
 * {@link ConnectionListener}. Runs behind the ordered executor, so events of one session arrive
 * one at a time and in order, and never on an I/O thread (except {@code sessionCreated}).
 * Policy lives in {@code HandshakeResponder}; this class only moves its answers.
 */
final class GnutellaIoHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GnutellaIoHandler.class);
    private static final int MAX_BYE_REASON = 100;

    private final ConnectionManager manager;

    GnutellaIoHandler(ConnectionManager manager) {
        this.manager = manager;
    }

    @Override
    public void sessionCreated(IoSession session) {
        if (session.getConfig() instanceof SocketSessionConfig c) {
            c.setTcpNoDelay(true);
        }
        if (SessionContext.of(session) == null) {
            SessionContext ctx = new SessionContext(false, manager.now(), null);
            ctx.attach(session);
            if (!manager.admit(session, ctx)) {
                session.closeNow();
            }
        }
    }

    @Override
    public void sessionOpened(IoSession session) {
        SessionContext ctx = SessionContext.of(session);
        if (ctx.outgoing) {
            session.write(new HandshakeOut(manager.responder().connectRequest(manager.capacity(session)), false));
        }
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        SessionContext ctx = SessionContext.of(session);
        if (message instanceof Frame frame) {
            onFrame(session, ctx, frame);
        } else if (message instanceof HandshakeMessage step) {
            if (ctx.outgoing) {
                onResponse(session, ctx, step);
            } else if (ctx.request == null) {
                onRequest(session, ctx, step);
            } else {
                onFinal(session, ctx, step);
            }
        } else if (message instanceof WireMessages.ConnectBackProbe) {
            manager.connectBackReceived(session, ctx);
        } else if (message instanceof HttpStart start) {
            manager.startHttp(session, ctx, start.firstLine());
        } else if (message instanceof HttpBytes bytes && ctx.http != null) {
            ctx.http.feed(bytes.bytes());
        }
    }

    /** Step 1 arrived at our acceptor: answer with step 2. */
    private void onRequest(IoSession session, SessionContext ctx, HandshakeMessage request) {
        manager.learn(request.headers(), session);
        // A refusal's reason is recorded by the manager, which knows whether the address's share ran out.
        HandshakeResponse r = manager.answerIncoming(ctx, request, session);
        switch (r.outcome()) {
            case CLOSE -> session.closeNow();
            case REFUSE -> {
                session.write(new HandshakeOut(r.toMessage(), false));
                session.closeOnFlush();
            }
            case ACCEPT -> {
                ctx.request = request;
                ctx.deflateOut = r.deflateOutgoing();
                session.write(new HandshakeOut(r.toMessage(), r.deflateOutgoing()));
            }
            default -> throw new IllegalStateException(r.outcome().toString());
        }
    }

    /** Step 3 arrived at our acceptor: the initiator confirms (200) or backs out. */
    private void onFinal(IoSession session, SessionContext ctx, HandshakeMessage fin) {
        StatusLine status;
        try {
            status = StatusLine.parse(fin.firstLine());
        } catch (FramingException e) {
            ctx.closeReason(DropReason.BAD_HANDSHAKE, "bad final handshake line: " + e.getMessage());
            session.closeNow();
            return;
        }
        if (!status.isOk()) {
            ctx.closeReason(null, "peer backed out: " + status.code() + " " + status.reason());
            session.closeNow();
            return;
        }
        // An ultrapeer that took our leaf guidance says so here: it is our leaf from now on.
        HandshakeHeaders peer = ctx.request.headers();
        Optional<String> role = fin.headers().get("X-Ultrapeer");
        if (role.isPresent()) {
            peer = peer.toBuilder().set("X-Ultrapeer", role.get()).build();
        }
        if (manager.roles().role() == NodeRole.LEAF && !peer.isTrue("X-Ultrapeer")) {
            ctx.closeReason(null, "we became a leaf during the handshake: a leaf takes no leaves");
            session.closeNow();
            return;
        }
        boolean compressedIn = fin.headers().hasToken("Content-Encoding", "deflate");
        manager.establish(session, ctx, peer, compressedIn, ctx.deflateOut);
    }

    /** Step 2 arrived at our initiator: confirm with step 3 or give up. */
    private void onResponse(IoSession session, SessionContext ctx, HandshakeMessage response) {
        manager.learn(response.headers(), session);
        HandshakeResponse r = manager.responder().respond(response, true, manager.capacity(session));
        switch (r.outcome()) {
            case CLOSE -> {
                ctx.closeReason(null, r.reason());
                ctx.future.completeExceptionally(refusal(response, r.reason()));
                session.closeNow();
            }
            case REFUSE -> {
                ctx.closeReason(null, "we backed out: " + r.reason());
                ctx.future.completeExceptionally(new IOException("we backed out: " + r.reason()));
                session.write(new HandshakeOut(r.toMessage(), false));
                session.closeOnFlush();
            }
            case ACCEPT -> {
                session.write(new HandshakeOut(r.toMessage(), r.deflateOutgoing()));
                if (r.becomesLeaf()) {
                    LOG.info("{}: became the leaf of this ultrapeer, which asked us to", session.getRemoteAddress());
                    manager.roles().guidedToLeaf();
                }
                boolean compressedIn = response.headers().hasToken("Content-Encoding", "deflate");
                manager.establish(session, ctx, response.headers(), compressedIn, r.deflateOutgoing());
            }
            default -> throw new IllegalStateException(r.outcome().toString());
        }
    }

    private static IOException refusal(HandshakeMessage response, String reason) {
        try {
            StatusLine s = StatusLine.parse(response.firstLine());
            return new HandshakeRefusedException(s.code(), s.reason(), response.headers());
        } catch (FramingException e) {
            return new IOException(reason, e);
        }
    }

    private void onFrame(IoSession session, SessionContext ctx, Frame frame) {
        PeerConnection c = ctx.connection;
        if (c == null) {
            return;
        }
        c.received(frame);
        boolean bye = frame.header().type() == MessageType.BYE;
        if (bye) {
            // Recorded before the listener runs: it may close the link itself on seeing the Bye,
            // and the first recorded reason is the one reported.
            ctx.closeReason(DropReason.PEER_BYE, byeReason(frame));
        }
        manager.deliver(c, frame);
        if (bye) {
            session.closeOnFlush();
        }
    }

    /** The Bye's code and first reason line; gtk-gnutella appends a header block after a CRLF. */
    private static String byeReason(Frame frame) {
        try {
            Bye bye = Bye.decode(frame.payload());
            return "peer said Bye " + bye.code() + " " + bye.reason().split("[\r\n]", 2)[0];
        } catch (BadMessageException e) {
            return "peer said Bye (malformed)";
        }
    }

    /**
     * Closes the session that failed, and only it: abuse and broken framing with a Bye on a link
     * (the code the failure calls for), a socket error or a bug without one.
     */
    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        SessionContext ctx = SessionContext.of(session);
        FramingException framing = framingCause(cause);
        PeerConnection c = ctx == null ? null : ctx.connection;
        if (framing != null) {
            LOG.info("{}: closing: {}", session.getRemoteAddress(), framing.getMessage());
            PeerMisbehaved abuse = framing instanceof PeerMisbehaved m ? m : null;
            DropReason reason = abuse != null ? abuse.reason() : c != null ? DropReason.FRAMING : DropReason.BAD_HANDSHAKE;
            int bye = abuse != null ? abuse.byeCode() : Bye.TOO_LARGE;
            String why = abuse != null ? framing.getMessage() : "framing error: " + framing.getMessage();
            closeFor(session, ctx, c, reason, why, new Bye(bye, abbreviate(framing.getMessage())));
        } else if (cause instanceof IOException) {
            LOG.debug("{}: I/O error: {}", session.getRemoteAddress(), cause.toString());
            if (ctx != null) {
                ctx.closeReason(c != null ? DropReason.IO_ERROR : null, "I/O error: " + cause.getMessage());
            }
            session.closeNow();
        } else {
            LOG.warn("{}: unexpected error, closing", session.getRemoteAddress(), cause);
            closeFor(session, ctx, c, DropReason.INTERNAL_ERROR, "internal error: " + cause,
                    new Bye(Bye.INTERNAL_ERROR, "Internal error"));
        }
    }

    private static void closeFor(IoSession session, SessionContext ctx, PeerConnection c, DropReason reason,
            String why, Bye bye) {
        if (ctx != null) {
            ctx.closeReason(reason, why);
        }
        if (c != null) {
            c.close(bye);
        } else {
            session.closeNow();
        }
    }

    @Override
    public void sessionClosed(IoSession session) {
        SessionContext ctx = SessionContext.of(session);
        if (ctx != null) {
            manager.closed(session, ctx);
        }
    }

    private static FramingException framingCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FramingException f) {
                return f;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_BYE_REASON ? s : s.substring(0, MAX_BYE_REASON);
    }
}
