package dev.shoal.node.portmap;

import dev.shoal.node.api.PortMapping;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the node's port on the home router, so that others can reach a node behind NAT, and removes
 * the mapping on {@link #close()}. Nothing at all happens unless it is {@code enabled} (the user
 * chose it: it is off by default): no discovery, no thread, no packet. Enabled, it finds the router
 * (the one named, else by SSDP discovery), asks it for its external address and to forward the same
 * port number to ours, on a thread of its own, and logs each stage; {@link #status()} says where it
 * stands.
 * Thread-safe.
 */
public final class PortMapper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PortMapper.class);
    private static final String DESCRIPTION = "Shoal (Gnutella)";
    /** How long {@link #close()} waits for the router to remove the mapping. */
    static final long CLOSE_WAIT_SECONDS = 10;

    private final boolean enabled;
    private final GatewayLocator locator;
    private final ExecutorService thread;
    private volatile PortMapping status = PortMapping.off();
    private Gateway mapped;
    private int mappedPort;
    private Future<?> work;

    /**
     * @param enabled  false: this object does nothing ({@link #status()} stays {@link PortMapping.State#OFF})
     * @param gateway  the router's UPnP description URL; empty: find it by SSDP discovery
     */
    public PortMapper(boolean enabled, Optional<URI> gateway) {
        this(enabled, gateway.map(GatewayLocator::at).orElseGet(GatewayLocator::discover));
    }

    PortMapper(boolean enabled, GatewayLocator locator) {
        this.enabled = enabled;
        this.locator = locator;
        this.thread = enabled ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shoal-port-mapping");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public PortMapping status() {
        return status;
    }

    /** Maps TCP {@code port} (the node's listening port) in the background; returns at once. */
    public synchronized void map(int port) {
        if (!enabled || work != null) {
            return;
        }
        publish(new PortMapping(PortMapping.State.MAPPING, Optional.empty(), 0, "looking for the router"));
        work = thread.submit(() -> doMap(port));
    }

    private void doMap(int port) {
        Gateway gateway;
        try {
            Optional<Gateway> found = locator.locate();
            if (found.isEmpty()) {
                publish(notMapped("no UPnP router answered"));
                return;
            }
            gateway = found.get();
        } catch (IOException | RuntimeException e) {
            publish(notMapped("cannot reach the router: " + e.getMessage()));
            return;
        }
        try {
            Optional<String> external = gateway.externalAddress().map(a -> a.getHostAddress());
            if (!gateway.addTcpMapping(port, port, DESCRIPTION)) {
                publish(notMapped(gateway.name() + " refused to map port " + port));
                return;
            }
            synchronized (this) {
                mapped = gateway;
                mappedPort = port;
            }
            publish(new PortMapping(PortMapping.State.MAPPED, external, port, gateway.name()));
        } catch (IOException | RuntimeException e) {
            publish(notMapped(gateway.name() + " failed: " + e.getMessage()));
        }
    }

    private static PortMapping notMapped(String why) {
        return new PortMapping(PortMapping.State.NOT_MAPPED, Optional.empty(), 0, why);
    }

    private void publish(PortMapping s) {
        status = s;
        log.info("port mapping: {}", s.describe());
    }

    /** Removes the mapping we made, if any (waiting a little for the router), and stops. */
    @Override
    public void close() {
        if (!enabled) {
            return;
        }
        Future<?> removal = thread.submit(this::unmap);
        try {
            removal.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.info("port mapping: could not remove the mapping: {}", e.toString());
        }
        thread.shutdownNow();
    }

    private void unmap() {
        Gateway gateway;
        int port;
        synchronized (this) {
            gateway = mapped;
            port = mappedPort;
            mapped = null;
        }
        if (gateway == null) {
            return;
        }
        try {
            boolean removed = gateway.deleteTcpMapping(port);
            log.info("port mapping: {} port {} on {}", removed ? "removed" : "router refused to remove", port,
                    gateway.name());
        } catch (IOException | RuntimeException e) {
            log.info("port mapping: could not remove port {} on {}: {}", port, gateway.name(), e.getMessage());
        }
        publish(PortMapping.off());
    }
}
