package dev.nnet.engine.tests;

import dev.nnet.engine.data.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code examples/data}: system property {@code nnet.examples.dir}, else walking up from the working dir. */
public final class TestData {
    private TestData() {
    }

    /** @return the examples/data directory */
    public static Path dataDir() {
        String prop = System.getProperty("nnet.examples.dir");
        if (prop != null && !prop.isBlank()) {
            Path p = Paths.get(prop).resolve("data");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("examples").resolve("data");
            if (Files.isDirectory(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find examples/data: set -Dnnet.examples.dir=<repo>/examples");
    }

    /**
     * @param name file name in examples/data
     * @return its path
     */
    public static Path file(String name) {
        return dataDir().resolve(name);
    }

    /**
     * @param data a data set
     * @return the rows of its features
     */
    public static double[][] featureRows(DataSet data) {
        double[][] x = new double[data.rows()][data.featureCount()];
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.featureCount(); c++) {
                x[r][c] = data.feature(r, c);
            }
        }
        return x;
    }
}
