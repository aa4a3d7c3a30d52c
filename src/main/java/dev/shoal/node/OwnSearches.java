package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SearchListener;
import dev.shoal.protocol.Query;
import dev.shoal.routing.OwnQuery;
import java.time.Duration;
import java.util.List;

/**
 * The searches a user starts: what they typed becomes a query (keywords, or one {@code urn:sha1:}),
 * the message loop sends it as our role says, its hits are gathered into ranked results, and
 * closing the handle ends it there.
 */
final class OwnSearches {
    private final MessageHandler handler;
    private final ResultJudge judge;
    private final Duration lifetime;

    OwnSearches(MessageHandler handler, ResultJudge judge, Duration lifetime) {
        this.handler = handler;
        this.judge = judge;
        this.lifetime = lifetime;
    }

    Search start(String text, int ttl, SearchListener caller) {
        Query query = Links.searchFor(text);
        SearchResults results = judge.resultsFor(query);
        SearchListener listener = hit -> {
            results.add(hit);
            caller.onHit(hit);
        };
        NodeRouter.OwnSearch<Connection> own = handler.search(query, ttl, listener);
        return new RunningSearch(own.query(), own.targets().size(), lifetime, () -> handler.endSearch(own), results);
    }

    private record RunningSearch(OwnQuery query, int peersQueried, Duration lifetime, Runnable onClose,
            SearchResults found) implements Search {
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
