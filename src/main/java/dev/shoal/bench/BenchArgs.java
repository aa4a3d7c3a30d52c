package dev.shoal.bench;

import java.util.List;
import java.util.Set;

/** Reading a bench's command line: each failure is a {@link BenchUsageException} saying what to change. */
final class BenchArgs {
    private BenchArgs() {
    }

    /** The value after {@code option}, at {@code args[i]}. */
    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new BenchUsageException(option + " needs a value");
        }
        return args[i];
    }

    static long wholeNumber(String option, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BenchUsageException(option + " needs a whole number, got " + text);
        }
    }

    static int positive(String option, String text) {
        long n;
        try {
            n = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new BenchUsageException(option + " needs a positive whole number, got " + text);
        }
        return (int) n;
    }

    /** {@code --suite}'s value: {@code all}, or one of {@code known}. */
    static Set<String> suites(String value, List<String> known) {
        if (value.equals("all")) {
            return Set.copyOf(known);
        }
        if (known.contains(value)) {
            return Set.of(value);
        }
        throw new BenchUsageException("unknown suite: " + value);
    }
}
