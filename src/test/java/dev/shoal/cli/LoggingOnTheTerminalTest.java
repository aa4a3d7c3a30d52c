package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Log lines as {@link TerminalLogging} writes them: above the progress bar, addresses as host:port. */
class LoggingOnTheTerminalTest {
    private final StringWriter out = new StringWriter();
    private final Terminal terminal = new Terminal(out);

    private Logger logger() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        logger.addAppender(TerminalLogging.appender(context, terminal, "%-5level %addrmsg%exline%n"));
        return logger;
    }

    @Test
    void aWarningDuringADownloadGetsItsOwnLineAndTheBarComesBack() {
        Logger log = logger();
        terminal.status("big.bin [#####-----]  52%  10.0/19.1 MiB  2.0 MiB/s  ETA 0:05  2 sources");

        log.warn("dropping source {}: {}", new InetSocketAddress("127.0.0.1", 6346), "busy");

        assertThat(TerminalScreen.render(out.toString())).containsExactly(
                "WARN  dropping source 127.0.0.1:6346: busy",
                "big.bin [#####-----]  52%  10.0/19.1 MiB  2.0 MiB/s  ETA 0:05  2 sources");
    }

    @Test
    void addressesInsideOtherObjectsLoseTheirSlashToo() {
        Logger log = logger();
        Object connection = new Object() {
            @Override
            public String toString() {
                return "Connection#3[" + new InetSocketAddress("127.0.0.1", 40_000) + " out]";
            }
        };

        log.info("{} closed; listening on {}, files in /srv/1.2.3.4:80/x", connection,
                new InetSocketAddress("::1", 6346));

        assertThat(out.toString().strip()).isEqualTo(
                "INFO  Connection#3[127.0.0.1:40000 out] closed; listening on [0:0:0:0:0:0:0:1]:6346, "
                        + "files in /srv/1.2.3.4:80/x");
    }

    @Test
    void anExceptionIsNamedOnTheSameLineWithoutItsStackTrace() {
        logger().warn("download failed", new IOException("disk full"));

        assertThat(out.toString().strip()).isEqualTo("WARN  download failed (IOException: disk full)");
    }
}
