package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shoal.library.FileHasher;
import dev.shoal.node.api.NodeConfig;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A node's log says, at INFO, when each download and each upload starts and how it ends. */
class TransferLogTest {
    @TempDir
    Path temp;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(ManagedDownload.class),
            (Logger) LoggerFactory.getLogger(UploadService.class));

    @AfterEach
    void detach() {
        loggers.forEach(l -> l.detachAppender(logged));
    }

    private ServentNode node(String name, byte[] content) throws Exception {
        Path share = Files.createDirectories(temp.resolve(name).resolve("share"));
        if (content != null) {
            Files.write(share.resolve("logged file.bin"), content);
        }
        ServentNode node = ServentNode.start(NodeConfig.defaults(temp.resolve(name).resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withShares(List.of(share))
                .withDownloadsDir(temp.resolve(name).resolve("downloads")));
        node.libraryReady().get(20, TimeUnit.SECONDS);
        return node;
    }

    @Test
    void eachDownloadAndUploadIsLoggedWhenItStartsAndEnds() throws Exception {
        logged.start();
        loggers.forEach(l -> l.addAppender(logged));
        byte[] content = new byte[700_000];
        new Random(3).nextBytes(content);
        try (ServentNode holder = node("holder", content)) {
            try (ServentNode downloader = node("downloader", null)) {
                downloader.connect(holder.listenAddress()).get(10, TimeUnit.SECONDS);
                downloader.fetch(FileHasher.hash(content).toString(), 2).completion().get(60, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(infoLines())
                    .anyMatch(l -> l.startsWith("downloading logged file.bin (700000 bytes) from 1 known source"))
                    .anyMatch(l -> l.startsWith("download logged file.bin done: "))
                    .anyMatch(l -> l.startsWith("uploading logged file.bin to 127.0.0.1:"))
                    .anyMatch(l -> l.matches("upload of logged file\\.bin to 127\\.0\\.0\\.1:\\d+ ended: "
                            + "700000 bytes sent")));
        }
    }

    private List<String> infoLines() {
        // The appender adds under its own lock.
        synchronized (logged) {
            return logged.list.stream().filter(e -> e.getLevel() == Level.INFO)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
