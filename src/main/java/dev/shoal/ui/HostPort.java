package dev.shoal.ui;

/** A "host:port" typed by the user, checked without touching DNS (that happens off the EDT). */
record HostPort(String host, int port) {
    static HostPort parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("Type a host and port, such as 127.0.0.1:6346");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t.substring(colon + 1) + "' is not a port number: type a host and port, such as 127.0.0.1:6346");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("The port must be 1 to 65535, not " + port);
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
