package dev.nnet.lang.ide.server;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.AbstractModule;
import com.google.inject.util.Modules;

import dev.nnet.lang.ide.NNetIdeSetup;

/**
 * Xtext's {@link ServerModule} for NNet: the language registered directly (no {@code ServiceLoader}, so it works on
 * a flat classpath and inside OSGi alike) and {@link NNetLanguageServer} as the server. {@code nnet lsp} and the
 * tests start their servers from an injector of this module.
 */
public class NNetServerModule extends AbstractModule {

	@Override
	protected void configure() {
		IResourceServiceProvider provider = new NNetIdeSetup().createInjectorAndDoEMFRegistration()
				.getInstance(IResourceServiceProvider.class);
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("nnet", provider);
		install(Modules.override(new ServerModule()).with(binder -> {
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry);
			binder.bind(LanguageServerImpl.class).to(NNetLanguageServer.class);
		}));
	}
}
