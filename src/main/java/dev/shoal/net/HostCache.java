package dev.shoal.net;

import dev.shoal.io.AtomicFile;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.protocol.handshake.HandshakeResponder;
import dev.shoal.routing.HostSelector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Servents we may dial, with what we know of each: when we last heard of it, whether it is an
 * ultrapeer, the uptime it reported, connects that worked and failures in a row. Hosts come from
 * {@code Listen-IP} and {@code X-Try-Ultrapeers}, pongs (with their {@code DU}, {@code UP} and
 * {@code IPP}), hits, and the user. {@link HostSelector} ranks them, best first, and rests hosts that
 * failed; on top of that a host is dialled at most twice a minute. Bounded (the worst host goes).
 * Never holds our own address.
 *
 * <p>Persisted as text in {@code hosts.txt}, one host per line, best first:
 * {@code ip:port lastSeenMillis role uptimeSeconds successes failuresInARow lastFailureMillis}, with
 * role {@code ultrapeer} or {@code leaf}. A line of the older two-column form ({@code ip:port
 * lastSeenMillis}) is read as an ultrapeer with no record: that cache held only hosts to dial.
 * Saved atomically (temp file, then rename). Thread safe; times are wall-clock milliseconds passed
 * in, since they outlive the process.
 */
public final class HostCache {
    public static final String FILE_NAME = "hosts.txt";
    static final long ATTEMPT_WINDOW_MILLIS = 60_000;
    /** Attempts per window: the attempt before last must be a window old. */
    static final int ATTEMPTS_PER_WINDOW = 2;

    private final Path file;
    private final HostSelector<InetSocketAddress> hosts;
    /** Per host, the last two dial attempts: {previous, last}. */
    private final Map<InetSocketAddress, long[]> attempts = new HashMap<>();
    private Predicate<InetSocketAddress> isSelf = a -> false;
    private boolean dirty;

    public HostCache(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("host cache capacity must be positive: " + capacity);
        }
        this.file = file;
        this.hosts = new HostSelector<>(capacity);
    }

    /** Tells the cache which addresses are ours; any it already holds are dropped. */
    public synchronized void setSelf(Predicate<InetSocketAddress> self) {
        this.isSelf = self;
        for (HostSelector.Host<InetSocketAddress> h : hosts.hosts()) {
            if (self.test(h.address())) {
                hosts.forget(h.address());
            }
        }
    }

    /** Heard of a host whose role we do not know; what we knew of it stays. False if not dialable or ours. */
    public synchronized boolean add(InetSocketAddress address, long nowMillis) {
        HostSelector.Host<InetSocketAddress> known = hosts.get(address);
        return heard(address, known != null && known.ultrapeer(), known == null ? 0 : known.uptimeMillis(),
                nowMillis);
    }

    /** Heard of an ultrapeer: {@code X-Try-Ultrapeers}, an ultrapeer's {@code Listen-IP}, {@code IPP} in a pong. */
    public synchronized boolean addUltrapeer(InetSocketAddress address, long nowMillis) {
        HostSelector.Host<InetSocketAddress> known = hosts.get(address);
        return heard(address, true, known == null ? 0 : known.uptimeMillis(), nowMillis);
    }

    /** Heard of a host, its role and the uptime it reported: they replace what we knew. */
    public synchronized boolean heard(InetSocketAddress address, boolean ultrapeer, long uptimeMillis, long nowMillis) {
        if (!acceptable(address)) {
            return false;
        }
        hosts.heardOf(address, ultrapeer, uptimeMillis, nowMillis);
        dirty = true;
        return hosts.get(address) != null;
    }

    /**
     * Takes the hosts a peer names in a handshake step: its {@code Listen-IP} if it is an ultrapeer
     * and its {@code X-Try-Ultrapeers} as ultrapeers, its {@code X-Try} as hosts of unknown role. A
     * remote peer cannot point us at our own loopback interface: loopback addresses are taken only
     * from a peer that is itself on loopback.
     */
    public synchronized void learn(HandshakeHeaders headers, boolean peerOnLoopback, long nowMillis) {
        List<InetSocketAddress> ultrapeers = new ArrayList<>();
        headers.get("X-Try-Ultrapeers").ifPresent(v -> ultrapeers.addAll(HostPort.parseLiteralList(v)));
        if (headers.isTrue("X-Ultrapeer")) {
            HandshakeResponder.listenAddressOf(headers).ifPresent(ultrapeers::add);
        }
        for (InetSocketAddress a : HandshakeResponder.tryHostsOf(headers)) {
            if ((peerOnLoopback || !a.getAddress().isLoopbackAddress()) && !ultrapeers.contains(a)) {
                add(a, nowMillis);
            }
        }
        for (InetSocketAddress a : ultrapeers) {
            if (peerOnLoopback || !a.getAddress().isLoopbackAddress()) {
                addUltrapeer(a, nowMillis);
            }
        }
    }

    public synchronized void addAll(Collection<InetSocketAddress> addresses, long nowMillis) {
        for (InetSocketAddress a : addresses) {
            add(a, nowMillis);
        }
    }

    public synchronized boolean remove(InetSocketAddress address) {
        boolean removed = hosts.get(address) != null;
        hosts.forget(address);
        attempts.remove(address);
        dirty |= removed;
        return removed;
    }

    public synchronized boolean contains(InetSocketAddress address) {
        return hosts.get(address) != null;
    }

    /** What we know of a host, if anything. */
    public synchronized Optional<HostSelector.Host<InetSocketAddress>> get(InetSocketAddress address) {
        return Optional.ofNullable(hosts.get(address));
    }

    public synchronized int size() {
        return hosts.size();
    }

    /** Up to {@code max} hosts, best first, ultrapeers before the others (hosts resting after a failure too). */
    public synchronized List<InetSocketAddress> best(int max) {
        return ranked().stream().limit(max).map(HostSelector.Host::address).toList();
    }

    /** Up to {@code max} ultrapeers to suggest in {@code X-Try-Ultrapeers}: best first, none resting. */
    public synchronized List<InetSocketAddress> ultrapeers(int max, long nowMillis) {
        return hosts.best(max, true, a -> !hosts.get(a).ultrapeer(), nowMillis);
    }

    /**
     * Hosts to dial now, best first (ultrapeers before hosts of unknown role), leaving out those in
     * {@code exclude}, those resting after a failure and those dialled twice in the last minute.
     */
    public synchronized List<InetSocketAddress> dialCandidates(int max, long nowMillis,
            Collection<InetSocketAddress> exclude) {
        return hosts.best(max, true, a -> exclude.contains(a) || !mayDial(a, nowMillis), nowMillis);
    }

    public synchronized void attempted(InetSocketAddress address, long nowMillis) {
        long[] a = attempts.computeIfAbsent(address, k -> new long[] {Long.MIN_VALUE / 2, Long.MIN_VALUE / 2});
        a[0] = a[1];
        a[1] = nowMillis;
    }

    /** A dial failed (refused, timed out, closed during the handshake): the host rests a while. */
    public synchronized void failed(InetSocketAddress address, long nowMillis) {
        hosts.failed(address, nowMillis);
        dirty = true;
    }

    /** A link to the host came up: its failures are forgiven and the success counted. */
    public synchronized void succeeded(InetSocketAddress address, long nowMillis) {
        hosts.connected(address, nowMillis);
        dirty = true;
    }

    /** Reads {@code hosts.txt} if present; bad lines are skipped, the file is never trusted blindly. */
    public synchronized void load() throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                parse(line.split("\\s+")).ifPresent(h -> {
                    if (acceptable(h.address())) {
                        hosts.restore(h);
                    }
                });
            }
        }
        dirty = false;
    }

    private static Optional<HostSelector.Host<InetSocketAddress>> parse(String[] parts) {
        Optional<InetSocketAddress> a = HostPort.parseLiteral(parts[0]);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seen = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            if (parts.length < 7) {
                return Optional.of(new HostSelector.Host<>(a.get(), true, seen, 0, 0, 0, 0));
            }
            boolean ultrapeer = switch (parts[2]) {
                case "ultrapeer" -> true;
                case "leaf" -> false;
                default -> throw new NumberFormatException("role " + parts[2]);
            };
            return Optional.of(new HostSelector.Host<>(a.get(), ultrapeer, seen, Long.parseLong(parts[3]) * 1000,
                    Integer.parseInt(parts[4]), Integer.parseInt(parts[5]), Long.parseLong(parts[6])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code hosts.txt} whole ({@link AtomicFile}). */
    public synchronized void save() throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder w = new StringBuilder("# Shoal host cache: ip:port last-seen-millis role uptime-seconds"
                + " successes failures-in-a-row last-failure-millis\n");
        for (HostSelector.Host<InetSocketAddress> h : ranked()) {
            w.append(HostPort.format(h.address())).append(' ').append(h.lastSeen()).append(' ')
                    .append(h.ultrapeer() ? "ultrapeer" : "leaf").append(' ').append(h.uptimeMillis() / 1000)
                    .append(' ').append(h.successes()).append(' ').append(h.failuresInARow()).append(' ')
                    .append(h.lastFailure()).append('\n');
        }
        AtomicFile.writeString(file, w.toString());
        dirty = false;
    }

    public synchronized boolean isDirty() {
        return dirty;
    }

    /** Every host in {@link HostSelector}'s order, resting ones included. */
    private List<HostSelector.Host<InetSocketAddress>> ranked() {
        List<InetSocketAddress> order = hosts.best(Integer.MAX_VALUE, true, a -> false, Long.MAX_VALUE);
        Map<InetSocketAddress, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        return hosts.hosts().stream().sorted(Comparator.comparingInt(h -> rank.get(h.address()))).toList();
    }

    private boolean mayDial(InetSocketAddress address, long now) {
        long[] a = attempts.get(address);
        // Two attempts per minute at most: the one before last must be a minute old.
        return a == null || now - a[0] >= ATTEMPT_WINDOW_MILLIS;
    }

    private boolean acceptable(InetSocketAddress a) {
        return a != null && !a.isUnresolved() && a.getPort() > 0 && a.getPort() <= 0xFFFF
                && !a.getAddress().isAnyLocalAddress() && !a.getAddress().isMulticastAddress() && !isSelf.test(a);
    }
}
