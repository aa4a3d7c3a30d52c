package dev.shoal.transfer.http;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.util.Optional;

/**
 * The {@code X-Thex-URI} header: where a source serves a file's Tiger tree, and the tree's root,
 * as {@code /uri-res/N2X?urn:sha1:<sha1>;<39-char root>}.
 *
 * @param uri  the request target of the tree: an absolute path, never a full URL
 * @param root the root the source says the tree has
 */
public record XThexUri(String uri, TigerRoot root) {
    public static final String NAME = "X-Thex-URI";

    /** The value a server sends for a file it shares. */
    public static XThexUri of(Urn urn, TigerRoot root) {
        return new XThexUri(new RequestTarget.TreeByUrn(urn).path(), root);
    }

    /** Reads a value; empty when it is not an absolute path followed by a root. */
    public static Optional<XThexUri> parse(String value) {
        int semi = value.indexOf(';');
        if (semi <= 0) {
            return Optional.empty();
        }
        String uri = value.substring(0, semi).trim();
        if (!uri.startsWith("/") || uri.startsWith("//")) {
            return Optional.empty();
        }
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) <= 0x20 || uri.charAt(i) >= 0x7F) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new XThexUri(uri, TigerRoot.parse(value.substring(semi + 1).trim())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String headerValue() {
        return uri + ";" + root.base32();
    }
}
