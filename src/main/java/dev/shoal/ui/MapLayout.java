package dev.shoal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.LayoutModel2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Places a {@link MapScene} with JGraphT's force-directed layout (Fruchterman-Reingold) in a unit
 * square, our node pinned at the centre. Hosts already placed start where they were, so a live
 * map moves only as much as the network changed; the layout's randomness is seeded, so the same
 * network is drawn the same way. EDT only (it is quick for the few dozen vertices a servent knows).
 */
final class MapLayout {
    private static final int ITERATIONS = 150;
    private static final long SEED = 6346;
    private static final Point2D CENTRE = Point2D.of(0.5, 0.5);

    private Map<String, Point2D> placed = Map.of();
    private List<String> placedIds = List.of();

    /** Where each vertex goes, x and y in [0, 1]; recomputed only when the vertices changed. */
    Map<String, Point2D> place(MapScene scene) {
        List<String> ids = scene.vertices().stream().map(MapScene.Vertex::id).toList();
        if (ids.equals(placedIds)) {
            return placed;
        }
        Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        ids.forEach(graph::addVertex);
        for (MapScene.Edge e : scene.edges()) {
            if (!e.from().equals(e.to()) && graph.containsVertex(e.from()) && graph.containsVertex(e.to())) {
                graph.addEdge(e.from(), e.to());
            }
        }
        LayoutModel2D<String> model = new MapLayoutModel2D<>(new Box2D(1.0, 1.0));
        model.put(MapScene.SELF, CENTRE);
        model.setFixed(MapScene.SELF, true);
        FRLayoutAlgorithm2D<String, DefaultEdge> fr = new FRLayoutAlgorithm2D<>(ITERATIONS,
                FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(SEED));
        Map<String, Point2D> before = placed;
        Random fresh = new Random(SEED);
        Function<String, Point2D> start = v -> v.equals(MapScene.SELF) ? CENTRE
                : before.getOrDefault(v, Point2D.of(fresh.nextDouble(), fresh.nextDouble()));
        fr.setInitializer(start);
        fr.layout(graph, model);
        Map<String, Point2D> out = new HashMap<>();
        for (String id : ids) {
            out.put(id, model.get(id));
        }
        placed = out;
        placedIds = ids;
        return out;
    }
}
