package dev.shoal.transfer.http;

import dev.shoal.protocol.Urn;

/**
 * What an upload request names. Only the two Gnutella forms exist; a target is never turned into
 * a file system path — it is only a key for looking up a shared file.
 */
public sealed interface RequestTarget {
    String N2R = "/uri-res/N2R?";
    String N2X = "/uri-res/N2X?";
    String GET = "/get/";

    /** The target as it goes on the request line. */
    String path();

    /** {@code /uri-res/N2R?urn:sha1:<base32>}. */
    record ByUrn(Urn urn) implements RequestTarget {
        @Override
        public String path() {
            return N2R + urn;
        }
    }

    /** {@code /uri-res/N2X?urn:sha1:<base32>}: the file's Tiger tree, in THEX's serialisation. */
    record TreeByUrn(Urn urn) implements RequestTarget {
        @Override
        public String path() {
            return N2X + urn;
        }
    }

    /** {@code /get/<index>/<url-encoded name>}; {@code name} is decoded. */
    record ByIndex(long index, String name) implements RequestTarget {
        @Override
        public String path() {
            return GET + index + "/" + UrlCoding.encode(name);
        }
    }

    /** Any other path: answered 404. */
    record Unknown(String target) implements RequestTarget {
        @Override
        public String path() {
            return target;
        }
    }

    /**
     * @throws HttpProtocolException 400 when the target is one of ours but malformed
     */
    static RequestTarget parse(String target) throws HttpProtocolException {
        if (target.isEmpty() || target.charAt(0) != '/') {
            throw new HttpProtocolException(400, "request target must be an absolute path");
        }
        if (target.startsWith(N2R) || target.startsWith(N2X)) {
            String urn = target.substring(N2R.length());
            Urn parsed;
            try {
                parsed = Urn.parse(UrlCoding.decode(urn, false));
            } catch (IllegalArgumentException e) {
                throw new HttpProtocolException(400, "bad urn in " + target.substring(9, 12) + " request");
            }
            return target.startsWith(N2R) ? new ByUrn(parsed) : new TreeByUrn(parsed);
        }
        if (target.startsWith(GET)) {
            String rest = target.substring(GET.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash > 18) {
                return new Unknown(target);
            }
            for (int i = 0; i < slash; i++) {
                if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                    return new Unknown(target);
                }
            }
            long index = Long.parseLong(rest.substring(0, slash));
            String name;
            try {
                name = UrlCoding.decode(rest.substring(slash + 1), false);
            } catch (IllegalArgumentException e) {
                throw new HttpProtocolException(400, "bad escape in file name");
            }
            if (name.indexOf('\0') >= 0) {
                throw new HttpProtocolException(400, "NUL in file name");
            }
            return new ByIndex(index, name);
        }
        return new Unknown(target);
    }
}
