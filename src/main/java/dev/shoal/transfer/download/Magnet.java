package dev.shoal.transfer.download;

import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.http.HttpProtocolException;
import dev.shoal.transfer.http.RequestTarget;
import dev.shoal.transfer.http.UrlCoding;
import dev.shoal.transfer.http.XAlt;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A magnet link naming a file by {@code urn:sha1} ({@code xt}), with optional display name
 * ({@code dn}), size ({@code xl}) and exact/acceptable sources ({@code xs}, {@code as}).
 */
public record Magnet(Urn urn, String displayName, OptionalLong size, List<String> exactSources) {
    private static final String PREFIX = "magnet:?";

    public Magnet {
        displayName = displayName == null ? "" : displayName;
        exactSources = List.copyOf(exactSources);
    }

    /**
     * @throws IllegalArgumentException when it is not a magnet link or carries no usable
     *     {@code urn:sha1} / {@code urn:bitprint}
     */
    public static Magnet parse(String text) {
        String t = text.trim();
        if (!t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a magnet link");
        }
        Urn urn = null;
        String name = "";
        OptionalLong size = OptionalLong.empty();
        List<String> sources = new ArrayList<>();
        for (String param : t.substring(PREFIX.length()).split("&")) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = param.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = UrlCoding.decode(param.substring(eq + 1), true);
            // Keys may carry a numeric suffix (xt.1, xs.2) when a link lists several.
            int dot = key.indexOf('.');
            if (dot > 0) {
                key = key.substring(0, dot);
            }
            switch (key) {
                case "xt" -> {
                    if (urn == null && Urn.looksLikeSha1(value)) {
                        urn = Urn.parse(value);
                    }
                }
                case "dn" -> name = value;
                case "xl" -> size = parseSize(value);
                case "xs", "as" -> sources.add(value);
                default -> {
                    // other magnet parameters are not ours
                }
            }
        }
        if (urn == null) {
            throw new IllegalArgumentException("magnet link without urn:sha1");
        }
        return new Magnet(urn, name, size, sources);
    }

    private static OptionalLong parseSize(String value) {
        try {
            long v = Long.parseLong(value.trim());
            return v >= 0 ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The sources among {@code xs}/{@code as} given as {@code http://a.b.c.d:port/...} (an N2R
     * or {@code /get/<index>/<name>} URL) or bare {@code a.b.c.d:port}. Host names are skipped:
     * a link from the network must not make us resolve names.
     */
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        for (String xs : exactSources) {
            Source s = parseSource(xs);
            if (s != null && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static Source parseSource(String xs) {
        String rest = xs.trim();
        if (rest.regionMatches(true, 0, "http://", 0, 7)) {
            rest = rest.substring(7);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        var address = XAlt.parseHostPort(hostPort);
        if (address == null) {
            return null;
        }
        if (slash >= 0) {
            try {
                if (RequestTarget.parse(rest.substring(slash)) instanceof RequestTarget.ByIndex g) {
                    return new Source(address, g.index(), g.name());
                }
            } catch (HttpProtocolException e) {
                return Source.of(address);
            }
        }
        return Source.of(address);
    }

    /**
     * The link to hand out for a file: its URN, name and size, and when {@code source} is given
     * (a servent sharing it: ours, when we do) an {@code xs} asking it for the file by hash,
     * {@code http://host:port/uri-res/N2R?urn:sha1:...}, which any servent can fetch at once.
     *
     * @param size the size in bytes, or negative when unknown
     */
    public static Magnet of(Urn urn, String name, long size, Optional<InetSocketAddress> source) {
        List<String> xs = source.map(a -> List.of("http://" + HostPort.format(a) + RequestTarget.N2R + urn))
                .orElse(List.of());
        return new Magnet(urn, name, size >= 0 ? OptionalLong.of(size) : OptionalLong.empty(), xs);
    }

    /** The link in canonical form; {@link #parse} reads it back as this same magnet. */
    public String toUri() {
        StringBuilder sb = new StringBuilder(PREFIX).append("xt=").append(urn);
        if (!displayName.isEmpty()) {
            sb.append("&dn=").append(value(displayName));
        }
        size.ifPresent(s -> sb.append("&xl=").append(s));
        for (String xs : exactSources) {
            sb.append("&xs=").append(value(xs));
        }
        return sb.toString();
    }

    /**
     * Percent-encoded, except for {@code :}, {@code /}, {@code ?} and {@code @}, which RFC 3986
     * allows in a query and which keep an {@code xs} URL readable.
     */
    private static String value(String text) {
        return UrlCoding.encode(text).replace("%3A", ":").replace("%2F", "/").replace("%3F", "?").replace("%40", "@");
    }
}
