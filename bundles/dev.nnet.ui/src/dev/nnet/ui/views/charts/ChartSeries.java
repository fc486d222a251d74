package dev.nnet.ui.views.charts;

/**
 * One line of a chart.
 *
 * @param label     legend text
 * @param rgb       color 0xRRGGBB
 * @param lineStyle an {@code SWT.LINE_*} style
 * @param x         x values (epochs)
 * @param y         y values; non-finite values (and non-positive ones on a log axis) are gaps
 */
public record ChartSeries(String label, int rgb, int lineStyle, double[] x, double[] y) {
}
