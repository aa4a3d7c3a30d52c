package dev.shoal.node.api;

import java.time.Duration;

/**
 * A search by keywords came sooner after the last one than the network's etiquette allows (one
 * every few seconds from one user); nothing was sent. Try again after {@link #retryAfter()}.
 */
public final class SearchTooSoonException extends ShoalException {
    private final Duration retryAfter;

    public SearchTooSoonException(Duration interval, Duration retryAfter) {
        super("one search every " + interval.toSeconds() + " s is what the network bears: try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
