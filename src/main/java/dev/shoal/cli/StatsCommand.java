package dev.shoal.cli;

import dev.shoal.json.JsonLine;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.Shoal;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shoal stats}: what a running node on this machine has dropped, refused and closed, by reason. */
@Command(name = "stats",
        description = {"Show what a running node on this machine dropped, refused and closed, by reason.",
            "Asks the node over HTTP on its own port; a node answers only clients on its own machine."})
final class StatsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--peer", paramLabel = "HOST:PORT", required = true, converter = HostPortConverter.class,
            description = "The node to ask: the address 'shoal node' printed when it started.")
    InetSocketAddress peer;

    @Option(names = "--json", description = "Print the node's sockets as one JSON object, then one per reason.")
    boolean json;

    @Option(names = "--all", description = "List every reason, also those counted zero times.")
    boolean all;

    @Override
    public Integer call() {
        NodeStats stats = Shoal.stats(peer);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> gauges = new LinkedHashMap<>();
            gauges.put("links", stats.links());
            gauges.put("handshaking", stats.handshaking());
            gauges.put("http_sessions", stats.httpSessions());
            gauges.put("banned_addresses", stats.bannedAddresses());
            out.println(JsonLine.of(gauges));
        } else {
            out.printf("%s, %d handshaking, %s, %d %s banned%n", Units.plural(stats.links(), "link"),
                    stats.handshaking(), Units.plural(stats.httpSessions(), "HTTP session"), stats.bannedAddresses(),
                    stats.bannedAddresses() == 1 ? "address" : "addresses");
            out.printf("%s dropped, %s refused, %d links and sessions closed, %s dropped%n",
                    Units.plural(stats.total("message"), "message"), Units.plural(stats.total("connection"), "connection"),
                    stats.total("close"), Units.plural(stats.total("datagram"), "UDP datagram"));
        }
        for (NodeStats.Drop d : stats.drops()) {
            if (d.count() == 0 && !all) {
                continue;
            }
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("reason", d.reason());
                fields.put("group", d.group());
                fields.put("count", d.count());
                fields.put("description", d.description());
                out.println(JsonLine.of(fields));
            } else {
                out.printf("%12d  %-10s  %-17s  %s%n", d.count(), d.group(), d.reason(), d.description());
            }
        }
        out.flush();
        return 0;
    }
}
