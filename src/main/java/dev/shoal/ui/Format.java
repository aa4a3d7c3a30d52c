package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.FileKind;
import dev.shoal.node.api.SourceState;
import dev.shoal.node.api.Vendors;
import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes, rates, times and file kinds for tables and the status bar. */
final class Format {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};
    private Format() {
    }

    /** A message from below (written to follow "shoal: " on a terminal) as a sentence on screen. */
    static String sentence(String message) {
        return message == null || message.isEmpty() ? ""
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** {@code 1 file}, {@code 26 files}. */
    static String plural(long n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }

    static String rate(long bytesPerSecond) {
        return bytes(Math.max(0, bytesPerSecond)) + "/s";
    }

    /** A clock-style remaining time, or a dash when the speed is unknown. */
    static String eta(long seconds) {
        if (seconds < 0) {
            return "\u2014";
        }
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** A coarse age such as "45 s", "3 min", "2 h 05 min" or "3 d 4 h": uptimes need no seconds after a minute. */
    static String uptime(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
    }

    /** The kind of file a name suggests, from its extension; unknown extensions are shown as they are. */
    static String kind(String name) {
        FileKind kind = FileKind.of(name);
        String ext = FileKind.extension(name);
        return kind == FileKind.OTHER && !ext.isEmpty() ? ext.toUpperCase(Locale.ROOT) : kind.label();
    }

    static String state(DownloadInfo d) {
        return switch (d.state()) {
            case QUEUED -> d.knownSources() == 0 ? "Queued (looking for sources)" : "Queued";
            case DOWNLOADING -> "Downloading";
            case VERIFYING -> "Verifying";
            case DONE -> "Done";
            case PAUSED -> "Paused";
            case CANCELLED -> "Cancelled";
            case FAILED -> d.reason().isBlank() ? "Failed" : "Failed: " + d.reason();
        };
    }

    /** A vendor code from a hit as its servent's name, or the code itself when unknown. */
    static String vendor(String code) {
        return Vendors.name(code);
    }

    static String sourceState(SourceState s, boolean downloadDone) {
        return switch (s) {
            case CONNECTING -> "Connecting";
            case DOWNLOADING -> "Downloading";
            case WAITING -> "Waiting to retry";
            case IDLE -> downloadDone ? "Finished" : "Idle";
            case GAVE_UP -> "Gave up";
            case BANNED -> "Banned: sent bad data";
        };
    }

    static String sources(int active, int known) {
        return active == known ? Integer.toString(known) : active + " of " + known;
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", Math.floor(fraction * 100));
    }
}
