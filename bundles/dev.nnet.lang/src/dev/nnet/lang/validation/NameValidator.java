package dev.nnet.lang.validation;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Names that generated Java, file systems and the engine can carry: at most {@link #MAX_NAME_LENGTH} characters
 * (a class and its file are named after an element), and layer names that stay distinct after {@code repeat}
 * blocks append {@code _<k>} ({@code dense block_1} beside {@code repeat 2 { dense block }}).
 */
public class NameValidator extends NNetRuleValidator {

	/** Longest name accepted (file names are limited to 255 bytes, and a suffix may be appended). */
	public static final int MAX_NAME_LENGTH = 200;

	@Inject
	private ShapeInference shapes;

	private void tooLong(String name, org.eclipse.emf.ecore.EObject o, org.eclipse.emf.ecore.EStructuralFeature f) {
		if (name != null && name.length() > MAX_NAME_LENGTH) {
			error(Messages.get("nameTooLong", name.substring(0, 20), name.length(), MAX_NAME_LENGTH), o, f,
					IssueCodes.NAME_TOO_LONG, String.valueOf(MAX_NAME_LENGTH));
		}
	}

	@Check
	public void checkNameLength(Element e) {
		tooLong(e.getName(), e, Literals.ELEMENT__NAME);
	}

	@Check
	public void checkLayerNameLength(Dense d) {
		tooLong(d.getName(), d, Literals.DENSE__NAME);
	}

	@Check
	public void checkPackageLength(Model m) {
		tooLong(m.getName(), m, Literals.MODEL__NAME);
	}

	@Check
	public void checkGeneratedLayerNames(Network n) {
		Map<String, LayerShape> seen = new HashMap<>();
		for (LayerShape l : shapes.infer(n).layers()) {
			LayerShape before = seen.putIfAbsent(l.name(), l);
			if (before != null && before.source() != l.source() && l.source() instanceof Dense d) {
				error(Messages.get("generatedNameClash", n.getName(), l.name()), d,
						d.getName() != null ? Literals.DENSE__NAME : Literals.DENSE__UNITS, IssueCodes.DUPLICATE_NAME,
						l.name());
				return;
			}
		}
	}
}
