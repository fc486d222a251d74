package dev.nnet.ui.views.charts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;

import dev.nnet.engine.activation.ActivationCurve;

/** The two series of an activation plot: f(z) solid, f'(z) dashed (with its maximum in the legend). */
public final class ActivationSeries {

	private ActivationSeries() {
	}

	/**
	 * @param activation the activation's keyword, for the legend
	 * @param curve      f and f' as the engine sampled them
	 * @return f, then f'
	 */
	public static List<ChartSeries> of(String activation, ActivationCurve curve) {
		return List.of(new ChartSeries("f(z) " + activation, 0x1F77B4, SWT.LINE_SOLID, curve.z(), curve.value()),
				new ChartSeries(String.format(Locale.ROOT, "f'(z), max %.3g", curve.maxDerivative()), 0xD62728,
						SWT.LINE_DASH, curve.z(), curve.derivative()));
	}
}
