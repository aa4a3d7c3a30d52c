package dev.shoal;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility's defaults for every test class (registered through {@code META-INF/services} with
 * extension autodetection on): look at once, then after 1 ms, doubling up to 50 ms. The library's
 * own defaults wait 100 ms before the first look and between looks, so each wait for something
 * already true, or true a millisecond later, cost a tenth of a second; the bad-input corpus alone
 * waits some 500 times. Tests that poll something costly still set their own interval.
 */
public final class QuickPolling implements BeforeAllCallback {
    static final Duration FIRST_INTERVAL = Duration.ofMillis(1);
    static final Duration LONGEST_INTERVAL = Duration.ofMillis(50);

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(IterativePollInterval.iterative(
                previous -> min(previous.multipliedBy(2), LONGEST_INTERVAL), FIRST_INTERVAL));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
