package dev.nnet.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Training;

/**
 * The NNet rules, one {@code checkXxx} per rule: rule 11 (names, references, complete trainings) here, the others
 * in the composed validators grouped by what they look at. Codes in {@link IssueCodes}, messages in
 * {@code messages.properties}; quick-fix data is attached as issue data.
 */
@ComposedChecks(validators = { DataFitValidator.class, ArchitectureValidator.class, TrainingSettingsValidator.class,
		DataSourceValidator.class, HyperParameterValidator.class, SizeBudgetValidator.class,
		NameValidator.class, LayerValidator.class, ImageShapeValidator.class })
public class NNetValidator extends AbstractNNetValidator {

	/** System property: when true, exceptions in checks (including NullPointerExceptions) are rethrown. */
	public static final String STRICT = NNetRuleValidator.STRICT;

	@Inject
	private IQualifiedNameProvider names;

	@Check
	public void checkUniqueNames(Model m) {
		Map<QualifiedName, List<Element>> byName = new HashMap<>();
		for (Element e : m.getElements()) {
			QualifiedName qn = e.getName() == null ? null : names.getFullyQualifiedName(e);
			if (qn != null) {
				byName.computeIfAbsent(qn, k -> new ArrayList<>()).add(e);
			}
		}
		for (List<Element> same : byName.values()) {
			if (same.size() > 1) {
				for (Element e : same) {
					error(Messages.get("duplicateName", e.getName()), e, Literals.ELEMENT__NAME,
							IssueCodes.DUPLICATE_NAME, e.getName());
				}
			}
		}
	}

	@Check
	public void checkUniqueLayerNames(Network n) {
		Map<String, List<Dense>> byName = new HashMap<>();
		n.eAllContents().forEachRemaining(o -> {
			if (o instanceof Dense d && d.getName() != null) {
				byName.computeIfAbsent(d.getName(), k -> new ArrayList<>()).add(d);
			}
		});
		for (List<Dense> same : byName.values()) {
			if (same.size() > 1) {
				for (Dense d : same) {
					error(Messages.get("duplicateLayer", n.getName(), d.getName()), d, Literals.DENSE__NAME,
							IssueCodes.DUPLICATE_NAME, d.getName());
				}
			}
		}
	}

	@Check
	public void checkTrainingComplete(Training t) {
		if (t.getNetwork() == null) {
			error(Messages.get("trainingWithoutNetwork", t.getName()), Literals.ELEMENT__NAME,
					IssueCodes.TRAINING_WITHOUT_NETWORK);
		}
		if (t.getData() == null) {
			error(Messages.get("trainingWithoutData", t.getName()), Literals.ELEMENT__NAME,
					IssueCodes.TRAINING_WITHOUT_DATA);
		}
	}

	@Override
	protected void handleExceptionDuringValidation(Throwable targetException) throws RuntimeException {
		NNetRuleValidator.rethrowWhenStrict(targetException);
		super.handleExceptionDuringValidation(targetException);
	}
}
