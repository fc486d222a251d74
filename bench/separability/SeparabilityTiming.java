import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nnet.lang.analysis.Budget;
import dev.nnet.lang.analysis.LinearSeparability;

/**
 * Times the linear-separability rule on a perceptron case of make_cases.py, in process (no JVM start-up, no
 * parsing): the inline samples are read with a regular expression, the labels split as DataFitValidator does
 * (the largest label is the positive class) and LinearSeparability.binary is called with the default budget.
 * Usage: SeparabilityTiming FILE CALLS. Prints one line: verdict, operations, then wall and thread-CPU
 * milliseconds of call 1 (cold when the JVM is fresh) and the median of calls 2..CALLS.
 */
public final class SeparabilityTiming {
	private static final Pattern SAMPLE = Pattern.compile("\\(([^)]*)\\)\\s*->\\s*(\\S+)");

	public static void main(String[] args) throws Exception {
		List<double[]> points = new ArrayList<>();
		List<Double> labels = new ArrayList<>();
		Matcher m = SAMPLE.matcher(Files.readString(Path.of(args[0])));
		while (m.find()) {
			points.add(Arrays.stream(m.group(1).split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray());
			labels.add(Double.parseDouble(m.group(2)));
		}
		double max = labels.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		List<Boolean> positive = new ArrayList<>();
		for (Double l : labels) {
			positive.add(l == max);
		}
		int calls = Integer.parseInt(args[1]);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[] wall = new double[calls];
		double[] cpu = new double[calls];
		String verdict = null;
		long operations = 0;
		for (int c = 0; c < calls; c++) {
			Budget budget = new Budget(LinearSeparability.DEFAULT_BUDGET_OPERATIONS, null);
			long w0 = System.nanoTime();
			long c0 = threads.getCurrentThreadCpuTime();
			LinearSeparability.Result r = LinearSeparability.binary(points, positive, budget);
			cpu[c] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
			wall[c] = (System.nanoTime() - w0) / 1e6;
			verdict = r.name();
			operations = budget.spent();
		}
		String line = String.format("%s %dx%d %s ops=%.1fM first: %.1f ms wall %.1f ms cpu", Path.of(args[0]).getFileName(),
				points.size(), points.get(0).length, verdict, operations / 1e6, wall[0], cpu[0]);
		if (calls > 1) {
			line += String.format("; median of calls 2..%d: %.1f ms wall %.1f ms cpu", calls, median(wall), median(cpu));
		}
		System.out.println(line);
	}

	private static double median(double[] v) {
		double[] rest = Arrays.copyOfRange(v, 1, v.length);
		Arrays.sort(rest);
		return rest[rest.length / 2];
	}
}
