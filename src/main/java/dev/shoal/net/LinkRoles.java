package dev.shoal.net;

import dev.shoal.protocol.handshake.NodeRole;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our role in the two-tier network as the links see it, and the slot counts that follow from it.
 * An ultrapeer takes up to {@link NetConfig#maxConnections()} ultrapeer links and
 * {@link NetConfig#maxLeaves()} leaves and dials {@link NetConfig#outgoingTarget()} ultrapeers
 * itself; a leaf keeps {@link NetConfig#leafUltrapeers()} ultrapeer links, dials until it has them,
 * and takes no leaves.
 *
 * <p>Leaf guidance: while it has fewer than {@link #ULTRAPEERS_WANTED} ultrapeer links an ultrapeer
 * wants more, and says so ({@code X-Ultrapeer-Needed: True}); once it has them and room for a leaf,
 * it asks an ultrapeer that comes to it to become its leaf. An ultrapeer that {@linkplain #set takes
 * guidance} and has at most {@link #FEW_LEAVES} leaves accepts such a request: the role flips to leaf
 * at once and the node is told.
 *
 * <p>The node sets the role; thread safe.
 */
public final class LinkRoles {
    /** Ultrapeer links an ultrapeer wants before it asks ultrapeers to become its leaves. */
    public static final int ULTRAPEERS_WANTED = 4;
    /** An ultrapeer with more leaves than this keeps them rather than become another's leaf. */
    public static final int FEW_LEAVES = 4;

    private final NetConfig config;
    private final AtomicLong incoming = new AtomicLong();
    private volatile NodeRole role;
    private volatile boolean takesGuidance;
    private volatile Runnable onGuidedToLeaf = () -> {
    };

    LinkRoles(NetConfig config) {
        this.config = config;
        this.role = config.role();
    }

    public NodeRole role() {
        return role;
    }

    /**
     * Sets our role. {@code takesGuidance}: as an ultrapeer we would become the leaf of a stronger
     * ultrapeer that asks (only a node whose role is automatic does).
     */
    public void set(NodeRole newRole, boolean takesLeafGuidance) {
        this.role = newRole;
        this.takesGuidance = takesLeafGuidance;
    }

    /** Run (on a network thread, before the link is established) when we took an ultrapeer's leaf guidance. */
    public void onGuidedToLeaf(Runnable listener) {
        this.onGuidedToLeaf = listener;
    }

    /**
     * Connections that came to us from outside, Gnutella handshakes and connect-back probes: proof
     * that others can reach us. The node's one measure of being firewalled (none seen yet) and of
     * being fit to be an ultrapeer.
     */
    public long incomingSeen() {
        return incoming.get();
    }

    void noteIncoming() {
        incoming.incrementAndGet();
    }

    void guidedToLeaf() {
        set(NodeRole.LEAF, false);
        onGuidedToLeaf.run();
    }

    /** Ultrapeer links we still take, given those up or reserved. */
    int freeUltrapeerSlots(int ultrapeers) {
        int max = role == NodeRole.ULTRAPEER ? config.maxConnections() : config.leafUltrapeers();
        return Math.max(0, max - ultrapeers);
    }

    /** Leaves we still take, given those up or reserved. */
    int freeLeafSlots(int leaves) {
        return role == NodeRole.ULTRAPEER ? Math.max(0, config.maxLeaves() - leaves) : 0;
    }

    boolean ultrapeersNeeded(int ultrapeers) {
        return ultrapeers < ULTRAPEERS_WANTED;
    }

    boolean takesGuidance(int leaves) {
        return role == NodeRole.ULTRAPEER && takesGuidance && leaves <= FEW_LEAVES;
    }

    /** Ultrapeer links to dial: a leaf counts all of them, an ultrapeer only those it dialled. */
    int dialTarget() {
        return role == NodeRole.ULTRAPEER ? config.outgoingTarget() : config.leafUltrapeers();
    }
}
