package dev.dateline.cli;

import dev.dateline.Histogram;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * {@code search --chart}: the histogram as a timeline chart, one bar per bucket spanning the
 * bucket's time, drawn by JFreeChart, written as SVG (JFreeSVG) or PNG. Only the CLI depends on
 * these libraries.
 */
final class Charts {
  static final int WIDTH = 1000;
  static final int HEIGHT = 420;

  private Charts() {}

  /** Refuses a chart file that is neither .svg nor .png (before any work is done). */
  static void checkName(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".svg") && !name.endsWith(".png")) {
      throw new Main.UsageException("--chart must name a .svg or .png file, not '" + file + "'");
    }
  }

  static JFreeChart chart(Histogram h, String query) {
    XYIntervalSeries series = new XYIntervalSeries("articles");
    for (Histogram.Bucket b : h.buckets()) {
      double start = b.start().toInstant().toEpochMilli();
      double end = b.end().toEpochMilli();
      series.add(start, start, end, b.count(), b.count(), b.count());
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(series);
    String title = (query.isBlank() ? "All articles" : "\u201C" + Output.printable(query) + "\u201D")
        + " per " + h.interval().key()
        + (h.undated() > 0 ? " (" + h.undated() + " undated not shown)" : "");
    JFreeChart chart =
        ChartFactory.createXYBarChart(
            title, "published (" + h.zone().getId() + ")", true, "articles", data);
    chart.removeLegend();
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone(h.zone()));
    XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x2B6CB0));
    renderer.setMargin(0.1);
    return chart;
  }

  /** Writes the chart to {@code file}, SVG or PNG by its extension. */
  static void write(Path file, Histogram h, String query) {
    checkName(file);
    System.setProperty("java.awt.headless", "true");
    JFreeChart chart = chart(h, query);
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        Files.writeString(file, g2.getSVGDocument());
      } else {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
      }
    } catch (IOException e) {
      throw new Main.Failure(Main.EXIT_FAILURE, "cannot write chart " + file + ": " + e.getMessage());
    }
  }
}
