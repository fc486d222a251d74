package dev.nnet.ui.builder;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;

/**
 * What an optional integration does to a project when it gets the NNet nature, contributed through the extension
 * point {@code dev.nnet.ui.projectConfigurators}: the JDT integration ({@code dev.nnet.ui.jdt}) adds {@code src-gen}
 * and the "NNet Engine" container to Java projects. Without such a bundle the nature only installs the builder.
 */
public interface NNetProjectConfigurator {

	/** The extension point's full id. */
	String EXTENSION_POINT = "dev.nnet.ui.projectConfigurators";

	/** Configures {@code project}, which has just got the NNet nature and its builder. */
	void configure(IProject project) throws CoreException;

	/** @return one instance of every contributed configurator */
	static List<NNetProjectConfigurator> contributed() throws CoreException {
		List<NNetProjectConfigurator> configurators = new ArrayList<>();
		for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
			configurators.add((NNetProjectConfigurator) e.createExecutableExtension("class"));
		}
		return configurators;
	}
}
