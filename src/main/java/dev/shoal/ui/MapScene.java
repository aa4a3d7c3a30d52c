package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.SearchReach;
import dev.shoal.node.api.SourceProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the network map draws, worked out from the node's {@link NetworkMap} and, when one is
 * selected, a search's {@link SearchReach} or a download's sources: vertices with their kind,
 * labels and highlight, and the edges between them. No layout and no Swing: {@link MapLayout}
 * places it, {@link MapView} paints it.
 */
final class MapScene {
    /** What a vertex stands for, which decides its shape and colour. */
    enum Kind {
        SELF, LINK, BEYOND, RESPONDER, SOURCE
    }

    /** How an edge was learnt. */
    enum EdgeKind {
        /** One of our Gnutella links, drawn from whoever dialled. */
        LINK,
        /** A host beyond a link, learnt from a pong (solid) or the link's handshake (dotted). */
        PONG, SUGGESTED,
        /** A hit's way back past what we know: {@code label} says how many servents relayed it. */
        HIT_PATH,
        /** A download source's HTTP connection. */
        TRANSFER
    }

    /**
     * @param id stable across refreshes while the thing it stands for lasts
     * @param title first label line (address); {@code detail} the second (vendor and traffic)
     * @param note why it is highlighted (a search's results, a source's state), or empty
     */
    record Vertex(String id, Kind kind, Role role, boolean outgoing, String title, String detail, boolean highlighted,
            String note) {
    }

    record Edge(String from, String to, EdgeKind kind, boolean highlighted, String label) {
    }

    static final String SELF = "self";

    private final Map<String, Vertex> vertices = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    List<Vertex> vertices() {
        return List.copyOf(vertices.values());
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    Vertex vertex(String id) {
        return vertices.get(id);
    }

    static String linkId(long id) {
        return "link:" + id;
    }

    /** The map alone. */
    static MapScene of(NetworkMap map) {
        MapScene s = new MapScene();
        s.vertices.put(SELF, new Vertex(SELF, Kind.SELF, map.role(), false, "You (" + map.role().label() + ")",
                map.address(), false, ""));
        for (NetworkMap.Link l : map.links()) {
            String id = linkId(l.id());
            s.vertices.put(id, new Vertex(id, Kind.LINK, l.role(), l.outgoing(), l.address(),
                    (l.vendor().isEmpty() ? "?" : l.vendor()) + "  \u2193" + Format.bytes(l.bytesIn()) + " \u2191"
                            + Format.bytes(l.bytesOut()), false, ""));
            s.edges.add(l.outgoing() ? new Edge(SELF, id, EdgeKind.LINK, false, "")
                    : new Edge(id, SELF, EdgeKind.LINK, false, ""));
        }
        for (NetworkMap.Neighbour n : map.neighbours()) {
            String id = "host:" + n.address();
            s.vertices.putIfAbsent(id, new Vertex(id, Kind.BEYOND, n.ultrapeer() ? Role.ULTRAPEER : Role.LEAF, false,
                    n.address(), n.heard() == NetworkMap.Heard.PONG ? "its pong" : "suggested", false, ""));
            s.edges.add(new Edge(linkId(n.linkId()), id,
                    n.heard() == NetworkMap.Heard.PONG ? EdgeKind.PONG : EdgeKind.SUGGESTED, false, ""));
        }
        return s;
    }

    /**
     * The map with a search's way through it: the links it went to, and for each responder the
     * path its hits came back along as far as we know it.
     */
    static MapScene of(NetworkMap map, SearchReach reach) {
        MapScene s = of(map);
        for (SearchReach.Queried q : reach.queried()) {
            s.highlight(linkId(q.linkId()), "asked");
            s.highlightEdge(SELF, linkId(q.linkId()));
        }
        for (SearchReach.HitPath h : reach.hits()) {
            String results = h.results() + (h.results() == 1 ? " result" : " results");
            if (h.linkId() == SearchReach.BY_UDP) {
                s.hitByUdp(h, results);
                continue;
            }
            String link = linkId(h.linkId());
            if (h.hops() == 0) {
                s.highlight(link, results + " from this peer");
                continue;
            }
            s.highlight(link, "relayed hits");
            String beyond = "host:" + h.responder();
            if (h.hops() == 1 && s.vertices.containsKey(beyond) && s.hasEdge(link, beyond)) {
                s.highlight(beyond, results + " (" + Format.vendor(h.vendor()) + ")");
                s.highlightEdge(link, beyond);
                continue;
            }
            String id = "hit:" + h.serventId();
            s.vertices.putIfAbsent(id, new Vertex(id, Kind.RESPONDER, Role.LEAF, false, h.responder(),
                    Format.vendor(h.vendor()) + (h.firewalled() ? ", firewalled" : ""), true, results));
            s.edges.add(new Edge(link, id, EdgeKind.HIT_PATH, true,
                    h.hops() == 1 ? "" : h.hops() - 1 + " more " + (h.hops() == 2 ? "relay" : "relays")));
        }
        return s;
    }

    /** The map with a download's sources, each saying why it is slow (or that it is not). */
    static MapScene of(NetworkMap map, DownloadInfo download) {
        MapScene s = of(map);
        for (SourceProgress p : download.perSource()) {
            String address = p.address().replace(" (push)", "");
            String known = s.idOf(address);
            if (known != null) {
                s.highlight(known, p.why());
            } else {
                String id = "source:" + p.address();
                s.vertices.put(id, new Vertex(id, Kind.SOURCE, Role.LEAF, true, p.address(),
                        Format.bytes(p.bytes()), true, p.why()));
                s.edges.add(new Edge(id, SELF, EdgeKind.TRANSFER, true, ""));
            }
        }
        return s;
    }

    /** Out-of-band hits came straight from their responder: a peer of ours, or a host drawn beside us. */
    private void hitByUdp(SearchReach.HitPath h, String results) {
        String known = idOf(h.responder());
        if (known != null) {
            highlight(known, results + " from this peer, by UDP");
            return;
        }
        String id = "hit:" + h.serventId();
        vertices.putIfAbsent(id, new Vertex(id, Kind.RESPONDER, Role.LEAF, false, h.responder(),
                Format.vendor(h.vendor()) + (h.firewalled() ? ", firewalled" : ""), true, results + " by UDP"));
        edges.add(new Edge(SELF, id, EdgeKind.HIT_PATH, true, "by UDP"));
    }

    private String idOf(String address) {
        for (Vertex v : vertices.values()) {
            if ((v.kind() == Kind.LINK || v.kind() == Kind.BEYOND) && v.title().equals(address)) {
                return v.id();
            }
        }
        return null;
    }

    private void highlight(String id, String note) {
        Vertex v = vertices.get(id);
        if (v != null) {
            // "asked" is the least a link can say: what came back says more.
            String merged = v.note().isEmpty() || v.note().equals("asked") ? note
                    : v.note().contains(note) ? v.note() : v.note() + "; " + note;
            vertices.put(id, new Vertex(v.id(), v.kind(), v.role(), v.outgoing(), v.title(), v.detail(), true, merged));
        }
    }

    private boolean hasEdge(String a, String b) {
        return edges.stream().anyMatch(e -> e.from().equals(a) && e.to().equals(b) || e.from().equals(b) && e.to()
                .equals(a));
    }

    private void highlightEdge(String a, String b) {
        edges.replaceAll(e -> e.from().equals(a) && e.to().equals(b) || e.from().equals(b) && e.to().equals(a)
                ? new Edge(e.from(), e.to(), e.kind(), true, e.label()) : e);
    }
}
