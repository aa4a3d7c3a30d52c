package dev.shoal.bench;

import dev.shoal.node.ServentNode;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.UploadInfo;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.download.Source;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Servents in this JVM on 127.0.0.1 with a free port each, all sharing one folder, each with its
 * own data folder; closing closes them all.
 */
final class SharingNodes implements AutoCloseable {
    private final List<ServentNode> nodes = new ArrayList<>();

    /** Starts {@code count} leaves sharing {@code share}, each uploading at most {@code limit} bytes/s (0: no cap). */
    SharingNodes(int count, Path share, Path dataRoot, long limit) throws IOException {
        this(count, share, dataRoot, limit, false);
    }

    /** The same as ultrapeers when {@code ultrapeer}: they accept a leaf, such as {@code shoal get}, and answer it. */
    SharingNodes(int count, Path share, Path dataRoot, long limit, boolean ultrapeer) throws IOException {
        this(count, share, dataRoot, limit, ultrapeer, true);
    }

    /**
     * The same; without {@code addressShares}, every address may hold any number of links and
     * slots and connect as often as it likes: for downloaders that all dial from 127.0.0.1 but stand
     * for many hosts, which a node talking to strangers would ban (30 connections a minute).
     */
    SharingNodes(int count, Path share, Path dataRoot, long limit, boolean ultrapeer, boolean addressShares)
            throws IOException {
        try {
            for (int i = 0; i < count; i++) {
                NodeConfig config = NodeConfig.defaults(dataRoot.resolve("node" + i))
                        .withListen(new InetSocketAddress("127.0.0.1", 0))
                        .withShares(List.of(share))
                        .withRole(ultrapeer ? Role.ULTRAPEER : Role.LEAF)
                        .withUploads(4, limit);
                config = config.withTuning(config.tuning().toBuilder().addressShares(addressShares).build());
                nodes.add(ServentNode.start(config));
            }
            for (ServentNode n : nodes) {
                n.libraryReady().get(10, TimeUnit.MINUTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IOException("a servent could not index " + share + ": " + e, e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        }
    }

    /** Calls {@code watcher} with the node's number on every change of an upload, on the uploading thread. */
    void watchUploads(BiConsumer<Integer, UploadInfo> watcher) {
        for (int i = 0; i < nodes.size(); i++) {
            int node = i;
            nodes.get(i).addListener(e -> {
                if (e instanceof NodeEvent.UploadChanged u) {
                    watcher.accept(node, u.upload());
                }
            });
        }
    }

    /** The URN under which the nodes share the file called {@code name}. */
    Urn urnOf(String name) throws IOException {
        for (SharedFileInfo f : nodes.get(0).sharedFiles()) {
            if (f.name().equals(name)) {
                return Urn.parse(f.urn());
            }
        }
        throw new IOException("no shared file named " + name);
    }

    InetSocketAddress address(int i) {
        return nodes.get(i).listenAddress();
    }

    Source source(int i) {
        return Source.of(address(i));
    }

    int size() {
        return nodes.size();
    }

    @Override
    public void close() {
        for (ServentNode n : nodes) {
            n.close();
        }
        nodes.clear();
    }
}
