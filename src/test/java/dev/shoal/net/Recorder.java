package dev.shoal.net;

import dev.shoal.protocol.Frame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records listener events, and checks they come off the I/O threads and in per-connection order. */
final class Recorder implements ConnectionListener {
    record Received(Connection connection, Frame frame) {
    }

    final List<Connection> connected = new CopyOnWriteArrayList<>();
    final List<Received> frames = new CopyOnWriteArrayList<>();
    final List<String> disconnected = new CopyOnWriteArrayList<>();
    final List<String> wrongThreads = new CopyOnWriteArrayList<>();

    @Override
    public void onConnected(Connection connection) {
        checkThread();
        connected.add(connection);
    }

    @Override
    public void onFrame(Connection connection, Frame frame) {
        checkThread();
        frames.add(new Received(connection, frame));
    }

    @Override
    public void onDisconnected(Connection connection, String reason) {
        checkThread();
        disconnected.add(connection.id() + ": " + reason);
    }

    List<Frame> framesOf(byte type) {
        return frames.stream().map(Received::frame).filter(f -> f.header().type() == type).toList();
    }

    private void checkThread() {
        String name = Thread.currentThread().getName();
        if (!name.startsWith("shoal-net-worker")) {
            wrongThreads.add(name);
        }
    }
}
