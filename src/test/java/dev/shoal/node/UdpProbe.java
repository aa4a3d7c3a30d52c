package dev.shoal.node;

import dev.shoal.protocol.Datagram;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** A UDP socket on 127.0.0.1 (a free port) that sends raw datagrams and reads framed answers. */
final class UdpProbe implements AutoCloseable {
    private final DatagramSocket socket;

    UdpProbe() {
        this(InetAddress.getLoopbackAddress());
    }

    /** A probe on {@code address} (one of 127.0.0.0/8), any free port. */
    UdpProbe(InetAddress address) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(address, 0));
            socket.setSoTimeout(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(InetSocketAddress to, byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(InetSocketAddress to, Payload payload) {
        send(to, MessageCodec.frame(Guid.random(), 1, 0, payload).toBytes());
    }

    /** The next datagram, with who sent it, or empty if none came within 5 s. */
    Optional<Received> receive() {
        byte[] buffer = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Frame f = Datagram.read(ByteBuffer.wrap(Arrays.copyOf(buffer, p.getLength())));
            return Optional.of(new Received((InetSocketAddress) p.getSocketAddress(), f));
        } catch (Datagram.FaultException e) {
            throw new AssertionError("the node sent a broken datagram: " + e.getMessage(), e);
        }
    }

    /** Reads datagrams until one matches; false if none did before a 5 s silence. */
    boolean receiveUntil(java.util.function.Predicate<Frame> wanted) {
        for (Optional<Received> r = receive(); r.isPresent(); r = receive()) {
            if (wanted.test(r.get().frame())) {
                return true;
            }
        }
        return false;
    }

    record Received(InetSocketAddress from, Frame frame) {
        Payload payload() {
            try {
                return MessageCodec.decode(frame);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
