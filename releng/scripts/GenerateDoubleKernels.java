import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the float64 matrix kernels of the engine from their float32 sources, so that the two precisions have one
 * source: {@code DoubleX.java} is {@code FloatX.java} with the precision's words swapped.
 *
 * <pre>
 *   java releng/scripts/GenerateDoubleKernels.java          # rewrite the Double*.java files
 *   java releng/scripts/GenerateDoubleKernels.java --check  # exit 1 if any Double*.java differs from what it writes
 * </pre>
 *
 * Markers in the float sources (end-of-line comments):
 * <ul>
 * <li>{@code // @float-only} drops the line from the double side; {@code // @float-only:begin} ...
 * {@code // @float-only:end} drops the lines between them (the float32-only gathered packing, for instance);</li>
 * <li>{@code // @double: TEXT} writes TEXT (with the line's indentation) in place of the line on the double side.</li>
 * </ul>
 * Every other line gets {@code FLOAT32 -> FLOAT64}, {@code float32 -> float64}, {@code Float -> Double} and
 * {@code float -> double} (also inside identifiers such as {@code FloatVector}) and {@code 0f -> 0d} for literals.
 */
public final class GenerateDoubleKernels {
    /** The float32 sources that have a generated float64 twin, in the engine's matrix package. */
    static final List<String> SOURCES = List.of("FloatGemm", "FloatKernel", "FloatMatMul", "FloatMatrix",
            "FloatScalarKernel", "FloatVectorKernel");
    static final Path DIR = Path.of("bundles/dev.nnet.engine/src/dev/nnet/engine/matrix");

    private static final Pattern DOUBLE_LINE = Pattern.compile("^(\\s*).*?//\\s*@double:\\s?(.*)$");
    private static final Pattern FLOAT_LITERAL = Pattern.compile("\\b(\\d+(?:\\.\\d+)?)f\\b");

    private GenerateDoubleKernels() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        Path root = Path.of(args.length > (check ? 1 : 0) ? args[check ? 1 : 0] : ".");
        List<String> stale = new ArrayList<>();
        for (String name : SOURCES) {
            Path source = root.resolve(DIR).resolve(name + ".java");
            Path target = root.resolve(DIR).resolve("Double" + name.substring("Float".length()) + ".java");
            String generated = generate(name, Files.readString(source, StandardCharsets.UTF_8));
            String existing = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
            if (!generated.equals(existing)) {
                stale.add(target.toString());
                if (!check) {
                    Files.writeString(target, generated, StandardCharsets.UTF_8);
                }
            }
        }
        if (check && !stale.isEmpty()) {
            System.err.println("not what releng/scripts/GenerateDoubleKernels.java writes (edit the Float* source, then run it): "
                    + String.join(", ", stale));
            System.exit(1);
        }
        System.out.println(check ? "double kernels match their float sources (" + SOURCES.size() + " files)"
                : (stale.isEmpty() ? "double kernels were up to date" : "wrote " + String.join(", ", stale)));
    }

    /** The float64 twin of one float32 source. */
    static String generate(String name, String floatSource) {
        StringBuilder out = new StringBuilder();
        out.append("// Generated from ").append(name).append(".java by releng/scripts/GenerateDoubleKernels.java: edit")
                .append(" that file and run the script; a test fails when this file differs from what it writes.\n");
        boolean skipping = false;
        for (String line : floatSource.split("\n", -1)) {
            if (line.contains("@float-only:begin")) {
                skipping = true;
                continue;
            }
            if (line.contains("@float-only:end")) {
                skipping = false;
                continue;
            }
            if (skipping || line.contains("@float-only")) {
                continue;
            }
            Matcher replaced = DOUBLE_LINE.matcher(line);
            if (replaced.matches()) {
                out.append(replaced.group(1)).append(replaced.group(2));
            } else {
                out.append(toDouble(line));
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String toDouble(String line) {
        String s = line.replace("Float", "Double").replace("float32", "\0").replace("float", "double")
                .replace("\0", "float64").replace("FLOAT32", "FLOAT64");
        return FLOAT_LITERAL.matcher(s).replaceAll("$1d");
    }
}
