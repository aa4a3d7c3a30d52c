package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchReach;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SearchListener;
import dev.shoal.protocol.Query;
import dev.shoal.routing.OwnQuery;
import java.time.Duration;
import java.util.List;

/**
 * The searches a user starts: what they typed becomes a query (keywords, or one {@code urn:sha1:}),
 * the message loop sends it as our role says, its hits are gathered into ranked results, and
 * closing the handle ends it there. Searches by keywords are paced by the {@link SearchPacer}.
 */
final class OwnSearches {
    private final MessageHandler handler;
    private final ResultJudge judge;
    private final Duration lifetime;
    private final SearchPacer pacer;

    OwnSearches(MessageHandler handler, ResultJudge judge, Duration lifetime, SearchPacer pacer) {
        this.handler = handler;
        this.judge = judge;
        this.lifetime = lifetime;
        this.pacer = pacer;
    }

    Search start(String text, int ttl, SearchListener caller) {
        return start(text, ttl, caller, null);
    }

    /** A search whose query goes to {@code only} alone, when not null (see {@link MessageHandler#search}). */
    Search start(String text, int ttl, SearchListener caller, Connection only) {
        Query query = Links.searchFor(text);
        if (query.urns().isEmpty()) {
            pacer.admit();
        }
        SearchResults results = judge.resultsFor(query);
        SearchListener listener = hit -> {
            results.add(hit);
            caller.onHit(hit);
        };
        SearchTrail trail = new SearchTrail();
        NodeRouter.OwnSearch<Connection> own = handler.search(query, ttl, listener, trail, only);
        return new RunningSearch(own.query(), own.targets().size(), lifetime, () -> handler.endSearch(own), results,
                trail);
    }

    private record RunningSearch(OwnQuery query, int peersQueried, Duration lifetime, Runnable onClose,
            SearchResults found, SearchTrail trail) implements Search {
        @Override
        public SearchReach reach() {
            return trail.reach();
        }

        @Override
        public List<SearchResult> results() {
            return found.snapshot();
        }

        @Override
        public String id() {
            return query.guid().toHex();
        }

        @Override
        public int ttl() {
            return query.ttl();
        }

        @Override
        public boolean clamped() {
            return query.clamped();
        }

        @Override
        public void close() {
            onClose.run();
        }
    }
}
