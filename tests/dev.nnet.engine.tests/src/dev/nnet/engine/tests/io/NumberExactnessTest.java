package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers' weights are parsed from the file's bytes without {@link Float#parseFloat} or
 * {@link Double#parseDouble} in the common case; every value must still be bit for bit what those give: random
 * floats and doubles in their shortest form, random decimals of 1-20 digits with exponents, decimals rounded to 15
 * digits next to the midpoint between two floats (where rounding twice would go wrong), subnormals, 17-digit
 * doubles and negative zero; read from a string and from a file (numbers across the read buffer's boundaries).
 */
class NumberExactnessTest {
    @TempDir
    Path dir;

    private static List<String> numbers(Random r, boolean floats) {
        List<String> out = new ArrayList<>(List.of("0", "-0", "-0.0", "0.0", "0e5", "-0E-7", "1", "-1", "10", "0.1",
                "1e-45", "1.4e-45", "1.401298464324817e-45", "7e-46", "1.1754942e-38", "1.17549435E-38",
                "3.4028235e38", "3.4028234663852886e38", "123456789012345678", "0.30000000000000004",
                "9007199254740993", "2.2250738585072014E-308", "4.9e-324", "1.7976931348623157e308",
                "1e22", "1e23", "1e-22", "1e-23", "9007199254740991", "9.007199254740991e-10", "1234567890123456e-22",
                "123456789012345678e3", "-9007199254740992", "4503599627370497.5", "123456789012345e-22",
                "999999999999999e22", "5e-324", "1e-400", "-1e-400", "0.000000000000000000000000000001", "1.00000000000000000000000000001"));
        if (floats) {
            out.removeIf(s -> !Float.isFinite(Float.parseFloat(s)));
        }
        for (int i = 0; i < 3000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isFinite(f)) {
                out.add(Float.toString(f));
            }
            double d = Double.longBitsToDouble(r.nextLong());
            if (!floats && Double.isFinite(d)) {
                out.add(Double.toString(d));
            }
            out.add(Float.toString((float) r.nextGaussian() * 0.05f));
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "-" : "");
            int digits = 1 + r.nextInt(20);
            b.append(1 + r.nextInt(9));
            for (int k = 1; k < digits; k++) {
                b.append(r.nextInt(10));
                if (k == 1 && k + 1 < digits && r.nextBoolean()) {
                    b.append('.');
                }
            }
            if (r.nextBoolean()) {
                b.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(floats ? 60 : 600) - (floats ? 40 : 300));
            }
            out.add(b.toString());
            float g = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            BigDecimal mid = new BigDecimal((double) g).add(new BigDecimal((double) Math.nextUp(g)))
                    .divide(BigDecimal.valueOf(2));
            out.add(mid.round(new MathContext(15)).toString());
            out.add(mid.round(new MathContext(9)).toString());
            out.add(mid.toString());
        }
        if (floats) {
            out.removeIf(s -> !Float.isFinite(Float.parseFloat(s)));
        } else {
            out.removeIf(s -> !Double.isFinite(Double.parseDouble(s)));
        }
        return out;
    }

    private static String model(Precision precision, List<String> weights) {
        return "{\"format\": \"nnet-model\", \"version\": 1, \"precision\": \"" + precision.fileName() + "\","
                + " \"inputs\": " + weights.size() + ", \"layers\": [{\"name\": \"o\", \"type\": \"dense\","
                + " \"units\": 1, \"activation\": {\"name\": \"identity\"},\n \"weights\": [[" + String.join(",\n ", weights)
                + "]], \"bias\": [" + weights.get(weights.size() - 1) + "]}]}";
    }

    private static void check(Network n, List<String> texts, Precision precision) {
        Matrix w = n.layers().get(0).weights();
        for (int i = 0; i < texts.size(); i++) {
            String s = texts.get(i);
            double expected = precision == Precision.FLOAT32 ? Float.parseFloat(s) : Double.parseDouble(s);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(w.get(i)), s);
        }
    }

    @Test
    void weightsParseToExactlyTheJdksFloatsAndDoubles() throws IOException {
        Random r = new Random(1919);
        for (Precision precision : Precision.values()) {
            List<String> texts = numbers(r, precision == Precision.FLOAT32);
            assertTrue(texts.size() > 10_000, "numbers: " + texts.size());
            String json = model(precision, texts);
            check(ModelIO.fromJson(json, "m.json", null), texts, precision);
            Path file = dir.resolve("m-" + precision.fileName() + ".json");
            Files.writeString(file, json);
            check(ModelIO.load(file), texts, precision);
        }
        // a float32 file read as float64: each number parsed as a double, as before
        List<String> texts = numbers(r, true);
        check(ModelIO.fromJson(model(Precision.FLOAT32, texts), "m.json", Precision.FLOAT64), texts, Precision.FLOAT64);
    }

    @Test
    void outOfRangeAndMisplacedValuesAreLocated() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelIO.fromJson(model(Precision.FLOAT32, List.of("1", "-2.5", "1e39")), "m.json", null));
        assertTrue(e.getMessage().startsWith("m.json:4:2: layer 1 ('o'): weights row 1: number 1e39 is out of range"
                + " for float32"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> ModelIO.fromJson(model(Precision.FLOAT32, List.of("1", "\"x\"", "3")), "m.json", null));
        assertTrue(e.getMessage().startsWith("m.json:3:2: expected a number"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> ModelIO.fromJson(model(Precision.FLOAT64, List.of("1", "1".repeat(2000))), "m.json", null));
        assertTrue(e.getMessage().contains("number longer than 1000 characters"), e.getMessage());
    }
}
