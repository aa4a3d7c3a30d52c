package dev.shoal.node.api;

import dev.shoal.io.AtomicFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads and writes a {@link NodeConfig} as a properties file: the {@code --config} file of
 * {@code shoal node} and the settings the desktop app keeps in its data folder. Keys are the long
 * option names: {@code port}, {@code bind}, {@code share} (folders separated by {@code ;}),
 * {@code downloads}, {@code peer} (comma-separated {@code host:port}), {@code role} ({@code auto},
 * {@code leaf} or {@code ultrapeer}), {@code max-connections}, {@code max-leaves},
 * {@code leaf-ultrapeers}, {@code max-ttl}, {@code upload-slots}, {@code upload-limit} (KiB/s, 0 =
 * none), {@code browse-host} ({@code true} or {@code false}: whether others may list our shared
 * files), {@code port-mapping}, {@code join-public} and {@code bootstrap} ({@code true} or
 * {@code false}), {@code gwebcache} (comma-separated URLs) and {@code uhc} (comma-separated
 * {@code host:port}). Missing keys keep the values of the base config.
 */
public final class NodeConfigFile {
    public static final String SETTINGS_FILE = "settings.properties";

    private NodeConfigFile() {
    }

    /** {@code base} with the values found in {@code file}; a bad value names its key. */
    public static NodeConfig read(Path file, NodeConfig base) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ShoalException("cannot read config " + file + ": " + e.getMessage(), e);
        }
        NodeConfig c = base;
        String bind = p.getProperty("bind", base.listen().getHostString());
        int port = intValue(p, "port", base.listen().getPort());
        c = c.withListen(new InetSocketAddress(bind, port));
        if (p.containsKey("share")) {
            List<Path> shares = new ArrayList<>();
            for (String s : p.getProperty("share").split(";")) {
                if (!s.isBlank()) {
                    shares.add(Path.of(s.strip()));
                }
            }
            c = c.withShares(shares);
        }
        if (p.containsKey("downloads")) {
            c = c.withDownloadsDir(Path.of(p.getProperty("downloads").strip()));
        }
        if (p.containsKey("peer")) {
            List<InetSocketAddress> peers = new ArrayList<>();
            for (String s : p.getProperty("peer").split(",")) {
                if (!s.isBlank()) {
                    peers.add(hostPort(s.strip(), "peer", true));
                }
            }
            c = c.withPeers(peers);
        }
        if (p.containsKey("role")) {
            c = c.withRole(Role.parse(p.getProperty("role")));
        }
        c = c.toBuilder().maxConnections(intValue(p, "max-connections", c.maxConnections()))
                .maxLeaves(intValue(p, "max-leaves", c.maxLeaves()))
                .leafUltrapeers(intValue(p, "leaf-ultrapeers", c.leafUltrapeers())).build();
        c = c.withMaxTtl(intValue(p, "max-ttl", c.maxTtl()));
        c = c.withUploads(intValue(p, "upload-slots", c.uploadSlots()),
                1024L * intValue(p, "upload-limit", (int) (c.uploadLimitBytesPerSecond() / 1024)));
        c = c.withBrowseHost(booleanValue(p, "browse-host", c.browseHost()));
        c = c.withPortMapping(booleanValue(p, "port-mapping", c.portMapping()));
        NodeConfig.Bootstrap b = c.bootstrap().withJoinPublic(booleanValue(p, "join-public", c.bootstrap().joinPublic()))
                .withEnabled(booleanValue(p, "bootstrap", c.bootstrap().enabled()));
        if (p.containsKey("gwebcache")) {
            List<URI> caches = new ArrayList<>();
            for (String s : p.getProperty("gwebcache").split(",")) {
                if (!s.isBlank()) {
                    caches.add(uri(s.strip()));
                }
            }
            b = b.withGWebCaches(caches);
        }
        if (p.containsKey("uhc")) {
            List<InetSocketAddress> caches = new ArrayList<>();
            for (String s : p.getProperty("uhc").split(",")) {
                if (!s.isBlank()) {
                    caches.add(hostPort(s.strip(), "uhc", false));
                }
            }
            b = b.withUhcs(caches);
        }
        return c.withBootstrap(b);
    }

    /** Writes the user-settable values, replacing the file atomically. */
    public static void write(Path file, NodeConfig c) {
        Properties p = new Properties();
        p.setProperty("bind", c.listen().getHostString());
        p.setProperty("port", Integer.toString(c.listen().getPort()));
        p.setProperty("share", String.join(";", c.shares().stream().map(Path::toString).toList()));
        p.setProperty("downloads", c.downloadsDir().toString());
        p.setProperty("peer", String.join(",", c.peers().stream().map(NodeConfigFile::hostPort).toList()));
        p.setProperty("role", c.role().label());
        p.setProperty("max-connections", Integer.toString(c.maxConnections()));
        p.setProperty("max-leaves", Integer.toString(c.maxLeaves()));
        p.setProperty("leaf-ultrapeers", Integer.toString(c.leafUltrapeers()));
        p.setProperty("max-ttl", Integer.toString(c.maxTtl()));
        p.setProperty("upload-slots", Integer.toString(c.uploadSlots()));
        p.setProperty("upload-limit", Long.toString(c.uploadLimitBytesPerSecond() / 1024));
        p.setProperty("browse-host", Boolean.toString(c.browseHost()));
        p.setProperty("port-mapping", Boolean.toString(c.portMapping()));
        p.setProperty("join-public", Boolean.toString(c.bootstrap().joinPublic()));
        p.setProperty("bootstrap", Boolean.toString(c.bootstrap().enabled()));
        p.setProperty("gwebcache", String.join(",", c.bootstrap().gwebcaches().stream().map(URI::toString).toList()));
        p.setProperty("uhc", String.join(",", c.bootstrap().uhcs().stream().map(NodeConfigFile::hostPort).toList()));
        try {
            StringWriter out = new StringWriter();
            p.store(out, "Shoal settings");
            AtomicFile.writeString(file, out.toString());
        } catch (IOException e) {
            throw new ShoalException("cannot write settings " + file + ": " + e.getMessage(), e);
        }
    }

    private static int intValue(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ShoalException("config key '" + key + "' needs a number, got '" + v + "'");
        }
    }

    /** Whether a setting was ever saved: the app asks its first-run questions until it was. */
    public static boolean has(Path file, String key) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return false;
        }
        return p.containsKey(key);
    }

    private static boolean booleanValue(Properties p, String key, boolean fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ShoalException("config key '" + key + "' needs true or false, got '" + v + "'");
        };
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (java.net.URISyntaxException e) {
            throw new ShoalException("config key 'gwebcache' needs a URL, got '" + s + "'");
        }
    }

    /**
     * {@code host:port}, an IPv6 address in brackets ({@code [::1]:6346}), as {@code protocol.HostPort}
     * writes them (this package imports nothing of Shoal's); unless {@code resolve}, a name is kept
     * as it is and looked up only when used.
     */
    private static InetSocketAddress hostPort(String s, String key, boolean resolve) {
        int colon = s.lastIndexOf(':');
        try {
            String host = s.substring(0, colon);
            // Files written before brackets have the address bare: the last colon still ends it.
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = Integer.parseInt(s.substring(colon + 1));
            return resolve ? new InetSocketAddress(host, port) : InetSocketAddress.createUnresolved(host, port);
        } catch (RuntimeException e) {
            throw new ShoalException("config key '" + key + "' needs host:port, got '" + s + "'");
        }
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
