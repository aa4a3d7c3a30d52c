package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.SearchReach;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapSceneTest {
    private final NetworkMap map = new NetworkMap("127.0.0.1:6000", Role.LEAF,
            List.of(new NetworkMap.Link(1, "10.0.0.1:6346", true, "gtk-gnutella/1.2.3", "gtk-gnutella", true, 2048,
                    1024, 10, 5),
                    new NetworkMap.Link(2, "10.0.0.2:6346", true, "Shoal/0.1", "Shoal", false, 0, 0, 0, 0)),
            List.of(new NetworkMap.Neighbour("10.0.0.9:6346", 1, true, NetworkMap.Heard.PONG),
                    new NetworkMap.Neighbour("10.0.0.8:6346", 2, true, NetworkMap.Heard.TRY_HEADER)));

    @Test
    void linksAreDrawnFromWhoeverDialledAndHostsBeyondFromTheLinkThatNamedThem() {
        MapScene s = MapScene.of(map);

        assertThat(s.vertices()).extracting(MapScene.Vertex::id).containsExactly("self", "link:1", "link:2",
                "host:10.0.0.9:6346", "host:10.0.0.8:6346");
        assertThat(s.vertex("link:1").detail()).isEqualTo("gtk-gnutella  \u21932.0 KiB \u21911.0 KiB");
        assertThat(s.edges()).containsExactly(
                new MapScene.Edge("self", "link:1", MapScene.EdgeKind.LINK, false, ""),
                new MapScene.Edge("link:2", "self", MapScene.EdgeKind.LINK, false, ""),
                new MapScene.Edge("link:1", "host:10.0.0.9:6346", MapScene.EdgeKind.PONG, false, ""),
                new MapScene.Edge("link:2", "host:10.0.0.8:6346", MapScene.EdgeKind.SUGGESTED, false, ""));
        assertThat(s.vertices()).noneMatch(MapScene.Vertex::highlighted);
    }

    @Test
    void aSearchLightsUpItsLinksAndEachHitsWayBackAsFarAsItIsKnown() {
        SearchReach reach = new SearchReach(
                List.of(new SearchReach.Queried(1, "10.0.0.1:6346"), new SearchReach.Queried(2, "10.0.0.2:6346")),
                List.of(new SearchReach.HitPath(1, "10.0.0.1:6346", 0, "10.0.0.1:6346", "a".repeat(32), "GTKG", false, 2),
                        new SearchReach.HitPath(1, "10.0.0.1:6346", 1, "10.0.0.9:6346", "b".repeat(32), "LIME", false, 1),
                        new SearchReach.HitPath(2, "10.0.0.2:6346", 3, "192.168.1.4:6346", "c".repeat(32), "RAZA", true,
                                5)), 0);

        MapScene s = MapScene.of(map, reach);

        assertThat(s.vertex("link:1").note()).isEqualTo("2 results from this peer; relayed hits");
        assertThat(s.vertex("link:2").note()).isEqualTo("relayed hits");
        // One relay: the responder is the link's known neighbour, so the whole path is drawn.
        assertThat(s.vertex("host:10.0.0.9:6346").note()).isEqualTo("1 result (LimeWire)");
        assertThat(s.edges()).contains(new MapScene.Edge("link:1", "host:10.0.0.9:6346", MapScene.EdgeKind.PONG, true,
                ""));
        // Three relays: only the ends, the first link and the length are known.
        MapScene.Vertex far = s.vertex("hit:" + "c".repeat(32));
        assertThat(far.kind()).isEqualTo(MapScene.Kind.RESPONDER);
        assertThat(far.detail()).isEqualTo("Shareaza, firewalled");
        assertThat(s.edges()).contains(new MapScene.Edge("link:2", far.id(), MapScene.EdgeKind.HIT_PATH, true,
                "2 more relays"));
        assertThat(s.vertex("host:10.0.0.8:6346").highlighted()).isFalse();
    }

    @Test
    void hitsByUdpComeStraightFromAPeerOrFromAHostDrawnBesideUs() {
        SearchReach reach = new SearchReach(List.of(new SearchReach.Queried(1, "10.0.0.1:6346")),
                List.of(new SearchReach.HitPath(SearchReach.BY_UDP, "10.0.0.1:6346", 0, "10.0.0.1:6346",
                        "a".repeat(32), "GTKG", false, 2),
                        new SearchReach.HitPath(SearchReach.BY_UDP, "10.0.0.5:6346", 0, "10.0.0.5:6346",
                                "d".repeat(32), "SHOL", false, 1)), 0);

        MapScene s = MapScene.of(map, reach);

        assertThat(s.vertex("link:1").note()).isEqualTo("2 results from this peer, by UDP");
        MapScene.Vertex far = s.vertex("hit:" + "d".repeat(32));
        assertThat(far.note()).isEqualTo("1 result by UDP");
        assertThat(s.edges()).contains(new MapScene.Edge("self", far.id(), MapScene.EdgeKind.HIT_PATH, true, "by UDP"));
        assertThat(MapPanel.describe(reach)).contains("2 responders",
                "10.0.0.5:6346 (Shoal): 1 result by UDP, straight from it");
    }

    @Test
    void aDownloadMarksItsSourcesOnTheMapOrAddsThemWithWhyTheyAreSlow() {
        DownloadInfo d = new DownloadInfo("id", "urn:sha1:X", "song.ogg", 100, 10, 5, 1, 2, DownloadState.DOWNLOADING, "",
                "", List.of(new SourceProgress("10.0.0.2:6346", 10, 5, SourceState.DOWNLOADING, false, 0, -1, false,
                        true),
                        new SourceProgress("10.0.0.7:6346", 0, 0, SourceState.WAITING, true, 4, 20, false, false)),
                List.of());

        MapScene s = MapScene.of(map, d);

        assertThat(s.vertex("link:2").note()).isEqualTo("slow source: 5 B/s");
        MapScene.Vertex queued = s.vertex("source:10.0.0.7:6346");
        assertThat(queued.kind()).isEqualTo(MapScene.Kind.SOURCE);
        assertThat(queued.note()).isEqualTo("queued at position 4, asked again in 20 s");
        assertThat(s.edges()).contains(new MapScene.Edge(queued.id(), "self", MapScene.EdgeKind.TRANSFER, true, ""));
    }
}
