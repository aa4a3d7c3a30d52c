package dev.shoal.node.portmap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A home router's UPnP side on 127.0.0.1: serves an Internet Gateway Device description at
 * {@link #location()} and answers the WANIPConnection SOAP actions a port mapper sends
 * (GetExternalIPAddress, AddPortMapping, DeletePortMapping), keeping the mappings it holds. It is
 * reached only at the URL the test gives the mapper: nothing is multicast.
 */
public final class FakeUpnpRouter implements AutoCloseable {
    public static final String EXTERNAL_IP = "203.0.113.7";
    private static final String SERVICE = "urn:schemas-upnp-org:service:WANIPConnection:1";
    private static final Pattern ARG = Pattern.compile("<(New[A-Za-z]+)>([^<]*)</\\1>");

    /** One port mapping the router holds. */
    public record Mapping(int externalPort, int internalPort, String internalClient, String protocol,
            String description) {
    }

    private final HttpServer server;
    public final List<String> actions = new CopyOnWriteArrayList<>();
    public final List<Mapping> mappings = new CopyOnWriteArrayList<>();
    private volatile boolean refuseMappings;

    public FakeUpnpRouter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rootDesc.xml", this::description);
        server.createContext("/ctl/IPConn", this::control);
        server.start();
    }

    public URI location() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rootDesc.xml");
    }

    /** From now on AddPortMapping answers a SOAP fault (as a router whose port is taken). */
    void refuseMappings() {
        refuseMappings = true;
    }

    private void description(HttpExchange x) throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <root xmlns="urn:schemas-upnp-org:device-1-0">
                <specVersion><major>1</major><minor>0</minor></specVersion>
                <device>
                <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
                <friendlyName>Fake Router</friendlyName>
                <deviceList><device>
                <deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
                <serviceList><service>
                <serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1</serviceType>
                <serviceId>urn:upnp-org:serviceId:WANCommonIFC1</serviceId>
                <controlURL>/ctl/CmnIfCfg</controlURL>
                <eventSubURL>/evt/CmnIfCfg</eventSubURL>
                <SCPDURL>/WANCfg.xml</SCPDURL>
                </service></serviceList>
                <deviceList><device>
                <deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
                <serviceList><service>
                <serviceType>%s</serviceType>
                <serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>
                <controlURL>/ctl/IPConn</controlURL>
                <eventSubURL>/evt/IPConn</eventSubURL>
                <SCPDURL>/WANIPCn.xml</SCPDURL>
                </service></serviceList>
                </device></deviceList>
                </device></deviceList>
                </device>
                </root>
                """.formatted(SERVICE);
        reply(x, 200, xml);
    }

    private void control(HttpExchange x) throws IOException {
        String soapAction = x.getRequestHeaders().getFirst("SOAPAction");
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String action = soapAction == null ? "" : soapAction.replace("\"", "").replaceFirst(".*#", "");
        actions.add(action);
        switch (action) {
            case "GetExternalIPAddress" -> reply(x, 200, envelope(action,
                    "<NewExternalIPAddress>" + EXTERNAL_IP + "</NewExternalIPAddress>"));
            case "AddPortMapping" -> {
                if (refuseMappings) {
                    reply(x, 500, fault(718, "ConflictInMappingEntry"));
                    return;
                }
                mappings.add(new Mapping(Integer.parseInt(arg(body, "NewExternalPort")),
                        Integer.parseInt(arg(body, "NewInternalPort")), arg(body, "NewInternalClient"),
                        arg(body, "NewProtocol"), arg(body, "NewPortMappingDescription")));
                reply(x, 200, envelope(action, ""));
            }
            case "DeletePortMapping" -> {
                int port = Integer.parseInt(arg(body, "NewExternalPort"));
                String protocol = arg(body, "NewProtocol");
                mappings.removeIf(m -> m.externalPort() == port && m.protocol().equals(protocol));
                reply(x, 200, envelope(action, ""));
            }
            default -> reply(x, 500, fault(401, "Invalid Action"));
        }
    }

    private static String arg(String body, String name) {
        Matcher m = ARG.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + body);
    }

    private static String envelope(String action, String args) {
        return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:" + action
                + "Response xmlns:u=\"" + SERVICE + "\">" + args + "</u:" + action + "Response></s:Body></s:Envelope>";
    }

    private static String fault(int code, String text) {
        return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><s:Fault>"
                + "<faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>"
                + "<UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>" + code + "</errorCode>"
                + "<errorDescription>" + text + "</errorDescription></UPnPError></detail></s:Fault></s:Body>"
                + "</s:Envelope>";
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/xml; charset=\"utf-8\"");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
