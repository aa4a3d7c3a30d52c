package dev.shoal.transfer.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * {@link SourceLink} over a socket we dialled. Reads go from the blocking channel straight into
 * the caller's buffer, so a direct buffer reaches the part file without a copy through the heap.
 */
final class ChannelLink implements SourceLink {
    private final SocketChannel channel;

    private ChannelLink(SocketChannel channel) {
        this.channel = channel;
    }

    static ChannelLink connect(InetSocketAddress address, Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            // No SO_RCVBUF: setting it turns off the kernel's receive-window auto-tuning, which
            // grows the buffer further than a fixed value allowed by default would.
            ch.socket().connect(address, (int) timeout.toMillis());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new ChannelLink(ch);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            channel.write(src);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with a broken socket
        }
    }
}
