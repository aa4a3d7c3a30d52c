package dev.shoal.net;

import dev.shoal.protocol.HostPort;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Addresses of servents we may dial: those peers announced ({@code Listen-IP}, {@code X-Try-
 * Ultrapeers}, pongs) and those the user gave. Bounded: when full, the host heard of longest ago
 * goes. Never holds our own address. Dial attempts are paced per host: at most two per minute,
 * and after failures an exponential back-off.
 *
 * <p>Persisted as text in {@code hosts.txt}, one {@code ip:port lastSeenMillis} per line, most
 * recent first. Thread safe; the clock is passed in.
 */
public final class HostCache {
    public static final String FILE_NAME = "hosts.txt";
    static final long ATTEMPT_WINDOW_MILLIS = 60_000;
    static final int ATTEMPTS_PER_WINDOW = 2;
    static final long FIRST_BACKOFF_MILLIS = 10_000;
    static final long MAX_BACKOFF_MILLIS = 30 * 60_000;

    private final Path file;
    private final int capacity;
    private final LinkedHashMap<InetSocketAddress, Host> hosts = new LinkedHashMap<>();
    private Predicate<InetSocketAddress> isSelf = a -> false;
    private boolean dirty;

    public HostCache(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("host cache capacity must be positive: " + capacity);
        }
        this.file = file;
        this.capacity = capacity;
    }

    /** Tells the cache which addresses are ours; any it already holds are dropped. */
    public synchronized void setSelf(Predicate<InetSocketAddress> self) {
        this.isSelf = self;
        hosts.keySet().removeIf(self);
    }

    /** Adds or refreshes a host; false if it is not a dialable address or is ours. */
    public synchronized boolean add(InetSocketAddress address, long nowMillis) {
        if (!acceptable(address)) {
            return false;
        }
        Host h = hosts.get(address);
        if (h == null) {
            h = new Host();
            h.lastSeen = nowMillis;
            hosts.put(address, h);
            trim(address);
        }
        h.lastSeen = Math.max(h.lastSeen, nowMillis);
        dirty = true;
        return hosts.containsKey(address);
    }

    public synchronized void addAll(Collection<InetSocketAddress> addresses, long nowMillis) {
        for (InetSocketAddress a : addresses) {
            add(a, nowMillis);
        }
    }

    public synchronized boolean remove(InetSocketAddress address) {
        boolean removed = hosts.remove(address) != null;
        dirty |= removed;
        return removed;
    }

    public synchronized boolean contains(InetSocketAddress address) {
        return hosts.containsKey(address);
    }

    public synchronized int size() {
        return hosts.size();
    }

    /** Up to {@code max} hosts, most recently seen first (for {@code X-Try-Ultrapeers}). */
    public synchronized List<InetSocketAddress> recent(int max) {
        List<Map.Entry<InetSocketAddress, Host>> all = new ArrayList<>(hosts.entrySet());
        all.sort((a, b) -> Long.compare(b.getValue().lastSeen, a.getValue().lastSeen));
        List<InetSocketAddress> out = new ArrayList<>();
        for (Map.Entry<InetSocketAddress, Host> e : all) {
            if (out.size() == max) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }

    /** Hosts that may be dialled now, most recently seen first, skipping {@code exclude}. */
    public synchronized List<InetSocketAddress> dialCandidates(int max, long nowMillis, Collection<InetSocketAddress> exclude) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetSocketAddress a : recent(Integer.MAX_VALUE)) {
            if (out.size() == max) {
                break;
            }
            Host h = hosts.get(a);
            if (!exclude.contains(a) && h.mayDial(nowMillis)) {
                out.add(a);
            }
        }
        return out;
    }

    public synchronized void attempted(InetSocketAddress address, long nowMillis) {
        Host h = hosts.get(address);
        if (h != null) {
            h.previousAttempt = h.lastAttempt;
            h.lastAttempt = nowMillis;
        }
    }

    public synchronized void failed(InetSocketAddress address, long nowMillis) {
        Host h = hosts.get(address);
        if (h != null) {
            h.failures++;
            long backoff = FIRST_BACKOFF_MILLIS << Math.min(20, h.failures - 1);
            h.retryAt = nowMillis + Math.min(MAX_BACKOFF_MILLIS, backoff);
        }
    }

    public synchronized void succeeded(InetSocketAddress address, long nowMillis) {
        Host h = hosts.get(address);
        if (h != null) {
            h.failures = 0;
            h.retryAt = 0;
            h.lastSeen = Math.max(h.lastSeen, nowMillis);
            dirty = true;
        }
    }

    /** Reads {@code hosts.txt} if present; bad lines are skipped, the file is never trusted blindly. */
    public synchronized void load() throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            long seen = 0;
            if (parts.length > 1) {
                try {
                    seen = Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            Optional<InetSocketAddress> a = HostPort.parseLiteral(parts[0]);
            if (a.isPresent()) {
                add(a.get(), seen);
            }
        }
        dirty = false;
    }

    /** Writes {@code hosts.txt} atomically (temp file, then rename). */
    public synchronized void save() throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# Shoal host cache: ip:port last-seen-millis\n");
            for (InetSocketAddress a : recent(Integer.MAX_VALUE)) {
                w.write(HostPort.format(a) + " " + hosts.get(a).lastSeen + "\n");
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        dirty = false;
    }

    public synchronized boolean isDirty() {
        return dirty;
    }

    private boolean acceptable(InetSocketAddress a) {
        return a != null && !a.isUnresolved() && a.getPort() > 0 && a.getPort() <= 0xFFFF
                && !a.getAddress().isAnyLocalAddress() && !a.getAddress().isMulticastAddress() && !isSelf.test(a);
    }

    /** Evicts the host heard of longest ago; on a tie the earlier-added one (never {@code keep}). */
    private void trim(InetSocketAddress keep) {
        while (hosts.size() > capacity) {
            InetSocketAddress oldest = null;
            long oldestSeen = Long.MAX_VALUE;
            for (Iterator<Map.Entry<InetSocketAddress, Host>> it = hosts.entrySet().iterator(); it.hasNext();) {
                Map.Entry<InetSocketAddress, Host> e = it.next();
                if (!e.getKey().equals(keep) && e.getValue().lastSeen < oldestSeen) {
                    oldestSeen = e.getValue().lastSeen;
                    oldest = e.getKey();
                }
            }
            hosts.remove(oldest);
        }
    }

    private static final class Host {
        long lastSeen;
        long lastAttempt = Long.MIN_VALUE / 2;
        long previousAttempt = Long.MIN_VALUE / 2;
        long retryAt;
        int failures;

        boolean mayDial(long now) {
            // Two attempts per minute at most: the one before last must be a minute old.
            return now >= retryAt && now - previousAttempt >= ATTEMPT_WINDOW_MILLIS;
        }
    }
}
