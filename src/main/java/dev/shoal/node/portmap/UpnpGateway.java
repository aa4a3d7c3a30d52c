package dev.shoal.node.portmap;

import dev.shoal.protocol.HostPort;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.bitlet.weupnp.GatewayDevice;
import org.bitlet.weupnp.GatewayDiscover;
import org.xml.sax.SAXException;

/** A UPnP Internet Gateway Device, spoken to through weupnp (SOAP over HTTP to its control URL). */
final class UpnpGateway implements Gateway {
    private static final String TCP = "TCP";
    /** weupnp's SOAP read timeout; a router that takes longer is not worth waiting for. */
    static final int HTTP_TIMEOUT_MILLIS = 5_000;

    private final GatewayDevice device;

    private UpnpGateway(GatewayDevice device) {
        this.device = device;
    }

    /** The router whose description is at {@code location}; nothing is multicast. */
    static UpnpGateway at(URI location) throws IOException {
        GatewayDevice.setHttpReadTimeout(HTTP_TIMEOUT_MILLIS);
        GatewayDevice d = new GatewayDevice();
        d.setLocation(location.toString());
        d.setLocalAddress(localAddressTowards(location));
        try {
            d.loadDescription();
        } catch (SAXException e) {
            throw new IOException("the router's description is not valid XML: " + e.getMessage(), e);
        }
        if (d.getControlURL() == null || d.getServiceType() == null) {
            throw new IOException("the device at " + location + " offers no WAN connection service");
        }
        return new UpnpGateway(d);
    }

    /** SSDP discovery on the local networks (multicast); only when port mapping is on and no router is named. */
    static Optional<Gateway> discover() throws IOException {
        GatewayDevice.setHttpReadTimeout(HTTP_TIMEOUT_MILLIS);
        GatewayDiscover discover = new GatewayDiscover();
        try {
            discover.discover();
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("a router answered with a bad description: " + e.getMessage(), e);
        }
        return Optional.ofNullable(discover.getValidGateway()).map(UpnpGateway::new);
    }

    /** The local address the system would use to reach {@code location}; a connected UDP socket sends nothing. */
    private static InetAddress localAddressTowards(URI location) throws IOException {
        int port = location.getPort() > 0 ? location.getPort() : 80;
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(location.getHost(), port));
            return s.getLocalAddress();
        }
    }

    @Override
    public String name() {
        String friendly = device.getFriendlyName();
        return friendly == null || friendly.isBlank() ? URI.create(device.getLocation()).getHost() : friendly;
    }

    @Override
    public InetAddress localAddress() {
        return device.getLocalAddress();
    }

    @Override
    public Optional<InetAddress> externalAddress() throws IOException {
        try {
            String ip = device.getExternalIPAddress();
            return ip == null || ip.isBlank() ? Optional.empty()
                    : HostPort.parseAddress(ip.strip());
        } catch (SAXException e) {
            throw new IOException("the router's answer is not valid XML: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean addTcpMapping(int externalPort, int internalPort, String description) throws IOException {
        try {
            return device.addPortMapping(externalPort, internalPort, localAddress().getHostAddress(), TCP,
                    description);
        } catch (SAXException e) {
            throw new IOException("the router's answer is not valid XML: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean deleteTcpMapping(int externalPort) throws IOException {
        try {
            return device.deletePortMapping(externalPort, TCP);
        } catch (SAXException e) {
            throw new IOException("the router's answer is not valid XML: " + e.getMessage(), e);
        }
    }
}
