package dev.nnet.lang.ide.hover;

import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.ActivationCurve;
import dev.nnet.engine.activation.Activations;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.run.EngineModels;

/**
 * The activation a hovered keyword names and its curve: f and f' sampled by the engine's own activation
 * ({@link ActivationCurve}), as a plot over z in [-{@value #RANGE}, {@value #RANGE}] (the Eclipse hover) and as a
 * text table at z = -4 ... 4 (the language server's plain-text hover). Nothing here computes f itself.
 */
public final class ActivationHover {

	/** The plotted range of pre-activations, [-RANGE, RANGE]. */
	public static final double RANGE = 5;
	/** Samples of the plot. */
	public static final int POINTS = 101;
	/** The table's z values: -TABLE_RANGE, ..., TABLE_RANGE in steps of 1. */
	static final int TABLE_RANGE = 4;

	private ActivationHover() {
	}

	/**
	 * @param leaf a token
	 * @return the engine activation it names (with the layer's parameter, e.g. {@code leaky_relu(0.1)}), or null
	 *         when the token is no activation
	 */
	public static Activation of(ILeafNode leaf) {
		String text = leaf.getText();
		if (!Activations.NAMES.contains(text)) {
			return null;
		}
		EObject element = leaf.getSyntaxErrorMessage() == null ? NodeModelUtils.findActualSemanticObjectFor(leaf)
				: null;
		try {
			if (element instanceof dev.nnet.lang.nnet.Activation a && a.getUnknown() == null
					&& a.eContainer() instanceof Dense d) {
				return EngineModels.activation(d);
			}
			return Activations.byName(text, Map.of());
		} catch (IllegalArgumentException e) {
			return null; // a parameter the activation refuses: the validator reports it
		}
	}

	/** @return f and f' over [-{@value #RANGE}, {@value #RANGE}] */
	public static ActivationCurve curve(Activation activation) {
		return ActivationCurve.sample(activation, -RANGE, RANGE, POINTS);
	}

	/**
	 * @return a plain-text table of f(z) and f'(z) at z = -4 ... 4 and the largest |f'| over the plotted range
	 */
	public static String table(Activation activation) {
		ActivationCurve c = ActivationCurve.sample(activation, -TABLE_RANGE, TABLE_RANGE, 2 * TABLE_RANGE + 1);
		StringBuilder z = new StringBuilder("z     ");
		StringBuilder f = new StringBuilder("f(z)  ");
		StringBuilder d = new StringBuilder("f'(z) ");
		for (int i = 0; i < c.z().length; i++) {
			z.append(String.format(Locale.ROOT, "%7.0f", c.z()[i]));
			f.append(cell(c.value()[i]));
			d.append(cell(c.derivative()[i]));
		}
		double max = curve(activation).maxDerivative();
		return z + "\n" + f + "\n" + d + "\n" + (Double.isNaN(max) ? "f' does not exist (no gradient)"
				: String.format(Locale.ROOT, "max |f'| on [-%.0f, %.0f]: %.3g", RANGE, RANGE, max));
	}

	private static String cell(double v) {
		return Double.isNaN(v) ? "      -" : String.format(Locale.ROOT, "%7.3f", v);
	}
}
