package dev.shoal.node;

import dev.shoal.node.api.SearchTooSoonException;
import dev.shoal.time.Clock;
import java.time.Duration;

/**
 * Network etiquette for the user's searches: at most one by keywords every {@link #INTERVAL},
 * whatever the client (the app's search as you type, the command line, a script). Each keyword
 * query reaches hundreds of hosts, and servents drop peers that flood them. Hash queries (looking
 * for sources of a download) are not counted here: a download makes one, and the user's typing none.
 */
final class SearchPacer {
    static final Duration INTERVAL = Duration.ofSeconds(3);

    private final Clock clock;
    private boolean searched;
    private long lastMillis;

    SearchPacer(Clock clock) {
        this.clock = clock;
    }

    /** Counts a search about to be sent, or throws (counting nothing) when the last one was too recent. */
    synchronized void admit() {
        long now = clock.millis();
        long wait = searched ? lastMillis + INTERVAL.toMillis() - now : 0;
        if (wait > 0) {
            throw new SearchTooSoonException(INTERVAL, Duration.ofMillis(wait));
        }
        searched = true;
        lastMillis = now;
    }
}
