package dev.shoal.bench;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.protocol.Urn;
import dev.shoal.time.ExecutorScheduler;
import dev.shoal.transfer.download.DownloadListener;
import dev.shoal.transfer.download.DownloadProgress;
import dev.shoal.transfer.download.DownloadRequest;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SwarmConfig;
import dev.shoal.transfer.download.SwarmDownload;
import dev.shoal.transfer.download.SwarmSetup;
import dev.shoal.transfer.download.SwarmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One download through {@link SwarmDownload}, the downloader the node uses, with its default
 * tuning; the fetched file is deleted afterwards.
 */
final class SwarmFetch {
    /**
     * @param transferSeconds start until every byte is on disk (the download reports VERIFYING)
     * @param totalSeconds    start until the verified file is in the downloads folder
     */
    record Timing(double transferSeconds, double totalSeconds) {
    }

    private SwarmFetch() {
    }

    static Timing fetch(Urn urn, long size, String name, List<Source> sources, Path workDir)
            throws IOException, InterruptedException {
        SwarmConfig config = ConfigViews.swarm(NodeConfig.defaults(workDir).withMaxDownloadSources(sources.size()));
        AtomicLong verifyingAt = new AtomicLong();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void onProgress(DownloadProgress p) {
                if (p.state() == SwarmState.VERIFYING) {
                    verifyingAt.compareAndSet(0, System.nanoTime());
                }
            }
        };
        long start;
        long end;
        Path file;
        try (ExecutorScheduler scheduler = new ExecutorScheduler("bench-swarm-scheduler")) {
            SwarmSetup setup = SwarmSetup.standalone(workDir.resolve("incomplete"), workDir.resolve("downloads"),
                    config, scheduler);
            SwarmDownload download = new SwarmDownload(new DownloadRequest(urn, size, name, sources), setup, listener);
            start = System.nanoTime();
            try {
                file = download.start().get(10, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw new IOException("download failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                download.cancel();
                throw new IOException("download took longer than 10 minutes");
            }
            end = System.nanoTime();
        }
        try {
            if (Files.size(file) != size) {
                throw new IOException("downloaded " + Files.size(file) + " bytes instead of " + size);
            }
        } finally {
            BenchFiles.deleteTree(workDir);
        }
        long verifying = verifyingAt.get() == 0 ? end : verifyingAt.get();
        return new Timing((verifying - start) / 1e9, (end - start) / 1e9);
    }
}
