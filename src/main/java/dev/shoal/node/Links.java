package dev.shoal.node;

import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.download.Magnet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads what a user gives to fetch (a {@code urn:sha1:} or a {@code magnet:?xt=urn:sha1:} link)
 * or to search for (keywords, or a {@code urn:sha1:}).
 */
public final class Links {
    private Links() {
    }

    /** A bare URN becomes a magnet link naming only the file. */
    public static Magnet parse(String urnOrMagnet) {
        String text = urnOrMagnet.strip();
        if (text.regionMatches(true, 0, "magnet:", 0, 7)) {
            try {
                return Magnet.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ShoalException("not a usable magnet link: " + e.getMessage());
            }
        }
        return new Magnet(parseUrn(text), "", OptionalLong.empty(), List.of());
    }

    /** The query a search box's text stands for. */
    static Query searchFor(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.regionMatches(true, 0, Urn.SHA1_PREFIX, 0, Urn.SHA1_PREFIX.length())) {
            try {
                return Query.forUrn(Urn.parse(trimmed));
            } catch (IllegalArgumentException e) {
                throw new ShoalException("not a valid urn:sha1: " + trimmed);
            }
        }
        Query query = Query.keywords(trimmed);
        if (query.keywords().isEmpty()) {
            throw new ShoalException("nothing to search for in '" + text + "'");
        }
        return query;
    }

    /**
     * The Tiger tree root of the file a link names by bitprint ({@code urn:bitprint:<sha1>.<tiger>},
     * bare or as a magnet's {@code xt}), or null when it names it by SHA-1 only.
     */
    static TigerRoot tigerRoot(String urnOrMagnet) {
        String text = urnOrMagnet.strip();
        int at = text.toLowerCase(Locale.ROOT).indexOf("urn:bitprint:");
        if (at < 0) {
            return null;
        }
        int end = text.indexOf('&', at);
        return TigerRoot.ofBitprint(text.substring(at, end < 0 ? text.length() : end)).orElse(null);
    }

    static Urn parseUrn(String text) {
        try {
            return Urn.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ShoalException("not a urn:sha1 or magnet link: " + text);
        }
    }
}
