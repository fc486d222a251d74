package dev.nnet.lang.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Whether Xtext's incremental builder (the language server's builds) runs the generator: only when the client asked
 * for it ({@link ServerOptions#generate()}), and then, as Xtext does by default, only for resources without errors.
 * Off by default, so an editor that opens a folder does not find {@code src-gen} and {@code *.shapes.txt} in it.
 * The Eclipse builder and {@code nnet generate} call the generator directly and are not affected.
 */
@Singleton
public class NNetShouldGenerate implements IShouldGenerate {

	@Inject
	private IShouldGenerate.OnlyWithoutErrors withoutErrors;

	private volatile boolean enabled;

	/** @param enabled whether builds generate from now on */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return enabled && withoutErrors.shouldGenerate(resource, cancelIndicator);
	}
}
