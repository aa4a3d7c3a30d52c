package dev.shoal.protocol;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The GWebCache protocol, what is asked and how the answer reads. Version 2 is one request,
 * {@code ?get=1&net=gnutella&client=XXXX&version=V}, answered with lines {@code H|ip:port|age...}
 * (a host) and {@code U|url|age...} (another cache); {@code I|} and {@code i|} lines are information.
 * Version 1 asks {@code ?hostfile=1} (lines {@code ip:port}) and {@code ?urlfile=1} (lines holding a
 * URL). One parser reads both, line by line, so a cache that answers the v2 request in v1 form (old
 * caches do) still counts. Hosts must be address literals: a cache can never make us look a name up.
 */
public final class GWebCache {
    /** Lines read from one answer; more are ignored (real caches send tens). */
    public static final int MAX_LINES = 1_000;

    /** What a cache told us. */
    public record Reply(List<InetSocketAddress> hosts, List<URI> caches) {
        public Reply {
            hosts = List.copyOf(hosts);
            caches = List.copyOf(caches);
        }
    }

    private GWebCache() {
    }

    /** The version 2 request for hosts and caches of the Gnutella network. */
    public static URI hostsAndCaches(URI cache, String client, String version) {
        return withQuery(cache, "get=1&net=gnutella&client=" + encode(client) + "&version=" + encode(version));
    }

    /** The version 1 request for hosts. */
    public static URI hostFile(URI cache, String client, String version) {
        return withQuery(cache, "hostfile=1&client=" + encode(client) + "&version=" + encode(version));
    }

    /** The version 1 request for other caches. */
    public static URI urlFile(URI cache, String client, String version) {
        return withQuery(cache, "urlfile=1&client=" + encode(client) + "&version=" + encode(version));
    }

    /** Reads an answer of either version; lines it does not understand (errors included) are skipped. */
    public static Reply parse(String body) {
        List<InetSocketAddress> hosts = new ArrayList<>();
        List<URI> caches = new ArrayList<>();
        String[] lines = body.split("\r?\n|\r", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i].strip();
            if (line.length() > 2 && line.charAt(1) == '|') {
                String[] fields = line.split("\\|");
                String kind = line.substring(0, 1).toUpperCase(Locale.ROOT);
                if (kind.equals("H") && fields.length > 1) {
                    HostPort.parseLiteral(fields[1]).ifPresent(hosts::add);
                } else if (kind.equals("U") && fields.length > 1) {
                    cacheUrl(fields[1]).ifPresent(caches::add);
                }
            } else if (line.regionMatches(true, 0, "http", 0, 4)) {
                cacheUrl(line).ifPresent(caches::add);
            } else {
                HostPort.parseLiteral(line).ifPresent(hosts::add);
            }
        }
        return new Reply(hosts, caches);
    }

    /** A cache URL: absolute http or https with a host; anything else is no cache. */
    public static Optional<URI> cacheUrl(String text) {
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getFragment() == null) {
                return Optional.of(u);
            }
        } catch (java.net.URISyntaxException e) {
            // not a URL: no cache
        }
        return Optional.empty();
    }

    private static URI withQuery(URI cache, String query) {
        String base = cache.toString();
        return URI.create(base + (cache.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
