package dev.shoal.cli;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What {@code shoal get} tells the user about its download: the status line while it runs (looking
 * for sources, then a progress bar with bytes, speed, ETA and sources) and the summary at the end.
 * Time comes from the clock given, so the figures can be checked without waiting.
 */
final class DownloadReport {
    /** Narrower than the narrowest usual terminal: a wrapped status line cannot be redrawn in place. */
    static final int WIDTH = 79;
    private static final int BAR = 10;
    private static final int MIN_NAME = 24;

    private final LongSupplier nanoClock;
    private final long started;
    private long resumedBytes;

    DownloadReport(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** The download continues a partial file from an earlier run, which already held {@code bytes}. */
    void resumed(long bytes) {
        resumedBytes = bytes;
    }

    /** {@code "resuming at 52 % (10.0/19.1 MiB already here)"}. */
    static String resumeNote(long bytes, long size) {
        return String.format(Locale.ROOT, "resuming at %d %% (%s already here)", percent(bytes, size),
                Units.of(bytes, size));
    }

    String status(DownloadInfo d) {
        long now = nanoClock.getAsLong();
        if (d.state() == DownloadState.DOWNLOADING || d.state() == DownloadState.VERIFYING) {
            return bar(d);
        }
        if (d.state() == DownloadState.QUEUED && d.knownSources() == 0) {
            // Until a hit names it, the file is known by its hash only.
            String file = d.name().equals(d.id()) ? d.urn() : d.name();
            return fit("searching for sources of ", file, "... " + seconds(now - started) + " s");
        }
        if (d.state() == DownloadState.QUEUED) {
            return fit("found " + Units.plural(d.knownSources(), "source") + " of ", d.name(), ", connecting...");
        }
        return fit("", d.name(), " " + d.state().name().toLowerCase(Locale.ROOT));
    }

    /**
     * {@code "done: big.bin, 19.1 MiB in 9.8 s (2.0 MiB/s), SHA-1 verified"}, plus what was resumed:
     * the time counts from the start, looking for sources included, as the user waited that long.
     */
    String summary(DownloadInfo d) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - started);
        long fetched = Math.max(0, d.size() - resumedBytes);
        StringBuilder s = new StringBuilder("done: ").append(d.name()).append(", ").append(Units.bytes(d.size()));
        s.append(" in ").append(Units.duration(millis));
        if (millis > 0) {
            s.append(" (").append(Units.rate(fetched * 1000 / millis)).append(')');
        }
        s.append(", SHA-1 verified");
        if (resumedBytes > 0) {
            s.append("; ").append(Units.bytes(resumedBytes)).append(" of it came from an earlier run");
        }
        String saved = d.path().isEmpty() ? d.name() : Path.of(d.path()).getFileName().toString();
        if (!saved.equals(d.name())) {
            s.append("; saved as \"").append(saved).append("\" (the name was taken)");
        }
        return s.toString();
    }

    private String bar(DownloadInfo d) {
        int filled = (int) Math.floor(d.fraction() * BAR);
        String bar = " [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
        String tail = String.format(Locale.ROOT, " %3d%%  ", percent(d.bytesDone(), d.size()));
        if (d.state() == DownloadState.VERIFYING) {
            tail += Units.bytes(d.size()) + "  verifying SHA-1";
        } else if (d.sources() == 0) {
            tail += Units.of(d.bytesDone(), d.size()) + "  waiting for a source (" + d.knownSources() + " known)";
        } else {
            long eta = d.etaSeconds();
            tail += Units.of(d.bytesDone(), d.size()) + "  " + Units.rate(d.bytesPerSecond())
                    + "  ETA " + (eta < 0 ? "--:--" : Units.clock(eta)) + "  " + Units.plural(d.sources(), "source");
        }
        // The name matters more than the drawing: the bar goes first when space runs out.
        boolean roomForBar = WIDTH - tail.length() - bar.length() >= Math.min(d.name().length(), MIN_NAME);
        return fit("", d.name(), (roomForBar ? bar : "") + tail);
    }

    /** {@code prefix + name + suffix} in {@link #WIDTH} columns, shortening the name when needed. */
    private static String fit(String prefix, String name, String suffix) {
        int room = WIDTH - prefix.length() - suffix.length();
        if (name.length() > room) {
            name = room <= 3 ? "" : name.substring(0, room - 3) + "...";
        }
        return prefix + name + suffix;
    }

    private static int percent(long done, long size) {
        return size <= 0 ? 0 : (int) Math.min(100, done * 100 / size);
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }
}
