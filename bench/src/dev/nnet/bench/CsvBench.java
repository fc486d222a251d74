package dev.nnet.bench;

import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * W7: CSV loading. {@code generate FILE [ROWS COLS]} writes the deterministic file (a header, COLS-1 feature
 * columns of numbers with 6 decimals in [-1, 1), a last column of class labels 0-9; 50,000 x 100 by default);
 * {@code load FILE [REPS]} loads it with {@link CsvLoader} exactly as {@code nnet train} does (label = last column,
 * classification) and prints one JSON line: the first load (a fresh JVM, as the CLI meets it), the best of REPS,
 * and the peak resident set size after the first load (VmHWM) next to the size of the loaded values.
 */
public final class CsvBench {
    private CsvBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(file, args.length > 2 ? Integer.parseInt(args[2]) : 50_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 100);
        } else {
            load(file, args.length > 2 ? Integer.parseInt(args[2]) : 3);
        }
    }

    private static void generate(Path file, int rows, int cols) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols - 1; c++) {
                line.append('f').append(c).append(',');
            }
            out.write(line.append("label\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] b = new byte[cols * 10 + 4];
            for (int r = 0; r < rows; r++) {
                int n = 0;
                for (int c = 0; c < cols - 1; c++) {
                    int v = random.nextInt(2_000_000) - 1_000_000; // millionths in [-1, 1)
                    if (v < 0) {
                        b[n++] = '-';
                        v = -v;
                    }
                    b[n++] = (byte) ('0' + v / 1_000_000);
                    b[n++] = '.';
                    for (int d = 100_000, rest = v % 1_000_000; d > 0; d /= 10) {
                        b[n++] = (byte) ('0' + rest / d % 10);
                    }
                    b[n++] = ',';
                }
                b[n++] = (byte) ('0' + random.nextInt(10));
                b[n++] = '\n';
                out.write(b, 0, n);
            }
        }
    }

    private static void load(Path file, int reps) throws Exception {
        long t0 = System.nanoTime();
        DataSet data = CsvLoader.file(file).load();
        double first = (System.nanoTime() - t0) / 1e9;
        long rssKb = vmHwmKb();
        double checksum = checksum(data);
        List<Double> ts = new ArrayList<>();
        ts.add(first);
        for (int i = 0; i < reps; i++) {
            data = null;
            long t = System.nanoTime();
            data = CsvLoader.file(file).load();
            ts.add((System.nanoTime() - t) / 1e9);
        }
        double best = ts.stream().mapToDouble(Double::doubleValue).min().orElse(first);
        long values = (long) data.rows() * (data.featureCount() + data.targetCount());
        Bench.emit("W7_csv_load", "float64", 1, best, ts.stream().sorted().toList().get(ts.size() / 2),
                data.rows() / best, null, null, "seconds_first", first, "rows", data.rows(), "features",
                data.featureCount(), "file_mb", Files.size(file) / 1e6, "data_mb", values * 8 / 1e6,
                "peak_rss_mb", rssKb / 1e3, "checksum", checksum, "reps", ts.size());
    }

    private static double checksum(DataSet data) {
        double s = 0;
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.featureCount(); c++) {
                s += data.feature(r, c);
            }
        }
        return s;
    }

    /** @return this process's peak resident set size in kB (Linux), -1 elsewhere */
    static long vmHwmKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
