package dev.nnet.lang.ide.hover;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.run.TrainingSession;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunFolderCache;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.validation.ValidationSettings;

/**
 * The gradient-flow line of a layer's hover: the validator's static bound on how much the gradient is scaled on its
 * way back from the output layer to the layer ({@link GradientFlow#predicted}, the product of activation-derivative
 * bounds) next to the ratio of gradient norms measured in the latest run of the file ({@link GradientFlow#measured}).
 * The runs come from the caller: the IDE's registry, or the project's runs folder ({@link #storedRuns}) for the
 * language server.
 */
@Singleton
public class GradientFlowHover {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
			.withZone(ZoneId.systemDefault());

	@Inject
	private ShapeInference shapes;

	/**
	 * @param element a hovered element
	 * @param runs    runs of the element's file (any order)
	 * @return e.g. {@code gradient flow to h1 (from the output layer; ...): predicted <= 0.000244 · measured 0.000356
	 *         (run deepSigmoidRun 2026-12-02 01:10, epoch 30)}; null when the element is no dense layer of a network.
	 *         The bound leaves the weights out, so a measurement may exceed it.
	 */
	public String line(EObject element, List<RunRecord> runs) {
		Network network = element instanceof Dense ? EcoreUtil2.getContainerOfType(element, Network.class) : null;
		if (network == null) {
			return null;
		}
		List<LayerShape> layers = shapes.infer(network).allLayers().stream().filter(l -> l.params() > 0).toList();
		int index = -1;
		for (int i = 0; i < layers.size() && index < 0; i++) {
			index = layers.get(i).source() == element ? i : -1;
		}
		if (index < 0) {
			return null;
		}
		String name = layers.get(index).name();
		double predicted = GradientFlow.predicted(layers.stream().map(LayerShape::activation).toList())[index];
		StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
				"gradient flow to %s (from the output layer; the bound counts activation derivatives, not weights): predicted <= %.3g", name, predicted));
		RunRecord run = latest(runs, network.getName());
		int measuredIndex = run == null ? -1 : run.layerNames().indexOf(name);
		EpochEnd last = run == null ? null : run.lastEpoch();
		if (last == null || measuredIndex < 0 || measuredIndex >= last.layers().size()) {
			return b.append(" · measured: no run of this network yet").toString();
		}
		double measured = GradientFlow.measured(last)[measuredIndex];
		b.append(String.format(Locale.ROOT, " · measured %.3g (run %s %s, epoch %d)", measured, run.training(),
				TIME.format(run.started()), last.epoch()));
		if (measured < GradientFlow.vanishingThreshold(ValidationSettings.DEFAULT_VANISHING_DEPTH)) {
			b.append(String.format(Locale.ROOT, ": vanished (below 0.25^%d)", ValidationSettings.DEFAULT_VANISHING_DEPTH));
		}
		return b.toString();
	}

	/**
	 * The line for the language server, whose runs are on disk: the project's runs folder is read only when the
	 * element is a dense layer, not on every hover.
	 *
	 * @param element a hovered element
	 * @return as {@link #line}, with the runs of {@link #storedRuns}
	 */
	public String lineFromStoredRuns(EObject element) {
		return element instanceof Dense ? line(element, storedRuns(element.eResource())) : null;
	}

	private static RunRecord latest(List<RunRecord> runs, String network) {
		return runs.stream().filter(r -> network.equals(r.network()) && r.lastEpoch() != null)
				.max(Comparator.comparing(RunRecord::started)).orElse(null);
	}

	/**
	 * @param runs   runs of any files
	 * @param source a file as run records name it (project-relative in a project)
	 * @return the runs of that file
	 */
	public static List<RunRecord> ofSource(List<RunRecord> runs, String source) {
		return runs.stream().filter(r -> source.equals(r.source())).toList();
	}

	/** The runs folders the hover read lately, each with the runs it holds (at most {@link #FOLDERS}). */
	private final Map<Path, RunFolderCache> folders = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Path, RunFolderCache> eldest) {
			return size() > FOLDERS;
		}
	};

	private static final int FOLDERS = 8;

	/**
	 * @param resource a {@code .nnet} resource on disk
	 * @return the runs of its file recorded in its project's runs folder (where the command line and the IDE record
	 *         them); empty outside a project or when the folder cannot be read. A run folder is read again only
	 *         when its files changed ({@link RunFolderCache}).
	 */
	public List<RunRecord> storedRuns(Resource resource) {
		if (resource == null || resource.getURI() == null || !resource.getURI().isFile()) {
			return List.of();
		}
		Path file = Path.of(resource.getURI().toFileString());
		Path folder = TrainingSession.projectRunsFolder(file);
		if (folder == null) {
			return List.of();
		}
		RunFolderCache cache;
		synchronized (folders) {
			cache = folders.computeIfAbsent(folder, RunFolderCache::new);
		}
		try {
			return ofSource(cache.list(), TrainingSession.sourceName(file, folder));
		} catch (UncheckedIOException e) {
			return List.of();
		}
	}
}
