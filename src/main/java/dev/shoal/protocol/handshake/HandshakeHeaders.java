package dev.shoal.protocol.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header lines of one handshake step, in arrival (or emission) order. Lookup ignores case, as
 * gtk-gnutella does; names are written back exactly as they were given, because LimeWire keeps
 * them in a case-sensitive table. A name given twice keeps its first spelling and position and
 * its values are joined with {@code ","}. Immutable; build with {@link #builder()}.
 */
public final class HandshakeHeaders {
    private static final HandshakeHeaders EMPTY = new HandshakeHeaders(List.of(), List.of());

    private final List<String> names;
    private final List<String> values;

    private HandshakeHeaders(List<String> names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    public static HandshakeHeaders empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < names.size(); i++) {
            b.add(names.get(i), values.get(i));
        }
        return b;
    }

    public Optional<String> get(String name) {
        int i = indexOf(names, name);
        return i < 0 ? Optional.empty() : Optional.of(values.get(i));
    }

    public boolean contains(String name) {
        return indexOf(names, name) >= 0;
    }

    /** {@code True}/{@code False} headers; the case of the value is ignored. */
    public boolean isTrue(String name) {
        return get(name).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    /** Whether a comma-separated header such as {@code Accept-Encoding} lists {@code token}. */
    public boolean hasToken(String name, String token) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return false;
        }
        for (String part : value.get().split(",")) {
            String t = part.trim();
            int semicolon = t.indexOf(';');
            if (semicolon >= 0) {
                t = t.substring(0, semicolon).trim();
            }
            if (t.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return names.size();
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The names with their spelling as given, in order. */
    public List<String> names() {
        return names;
    }

    /** Name (as spelled) to value, in order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /** {@code Name: value\r\n} for every header, without the blank line that ends a block. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(names.get(i)).append(": ").append(values.get(i)).append("\r\n");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeHeaders h && names.equals(h.names) && values.equals(h.values);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Collects headers in order; not thread safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        private Builder() {
        }

        /** Adds a header, or appends {@code ","} + value to an earlier one of the same name. */
        public Builder add(String name, String value) {
            return put(name, value, true);
        }

        /** Sets a header, replacing any earlier value but keeping its position. */
        public Builder set(String name, String value) {
            return put(name, value, false);
        }

        private Builder put(String name, String value, boolean append) {
            checkName(name);
            String v = value.trim();
            checkValue(name, v);
            int i = indexOf(names, name);
            if (i < 0) {
                names.add(name);
                values.add(v);
            } else {
                values.set(i, append ? values.get(i) + "," + v : v);
            }
            return this;
        }

        public Builder remove(String name) {
            int i = indexOf(names, name);
            if (i >= 0) {
                names.remove(i);
                values.remove(i);
            }
            return this;
        }

        /** Appends text to the last header's value: a continuation line. */
        Builder continueLast(String more) {
            int last = values.size() - 1;
            if (last < 0) {
                throw new IllegalStateException("no header to continue");
            }
            values.set(last, (values.get(last) + " " + more.trim()).trim());
            return this;
        }

        int size() {
            return names.size();
        }

        public HandshakeHeaders build() {
            return names.isEmpty() ? EMPTY : new HandshakeHeaders(List.copyOf(names), List.copyOf(values));
        }

        private static void checkName(String name) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty header name");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 0x7F || c == ':') {
                    throw new IllegalArgumentException(String.format(
                            "unexpected char %#04x at %d in header name: %s", (int) c, i, name));
                }
            }
        }

        private static void checkValue(String name, String value) {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("line break in the value of header " + name);
            }
        }
    }
}
