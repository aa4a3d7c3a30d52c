package dev.shoal.transfer.http;

/** A parsed request line plus its head. */
public record HttpRequest(String method, String target, boolean http11, HttpHead head) {

    /** @throws HttpProtocolException 400 unless the start line is {@code METHOD target HTTP/1.x} */
    public static HttpRequest parse(HttpHead head) throws HttpProtocolException {
        String[] parts = head.startLine().trim().split(" +");
        if (parts.length != 3) {
            throw new HttpProtocolException(400, "request line is not METHOD target version");
        }
        for (int i = 0; i < parts[0].length(); i++) {
            if (!HttpHeadReader.isTokenChar(parts[0].charAt(i))) {
                throw new HttpProtocolException(400, "bad method");
            }
        }
        boolean http11;
        if (parts[2].equals("HTTP/1.1")) {
            http11 = true;
        } else if (parts[2].equals("HTTP/1.0")) {
            http11 = false;
        } else {
            throw new HttpProtocolException(400, "unsupported version");
        }
        for (int i = 0; i < parts[1].length(); i++) {
            char c = parts[1].charAt(i);
            if (c < 0x21 || c == 0x7F) {
                throw new HttpProtocolException(400, "control character in target");
            }
        }
        return new HttpRequest(parts[0], parts[1], http11, head);
    }

    /** Whether the client lets the connection carry its next request (see {@link HttpHead#keepsAlive}). */
    public boolean keepAlive() {
        return head.keepsAlive(http11);
    }

    public String requestLine() {
        return head.startLine();
    }
}
