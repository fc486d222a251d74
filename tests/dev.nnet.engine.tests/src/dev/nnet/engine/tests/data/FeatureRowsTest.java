package dev.nnet.engine.tests.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.FeatureRows;

/** The rows predict and evaluate read: by name or position, line numbers, blank lines, and slices. */
public class FeatureRowsTest {

    @Test
    public void columnsByNameWithLinesAndSlices(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("b,label,a\n");
        int n = 1000; // the storage is sized from a count of the non-blank lines (header included)
        for (int i = 0; i < n; i++) {
            csv.append(i).append(",c").append(i % 3).append(',').append(-i * 0.5).append('\n');
            if (i == 10) {
                csv.append('\n'); // a blank line: skipped, later rows keep their own line numbers
            }
        }
        Path file = Files.writeString(dir.resolve("rows.csv"), csv);
        FeatureRows rows = FeatureRows.read(file, List.of("a", "b"), 2, "label");
        assertTrue(rows.hasHeader());
        assertEquals(n, rows.rows());
        double[][] all = rows.features();
        assertEquals(n, all.length);
        assertArrayEquals(new double[] { -499.5, 999 }, all[n - 1]);
        assertEquals(2, rows.line(0));
        assertEquals(14, rows.line(11), "after the blank line (line 13)");
        assertEquals("c2", rows.labels()[998]);
        double[][] slice = rows.features(500, 503);
        assertEquals(3, slice.length);
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(all[500 + r], slice[r]);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> rows.line(n), "no row past the data");
        assertThrows(IndexOutOfBoundsException.class, () -> rows.features(0, n + 1));
    }

    @Test
    public void aBadCellNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "1,2\n3,x\n");
        CsvException e = assertThrows(CsvException.class, () -> FeatureRows.read(file, null, 2, null));
        assertTrue(e.getMessage().contains(":2:2"), e.getMessage());
    }
}
