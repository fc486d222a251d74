package dev.nnet.lang.validation;

import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.NnetPackage;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.ModelFacts;

/**
 * Base of the validators composed into {@link NNetValidator}: they are not registered on their own,
 * share the strict-mode exception policy and the null-safe access to a training's references.
 */
public abstract class NNetRuleValidator extends AbstractDeclarativeValidator {

	/** System property: when true, exceptions in checks (including NullPointerExceptions) are rethrown. */
	public static final String STRICT = "nnet.validation.strict";

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(NnetPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into NNetValidator, which is the one registered
	}

	/**
	 * Xtext silently drops NullPointerExceptions of checks (partially broken models); with {@link #STRICT} set
	 * (the robustness tests do) every exception escapes, so that none goes unnoticed.
	 */
	@Override
	protected void handleExceptionDuringValidation(Throwable targetException) throws RuntimeException {
		rethrowWhenStrict(targetException);
		super.handleExceptionDuringValidation(targetException);
	}

	static void rethrowWhenStrict(Throwable targetException) {
		if (Boolean.getBoolean(STRICT)) {
			throw targetException instanceof RuntimeException r ? r : new IllegalStateException(targetException);
		}
	}

	/** The training's model, or null while the reference is missing or unresolved. */
	protected static Architecture network(Training t) {
		Architecture a = t.getNetwork();
		return a == null || a.eIsProxy() ? null : a;
	}

	/** The training's model when it parsed completely ({@link ModelFacts#isIncomplete}), otherwise null. */
	protected static Architecture completeNetwork(Training t) {
		Architecture a = network(t);
		return a == null || ModelFacts.isIncomplete(a) ? null : a;
	}

	/** The training's data set, or null while the reference is missing or unresolved. */
	protected static DataSet data(Training t) {
		DataSet d = t.getData();
		return d == null || d.eIsProxy() ? null : d;
	}
}
