package dev.shoal.cli;

import java.util.Locale;

/** Human-readable sizes, rates and durations for text output; {@code --json} keeps exact numbers. */
final class Units {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Units() {
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        int u = unit(n);
        return String.format(Locale.ROOT, "%.1f %s", scaled(n, u), UNITS[u]);
    }

    /** {@code "10.0/19.1 MiB"}: both in the unit of the total, so the two read side by side. */
    static String of(long done, long total) {
        if (total < 1024) {
            return done + "/" + total + " B";
        }
        int u = unit(total);
        return String.format(Locale.ROOT, "%.1f/%.1f %s", scaled(done, u), scaled(total, u), UNITS[u]);
    }

    static String rate(long bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /** {@code "9.8 s"}, {@code "2 min 05 s"}, {@code "1 h 02 min"}. */
    static String duration(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", Math.max(0, millis) / 1000.0);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** A number of seconds as the user typed it: {@code "30"}, {@code "1.5"}. */
    static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    /** A countdown as clocks show it: {@code "0:05"}, {@code "12:40"}, {@code "1:02:03"}. */
    static String clock(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String plural(long n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }

    private static int unit(long n) {
        int u = 0;
        double v = n / 1024.0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return u;
    }

    private static double scaled(long n, int unit) {
        return n / Math.pow(1024, unit + 1);
    }
}
