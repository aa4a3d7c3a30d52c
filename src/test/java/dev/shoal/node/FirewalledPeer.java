package dev.shoal.node;

import dev.shoal.RawPeer;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Giv;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.upload.Bandwidth;
import dev.shoal.transfer.upload.BrowseResponder;
import dev.shoal.transfer.upload.HttpUploadHandler;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.SharedFileLookup;
import dev.shoal.transfer.upload.UploadListener;
import dev.shoal.transfer.upload.UploadSlots;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A servent that cannot accept connections, on a raw Gnutella link to a node: it answers queries
 * matching its one file with hits advertising an address nobody can connect to, and answers a Push
 * as a firewalled servent does, by connecting to the pusher, saying GIV and serving HTTP there:
 * its file, and a browse of its list (that one file, in a hit like those it answers with).
 */
final class FirewalledPeer implements AutoCloseable {
    private final RawPeer link;
    private final ServedFile file;
    private final InetSocketAddress advertised;
    private final boolean flagPush;
    private final Guid serventId = Guid.random();
    private final HttpUploadHandler uploads;
    final List<Push> pushes = new CopyOnWriteArrayList<>();
    final List<Socket> callbacks = new CopyOnWriteArrayList<>();
    private final Thread reader;

    /**
     * @param advertised the address put in hits (make it one that refuses connections)
     * @param flagPush whether hits say "push needed"
     */
    FirewalledPeer(InetSocketAddress node, ServedFile file, InetSocketAddress advertised, boolean flagPush)
            throws IOException {
        this.link = RawPeer.connectAsUltrapeer(node);
        this.link.setReadTimeout(0);
        this.file = file;
        this.advertised = advertised;
        this.flagPush = flagPush;
        Bandwidth free = new Bandwidth(0, TestUploadServer.SYSTEM_TIME);
        this.uploads = new HttpUploadHandler(new OneFile(file), new UploadSlots(), free, UploadListener.NONE,
                "Firewalled/1.0", new AltLocs(), TestUploadServer.SYSTEM_TIME.clock(),
                new BrowseResponder(local -> List.of(MessageCodec.frame(Guid.ZERO, 1, 0, hit())).iterator(),
                        () -> true, free, UploadListener.NONE, "Firewalled/1.0"));
        this.reader = new Thread(this::readLoop, "firewalled-peer");
        reader.setDaemon(true);
        reader.start();
    }

    Guid serventId() {
        return serventId;
    }

    private void readLoop() {
        try {
            while (true) {
                Frame f = link.readFrame();
                Header h = f.header();
                Payload p;
                try {
                    p = MessageCodec.decode(f);
                } catch (Exception e) {
                    continue;
                }
                if (p instanceof Query q) {
                    answer(h, q);
                } else if (p instanceof Push push && push.serventId().equals(serventId)) {
                    pushes.add(push);
                    connectBack(push);
                }
            }
        } catch (Exception e) {
            // link closed: the test is over
        }
    }

    private void answer(Header h, Query q) throws IOException {
        boolean byUrn = q.urns().contains(file.urn());
        boolean byName = !q.keywords().isEmpty()
                && q.keywords().stream().allMatch(k -> file.name().toLowerCase().contains(k.toLowerCase()));
        if (!byUrn && !byName) {
            return;
        }
        send(MessageCodec.frame(h.guid(), h.hops() + 1, 0, hit()));
    }

    private QueryHit hit() {
        return new QueryHit(advertised, 100,
                List.of(QueryHit.Result.of(file.index(), file.size(), file.name(), file.urn())), "FWLD",
                QueryHit.Flags.of(flagPush, false, false, false, false), Ggep.EMPTY, new byte[0], serventId);
    }

    private void connectBack(Push push) {
        Thread t = new Thread(() -> {
            try (Socket s = new Socket()) {
                callbacks.add(s);
                s.connect(push.address(), 5000);
                OutputStream out = s.getOutputStream();
                // Like LimeWire and gtk-gnutella: the name in a GIV is not the file's.
                out.write(new Giv(push.fileIndex(), serventId, "file").toWire().getBytes(StandardCharsets.UTF_8));
                out.flush();
                uploads.serve(s.getInputStream(), out, push.address());
            } catch (IOException e) {
                // the downloader closed the connection
            }
        }, "firewalled-peer-giv");
        t.setDaemon(true);
        t.start();
    }

    private synchronized void send(Frame f) throws IOException {
        link.sendFrame(f);
    }

    @Override
    public void close() throws IOException {
        link.close();
        for (Socket s : callbacks) {
            s.close();
        }
    }

    private record OneFile(ServedFile file) implements SharedFileLookup {
        @Override
        public Optional<ServedFile> byUrn(Urn urn) {
            return urn.equals(file.urn()) ? Optional.of(file) : Optional.empty();
        }

        @Override
        public Optional<ServedFile> byIndex(long index) {
            return index == file.index() ? Optional.of(file) : Optional.empty();
        }
    }
}
