package dev.shoal.node;

import dev.shoal.node.api.SearchTooSoonException;
import dev.shoal.time.Clock;
import java.time.Duration;

/**
 * Network etiquette for the user's searches: at most one by keywords every
 * {@link dev.shoal.node.api.NodeConfig.Tuning#searchInterval() interval} (3 s by default),
 * whatever the client (the app's search as you type, the command line, a script). Each keyword
 * query reaches hundreds of hosts, and servents drop peers that flood them. Hash queries (looking
 * for sources of a download) are not counted here: a download makes one, and the user's typing none.
 */
final class SearchPacer {
    private final Clock clock;
    private final Duration interval;
    private boolean searched;
    private long lastMillis;

    SearchPacer(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** Counts a search about to be sent, or throws (counting nothing) when the last one was too recent. */
    synchronized void admit() {
        long now = clock.millis();
        long wait = searched ? lastMillis + interval.toMillis() - now : 0;
        if (wait > 0) {
            throw new SearchTooSoonException(interval, Duration.ofMillis(wait));
        }
        searched = true;
        lastMillis = now;
    }
}
