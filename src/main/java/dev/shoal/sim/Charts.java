package dev.shoal.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots drawn with JFreeChart (off-screen): success on top, query messages per query below on a
 * logarithmic axis, one line per series, against a shared x axis.
 */
final class Charts {
    static final int WIDTH = 760;
    static final int HEIGHT = 620;
    /** One colour per series, the same in both panels (blue, orange, green, red, purple). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd)};

    private Charts() {
    }

    /** One curve: its name and its points (x, success 0..1, messages per query). */
    record Series(String name, List<double[]> points) {
    }

    /** Success and messages against TTL for the lines of one run. */
    static void perTtl(List<SimResult> results, Path png) throws IOException {
        Map<String, List<double[]>> byMode = new LinkedHashMap<>();
        for (SimResult r : results) {
            byMode.computeIfAbsent(r.mode(), k -> new java.util.ArrayList<>())
                    .add(new double[] {r.ttl(), r.success(), r.messagesPerQuery()});
        }
        SimSettings s = results.get(0).settings();
        String title = String.format(java.util.Locale.ROOT, "%s, %,d nodes, replication %s", s.topology().label,
                s.nodes(), SimCommand.ratio(s.replication()));
        draw(title, "TTL", false, byMode.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue())).toList(),
                png);
    }

    /** Lines with points in the palette's colours; only the top panel's series go in the legend. */
    private static XYLineAndShapeRenderer renderer(int count, boolean inLegend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < count; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        r.setDefaultSeriesVisibleInLegend(inLegend);
        return r;
    }

    static void draw(String title, String xLabel, boolean logX, List<Series> series, Path png) throws IOException {
        XYSeriesCollection success = new XYSeriesCollection();
        XYSeriesCollection messages = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries a = new XYSeries(s.name(), false);
            XYSeries b = new XYSeries(s.name(), false);
            for (double[] p : s.points()) {
                a.add(p[0], 100 * p[1]);
                if (!Double.isNaN(p[2]) && p[2] > 0) {
                    b.add(p[0], p[2]);
                }
            }
            success.addSeries(a);
            messages.addSeries(b);
        }
        NumberAxis percent = new NumberAxis("success %");
        percent.setRange(0, 102);
        XYPlot top = new XYPlot(success, null, percent, renderer(series.size(), true));
        LogAxis log = new LogAxis("query messages per query");
        log.setSmallestValue(1);
        log.setTickUnit(new NumberTickUnit(1));
        log.setNumberFormatOverride(new DecimalFormat("#,##0"));
        XYPlot bottom = new XYPlot(messages, null, log, renderer(series.size(), false));
        for (XYPlot p : List.of(top, bottom)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        ValueAxis x;
        if (logX) {
            LogAxis lx = new LogAxis(xLabel);
            lx.setSmallestValue(1e-6);
            lx.setNumberFormatOverride(new DecimalFormat("0.###%"));
            x = lx;
        } else {
            NumberAxis nx = new NumberAxis(xLabel);
            nx.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            x = nx;
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Path dir = png.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
