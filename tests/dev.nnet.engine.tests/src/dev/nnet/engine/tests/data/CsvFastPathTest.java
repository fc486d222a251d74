package dev.nnet.engine.tests.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The loader's byte-level path (numbers parsed without a String per cell, rows split in one pass) gives exactly what
 * {@link Double#parseDouble} and the strict text rules give, and hands every unusual row to the strict path.
 */
class CsvFastPathTest {

    private static DataSet regression(String csv) throws CsvException {
        return CsvLoader.text("t.csv", csv).regression().load();
    }

    @Test
    void numbersAreBitForBitWhatParseDoubleGives() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<String> cells = new ArrayList<>(List.of("0", "-0", "+0.0", "5.", ".5", "-.25", "007", "0.000001",
                "123456789012345", "1234567890123456", "12345678901234567890123", "0.1234567890123456789",
                "00000000000000000000001.5", "1e22", "1e23", "1e-22", "1.7976931348623157e308", "4.9e-324",
                "1e-400", "2.2250738585072014E-308", "9007199254740993", "0.30000000000000004", "1E+5", "-3e-0"));
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextBoolean()) {
                s.append(random.nextBoolean() ? '-' : '+');
            }
            int intDigits = random.nextInt(0, 12);
            for (int d = 0; d < intDigits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            int fracDigits = intDigits == 0 ? random.nextInt(1, 12) : random.nextInt(0, 12);
            if (fracDigits > 0 || random.nextBoolean()) {
                s.append('.');
            }
            for (int d = 0; d < fracDigits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) == 0) {
                s.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "")
                        .append(random.nextInt(0, 40));
            }
            cells.add(s.toString());
        }
        StringBuilder csv = new StringBuilder("x,y\n");
        for (String c : cells) {
            csv.append(c).append(", ").append(c).append('\n');
        }
        DataSet data = regression(csv.toString());
        assertEquals(cells.size(), data.rows());
        for (int r = 0; r < cells.size(); r++) {
            double expected = Double.parseDouble(cells.get(r));
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(data.feature(r, 0)),
                    cells.get(r));
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(data.target(r, 0)),
                    cells.get(r));
        }
    }

    @Test
    void unusualRowsGoThroughTheStrictRules() throws Exception {
        String csv = "\uFEFFa,b,label\n"
                + " 1 ,\t2\t, x \n"        // spaces and tabs around cells
                + "   \n"                  // a blank line of spaces
                + "\n"
                + "3,4,é\r\n"              // a non-ASCII label, CRLF
                + "\uFEFF5,6,x\n"          // a byte order mark at the start of a data line (dropped, as before)
                + "7,8,y";                 // no final newline
        DataSet data = CsvLoader.text("t.csv", csv).load();
        assertEquals(4, data.rows());
        assertEquals(List.of("x", "é", "y"), data.classNames());
        assertEquals(List.of(0, 1, 0, 2), List.of(data.classOf(0), data.classOf(1), data.classOf(2), data.classOf(3)));
        assertEquals(5.0, data.feature(2, 0));
        assertEquals(2.0, data.feature(0, 1));
        DataSet reordered = CsvLoader.text("t.csv", csv).features("b", "a", "b").load();
        assertEquals(List.of(2.0, 1.0, 2.0), List.of(reordered.feature(0, 0), reordered.feature(0, 1),
                reordered.feature(0, 2)));
    }

    @Test
    void errorsAreTheStrictOnesInTheirOrder() {
        assertEquals("t.csv:3:3: row has 2 cells but the header has 3", assertThrows(CsvException.class,
                () -> CsvLoader.text("t.csv", "a,b,c\n1,2,x\nz,2\n").load()).getMessage());
        assertEquals("t.csv:2:1: 'z' is not a number in column 'a'", assertThrows(CsvException.class,
                () -> CsvLoader.text("t.csv", "a,b,c\nz,q,x\n").load()).getMessage());
        assertEquals("t.csv:2:2: '1e999' is not a finite number in column 'b'", assertThrows(CsvException.class,
                () -> CsvLoader.text("t.csv", "a,b,c\n1,1e999,x\n").load()).getMessage());
        assertEquals("t.csv:2:3: empty cell in label column 'c'", assertThrows(CsvException.class,
                () -> CsvLoader.text("t.csv", "a,b,c\n1,2, \n").load()).getMessage());
        assertEquals("t.csv:2:4: control character U+0001 in the data (is this a text file?)",
                assertThrows(CsvException.class, () -> CsvLoader.text("t.csv", "a,b,c\n1,2\u0001,x\n").load())
                        .getMessage());
        assertEquals("t.csv:2:2: empty cell in column 'b'", assertThrows(CsvException.class,
                () -> CsvLoader.text("t.csv", "a,b,c\n1,,x\n").load()).getMessage());
    }

    @Test
    void manyRowsAndManyDistinctLabels() throws Exception {
        StringBuilder csv = new StringBuilder("a,label\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",c").append(i % 5000).append('\n');
        }
        DataSet data = CsvLoader.text("t.csv", csv.toString()).load();
        assertEquals(20_000, data.rows());
        assertEquals(5000, data.classNames().size());
        assertEquals("c4999", data.classNames().get(4999));
        assertEquals(4999, data.classOf(19_999));
        assertEquals(19_999.0, data.feature(19_999, 0));
    }
}
