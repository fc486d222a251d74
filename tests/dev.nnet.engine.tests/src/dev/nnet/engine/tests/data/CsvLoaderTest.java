package dev.nnet.engine.tests.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.LabelOrder;
import dev.nnet.engine.data.MinMaxScaler;
import dev.nnet.engine.data.Standardizer;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.tests.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV loading, encodings, scaling, splitting and every bad-file case. */
class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void loadsIris() throws Exception {
        DataSet iris = CsvLoader.file(TestData.file("iris.csv")).label("label").load();
        assertEquals(150, iris.rows());
        assertEquals(4, iris.featureCount());
        assertEquals(3, iris.targetCount());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), iris.featureNames());
        assertEquals(5.1, iris.feature(0, 0));
        assertEquals(1.0, iris.target(0, 0));
        assertEquals(2, iris.classOf(149));
    }

    @Test
    void stringLabelsInFirstSeenOrSortedOrder() throws Exception {
        String csv = "a,species,b\n1,virginica,2\n3,setosa,4\n5,virginica,6\n7,versicolor,8\n";
        DataSet first = CsvLoader.text("s.csv", csv).label("species").load();
        assertEquals(List.of("virginica", "setosa", "versicolor"), first.classNames());
        assertArrayEquals(new int[] {0, 1, 0, 2}, first.classes());
        assertEquals(List.of("a", "b"), first.featureNames());
        DataSet sorted = CsvLoader.text("s.csv", csv).label(1).classification(LabelOrder.SORTED, TargetEncoding.INDEX).load();
        assertEquals(List.of("setosa", "versicolor", "virginica"), sorted.classNames());
        assertEquals(1, sorted.targetCount());
        assertEquals(2.0, sorted.target(0, 0));
        DataSet numeric = CsvLoader.text("n.csv", "x,y\n1,10\n2,9\n3,2\n").classification(LabelOrder.SORTED,
                TargetEncoding.ONE_HOT).load();
        assertEquals(List.of("2", "9", "10"), numeric.classNames(), "numeric labels sort numerically");
    }

    @Test
    void featuresByIndexAndSignedEncoding() throws Exception {
        DataSet d = CsvLoader.text("t.csv", "p,q,r,cls\n1,2,3,no\n4,5,6,yes\n").features(2, 0).label("cls")
                .classification(LabelOrder.SORTED, TargetEncoding.SIGNED).load();
        assertEquals(List.of("r", "p"), d.featureNames());
        assertEquals(3.0, d.feature(0, 0));
        assertEquals(-1.0, d.target(0, 0));
        assertEquals(1.0, d.target(1, 0));
        DataSet reg = CsvLoader.text("r.csv", "x,y\n1,0.5\n2,1.5\n").regression().load();
        assertEquals(1.5, reg.target(1, 0));
    }

    @Test
    void standardizationAndMinMaxAreFittedOnTrainingDataOnly() throws Exception {
        DataSet train = CsvLoader.text("tr.csv", "x,y,c\n1,10,a\n3,10,b\n").load();
        DataSet test = CsvLoader.text("te.csv", "x,y,c\n5,20,a\n0,0,b\n").load();
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new double[] {2, 10}, s.mean());
        assertArrayEquals(new double[] {1, 0}, s.std(), "population std; constant column has std 0");
        DataSet st = s.apply(test);
        assertEquals(3.0, st.feature(0, 0));
        assertEquals(0.0, st.feature(0, 1));
        MinMaxScaler m = MinMaxScaler.fit(train);
        assertEquals(2.0, m.apply(test).feature(0, 0));
        assertEquals(0.5, m.apply(CsvLoader.text("m.csv", "x,y,c\n2,10,a\n0,0,b\n").load()).feature(0, 0));
    }

    @Test
    void seededSplitIsReproducibleAndDisjoint() throws Exception {
        DataSet iris = CsvLoader.file(TestData.file("iris.csv")).load();
        DataSet.Split a = iris.split(0.8, 5);
        DataSet.Split b = iris.split(0.8, 5);
        assertEquals(120, a.train().rows());
        assertEquals(30, a.test().rows());
        assertArrayEquals(a.test().featureArray(), b.test().featureArray());
        assertTrue(!java.util.Arrays.equals(a.test().featureArray(), iris.split(0.8, 6).test().featureArray()));
    }

    private CsvException bad(Path file, CsvLoader loader) {
        CsvException e = assertThrows(CsvException.class, loader::load);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("none.csv");
        assertTrue(bad(p, CsvLoader.file(p)).getMessage().endsWith("none.csv: file not found"));
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.csv", "");
        assertTrue(bad(p, CsvLoader.file(p)).getMessage().contains("file is empty"));
        Path h = write("header.csv", "a,b\n");
        assertTrue(bad(h, CsvLoader.file(h)).getMessage().contains("no data rows"));
    }

    @Test
    void raggedRow() throws IOException {
        Path p = write("ragged.csv", "a,b,label\n1,2,x\n3,y\n");
        CsvException e = bad(p, CsvLoader.file(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("ragged.csv:3:3: row has 2 cells but the header has 3"), e.getMessage());
    }

    @Test
    void nonNumericCell() throws IOException {
        Path p = write("iris.csv", "sepal_length,sepal_width,petal_length,label\n1,2,3,a\n1,2,abc,b\n");
        CsvException e = bad(p, CsvLoader.file(p));
        assertEquals(p + ":3:3: 'abc' is not a number in column 'petal_length'", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        Path nan = write("nan.csv", "a,label\nNaN,x\n1,y\n");
        assertTrue(bad(nan, CsvLoader.file(nan)).getMessage().contains(":2:1: 'NaN' is not a number in column 'a'"));
        Path empty = write("cell.csv", "a,b,label\n1,,x\n");
        assertTrue(bad(empty, CsvLoader.file(empty)).getMessage().contains(":2:2: empty cell in column 'b'"));
    }

    @Test
    void unknownColumn() throws IOException {
        Path p = write("cols.csv", "a,b,label\n1,2,x\n3,4,y\n");
        CsvException e = bad(p, CsvLoader.file(p).label("class"));
        assertTrue(e.getMessage().contains("unknown column 'class' (columns: a, b, label)"), e.getMessage());
        assertTrue(bad(p, CsvLoader.file(p).features("a", "zz")).getMessage().contains("unknown column 'zz'"));
        assertTrue(bad(p, CsvLoader.file(p).label(7)).getMessage().contains("column index 7 is out of range"));
    }

    @Test
    void labelColumnWithOneClass() throws IOException {
        Path p = write("one.csv", "a,label\n1,x\n2,x\n");
        CsvException e = bad(p, CsvLoader.file(p));
        assertTrue(e.getMessage().contains("label column 'label' has only one class ('x')"), e.getMessage());
        Path three = write("three.csv", "a,label\n1,x\n2,y\n3,z\n");
        assertTrue(bad(three, CsvLoader.file(three).classification(LabelOrder.SORTED, TargetEncoding.SIGNED)).getMessage()
                .contains("needs exactly 2"));
    }
}
