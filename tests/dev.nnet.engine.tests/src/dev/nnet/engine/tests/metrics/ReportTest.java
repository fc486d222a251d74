package dev.nnet.engine.tests.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.metrics.ClassificationReport;
import dev.nnet.engine.metrics.RegressionReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluation metrics against values computed by hand. */
class ReportTest {
    private static final double EPS = 1e-12;

    /**
     * Confusion matrix [actual][predicted] of 20 samples:
     * <pre>
     *            a  b  c
     *   a        5  1  0     support 6
     *   b        2  6  2     support 10
     *   c        0  0  4     support 4
     * predicted  7  7  6
     * </pre>
     * precision a 5/7, b 6/7, c 4/6; recall a 5/6, b 6/10, c 4/4; accuracy 15/20.
     */
    @Test
    void classificationMetricsOfAFixedConfusionMatrix() {
        int[][] m = { { 5, 1, 0 }, { 2, 6, 2 }, { 0, 0, 4 } };
        ClassificationReport r = ClassificationReport.ofConfusion(m, List.of("a", "b", "c"));
        assertEquals(20, r.samples());
        assertEquals(0.75, r.accuracy(), EPS);
        assertEquals(5.0 / 7, r.precision(0), EPS);
        assertEquals(6.0 / 7, r.precision(1), EPS);
        assertEquals(4.0 / 6, r.precision(2), EPS);
        assertEquals(5.0 / 6, r.recall(0), EPS);
        assertEquals(0.6, r.recall(1), EPS);
        assertEquals(1.0, r.recall(2), EPS);
        double f1a = 2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6); // 10/13
        double f1b = 2 * (6.0 / 7) * 0.6 / (6.0 / 7 + 0.6); // 12/17
        double f1c = 2 * (4.0 / 6) * 1.0 / (4.0 / 6 + 1.0); // 4/5
        assertEquals(10.0 / 13, f1a, EPS);
        assertEquals(f1a, r.f1(0), EPS);
        assertEquals(12.0 / 17, r.f1(1), EPS);
        assertEquals(0.8, r.f1(2), EPS);
        assertEquals((5.0 / 7 + 6.0 / 7 + 4.0 / 6) / 3, r.macroPrecision(), EPS);
        assertEquals((5.0 / 6 + 0.6 + 1.0) / 3, r.macroRecall(), EPS);
        assertEquals((10.0 / 13 + 12.0 / 17 + 0.8) / 3, r.macroF1(), EPS);
        assertEquals(10, r.support(1));
        String table = r.table();
        assertTrue(table.contains("accuracy 0.7500 (20 samples)"), table);
        assertTrue(table.contains("b             0.8571    0.6000    0.7059        10"), table);
        assertTrue(table.contains("macro avg     0.7460    0.8111    0.7584        20"), table);
        assertTrue(table.contains("b                  2         6         2"), table);
    }

    @Test
    void classificationFromPredictionsAndAnEmptyClass() {
        int[] actual = { 0, 0, 1, 1, 2 };
        int[] predicted = { 0, 1, 1, 1, 1 };
        ClassificationReport r = ClassificationReport.of(predicted, actual, List.of("x", "y", "z"));
        assertArrayEquals(new int[] { 1, 1, 0 }, r.confusion()[0]);
        assertEquals(0.0, r.precision(2)); // never predicted
        assertEquals(0.0, r.recall(2));
        assertEquals(0.0, r.f1(2));
        assertEquals(0.6, r.accuracy(), EPS);
    }

    @Test
    void regressionMetricsByHand() {
        double[][] t = { { 3 }, { -0.5 }, { 2 }, { 7 } };
        double[][] p = { { 2.5 }, { 0.0 }, { 2 }, { 8 } };
        RegressionReport r = RegressionReport.of(p, t);
        // errors 0.5, -0.5, 0, -1: squares 0.25 0.25 0 1 -> mse 0.375; mae 2/4 = 0.5
        assertEquals(0.375, r.mse(), EPS);
        assertEquals(0.5, r.mae(), EPS);
        assertEquals(Math.sqrt(0.375), r.rmse(), EPS);
        // mean of t 2.875; ss_tot = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875; r2 = 1 - 1.5 / 29.1875
        assertEquals(1 - 1.5 / 29.1875, r.r2(), EPS);
        assertEquals(0.948608137, r.r2(), 1e-9); // scikit-learn's r2_score example
        assertEquals(1.0, RegressionReport.of(new double[][] { { 1 }, { 1 } }, new double[][] { { 1 }, { 1 } }).r2());
    }
}
