package dev.shoal.ui;

import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.Role;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.ToolTipManager;
import javax.swing.UIManager;
import org.jgrapht.alg.drawing.model.Point2D;

/**
 * Paints a {@link MapScene} where {@link MapLayout} placed it. Shape says the role (ultrapeers
 * round, leaves square), colour the direction (blue: we dialled it, purple: it dialled us; grey:
 * a host beyond our links); what a selected search or download touched is drawn in the accent
 * colour with a line saying why. Colours come from the look and feel where they can, so both
 * themes read well; sizes follow the font.
 */
final class MapView extends JComponent {
    static final Color SELF_COLOR = new Color(0xf08c2e);
    static final Color OUT_COLOR = new Color(0x3d8fd9);
    static final Color IN_COLOR = new Color(0x9c5fd0);
    static final Color BEYOND_COLOR = new Color(0x8c96a0);
    static final Color HIGHLIGHT = new Color(0xe5484d);

    private final MapLayout layout = new MapLayout();
    private MapScene scene = MapScene.of(new NetworkMap("", Role.LEAF, List.of(), List.of()));
    private Map<String, Point2D> placed = Map.of();
    private final Map<String, Point> drawnAt = new HashMap<>();

    MapView() {
        setName("networkMap");
        setPreferredSize(new Dimension(Widgets.px(700), Widgets.px(460)));
        ToolTipManager.sharedInstance().registerComponent(this);
    }

    /** EDT only: shows {@code next}, placed by the layout (hosts already shown stay about where they were). */
    void show(MapScene next) {
        scene = next;
        placed = layout.place(next);
        repaint();
    }

    /** EDT only: how many vertices have a place. */
    int placedCount() {
        return placed.size();
    }

    /** EDT only: what is drawn now. */
    MapScene scene() {
        return scene;
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int r = Widgets.px(14);
        for (Map.Entry<String, Point> p : drawnAt.entrySet()) {
            if (p.getValue().distance(e.getPoint()) <= r) {
                MapScene.Vertex v = scene.vertex(p.getKey());
                if (v != null) {
                    return v.title() + " \u2014 " + v.detail() + (v.note().isEmpty() ? "" : " \u2014 " + v.note());
                }
            }
        }
        return null;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(UIManager.getFont("Label.font"));
            FontMetrics fm = g.getFontMetrics();
            int marginX = fm.stringWidth("255.255.255.255:65535") / 2 + Widgets.px(8);
            int marginY = fm.getHeight() * 2;
            int w = Math.max(1, getWidth() - 2 * marginX);
            int h = Math.max(1, getHeight() - 2 * marginY - fm.getHeight() * 2);
            drawnAt.clear();
            for (MapScene.Vertex v : scene.vertices()) {
                Point2D p = placed.get(v.id());
                if (p != null) {
                    drawnAt.put(v.id(), new Point(marginX + (int) Math.round(p.getX() * w),
                            marginY + (int) Math.round(p.getY() * h)));
                }
            }
            for (MapScene.Edge e : scene.edges()) {
                paintEdge(g, e);
            }
            for (MapScene.Vertex v : scene.vertices()) {
                paintVertex(g, v, fm);
            }
        } finally {
            g.dispose();
        }
    }

    private void paintEdge(Graphics2D g, MapScene.Edge e) {
        Point a = drawnAt.get(e.from());
        Point b = drawnAt.get(e.to());
        if (a == null || b == null) {
            return;
        }
        float width = Widgets.px(e.highlighted() ? 3 : 1);
        Stroke stroke = switch (e.kind()) {
            case SUGGESTED, HIT_PATH, TRANSFER -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1, new float[] {Widgets.px(4), Widgets.px(4)}, 0);
            default -> new BasicStroke(width);
        };
        g.setStroke(stroke);
        g.setColor(e.highlighted() ? HIGHLIGHT : lineColor());
        g.draw(new Line2D.Double(a, b));
        if (e.kind() == MapScene.EdgeKind.LINK || e.kind() == MapScene.EdgeKind.TRANSFER) {
            arrowHead(g, a, b);
        }
        if (!e.label().isEmpty()) {
            g.drawString(e.label(), (a.x + b.x) / 2 + Widgets.px(4), (a.y + b.y) / 2);
        }
    }

    /** A small arrow two thirds along, pointing from who dialled to who answered. */
    private static void arrowHead(Graphics2D g, Point a, Point b) {
        double angle = Math.atan2(b.y - a.y, b.x - a.x);
        double x = a.x + (b.x - a.x) * 0.62;
        double y = a.y + (b.y - a.y) * 0.62;
        double len = Widgets.px(8);
        Path2D head = new Path2D.Double();
        head.moveTo(x, y);
        head.lineTo(x - len * Math.cos(angle - 0.4), y - len * Math.sin(angle - 0.4));
        head.lineTo(x - len * Math.cos(angle + 0.4), y - len * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    private void paintVertex(Graphics2D g, MapScene.Vertex v, FontMetrics fm) {
        Point p = drawnAt.get(v.id());
        if (p == null) {
            return;
        }
        int r = Widgets.px(switch (v.kind()) {
            case SELF -> 14;
            case LINK -> v.role() == Role.ULTRAPEER ? 11 : 8;
            default -> v.role() == Role.ULTRAPEER ? 8 : 6;
        });
        Shape shape = v.role() == Role.ULTRAPEER || v.kind() == MapScene.Kind.SELF
                ? new Ellipse2D.Double(p.x - r, p.y - r, 2 * r, 2 * r)
                : new RoundRectangle2D.Double(p.x - r, p.y - r, 2 * r, 2 * r, r / 2.0, r / 2.0);
        g.setColor(fill(v));
        g.fill(shape);
        g.setStroke(new BasicStroke(Widgets.px(v.highlighted() ? 3 : 1)));
        g.setColor(v.highlighted() ? HIGHLIGHT : lineColor());
        g.draw(shape);
        int y = p.y + r + fm.getAscent();
        g.setColor(UIManager.getColor("Label.foreground"));
        centred(g, fm, v.title(), p.x, y);
        g.setColor(UIManager.getColor("Label.disabledForeground"));
        centred(g, fm, v.detail(), p.x, y + fm.getHeight());
        if (v.highlighted() && !v.note().isEmpty()) {
            g.setColor(HIGHLIGHT);
            centred(g, fm, v.note(), p.x, y + 2 * fm.getHeight());
        }
    }

    private static Color fill(MapScene.Vertex v) {
        return switch (v.kind()) {
            case SELF -> SELF_COLOR;
            case LINK -> v.outgoing() ? OUT_COLOR : IN_COLOR;
            case BEYOND, RESPONDER -> BEYOND_COLOR;
            case SOURCE -> OUT_COLOR.brighter();
        };
    }

    private static Color lineColor() {
        Color c = UIManager.getColor("Separator.foreground");
        return c == null ? Color.GRAY : c;
    }

    private static void centred(Graphics2D g, FontMetrics fm, String text, int x, int y) {
        g.drawString(text, x - fm.stringWidth(text) / 2, y);
    }
}
