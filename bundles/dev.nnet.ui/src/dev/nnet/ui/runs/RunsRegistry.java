package dev.nnet.ui.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;

import dev.nnet.lang.graph.TrainedWeights;
import dev.nnet.lang.runs.DecisionBoundary;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStore;

/**
 * The runs of the workspace: those stored in each open project's {@code .nnet-runs} folder plus the ones training
 * now, and the latest weights and decision boundary of each network. Views read it and listen to it; launches
 * write to it. A singleton ({@link #get()}), thread-safe.
 */
public final class RunsRegistry {

	private static final RunsRegistry INSTANCE = new RunsRegistry();

	private final Map<String, List<RunRecord>> byProject = new ConcurrentHashMap<>();
	private final Map<String, TrainedWeights> weights = new ConcurrentHashMap<>();
	private final Map<String, DecisionBoundary> boundaries = new ConcurrentHashMap<>();
	private final Map<String, BoundarySampler> samplers = new ConcurrentHashMap<>();
	private final List<RunsListener> listeners = new CopyOnWriteArrayList<>();
	private volatile int[] boundaryFeatures = { 0, 1 };

	/** Samples the decision boundary of a finished run's network over another pair of features. */
	@FunctionalInterface
	public interface BoundarySampler {
		/** @return the boundary over features fx and fy, or null */
		DecisionBoundary sample(int fx, int fy);
	}

	private RunsRegistry() {
	}

	/** @return the registry */
	public static RunsRegistry get() {
		return INSTANCE;
	}

	/** @return the store of a project's runs */
	public static RunStore store(IProject project) {
		return new RunStore(project.getLocation().toFile().toPath().resolve(RunStore.FOLDER));
	}

	/** @return every run of the open projects, newest first; loads stored runs on first access */
	public List<RunRecord> runs() {
		List<RunRecord> all = new ArrayList<>();
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (p.isOpen() && p.getLocation() != null) {
				all.addAll(byProject.computeIfAbsent(p.getName(), n -> load(p)));
			}
		}
		all.sort(Comparator.comparing(RunRecord::started).reversed());
		return all;
	}

	private List<RunRecord> load(IProject project) {
		RunStore store = store(project);
		List<RunRecord> runs = new CopyOnWriteArrayList<>(store.list());
		for (String problem : store.problems()) {
			ILog.of(getClass()).warn("Skipped an unreadable run: " + problem);
		}
		return runs;
	}

	/** Forgets what was loaded; the next {@link #runs()} reads the folders again. */
	public void reload() {
		byProject.clear();
		fireChanged();
	}

	/** Registers a run that is starting. */
	public void add(IProject project, RunRecord run) {
		runs();
		byProject.computeIfAbsent(project.getName(), n -> load(project)).add(run);
		fireChanged();
	}

	/** Saves a (finished or cancelled) run into its project and tells the listeners. */
	public void save(IProject project, RunRecord run) throws IOException {
		store(project).save(run);
		refresh(project);
		fireChanged();
	}

	/** @return the open project a run was recorded in, or null */
	public IProject project(RunRecord run) {
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			List<RunRecord> list = byProject.get(p.getName());
			if (list != null && list.contains(run)) {
				return p;
			}
		}
		return null;
	}

	/** Deletes runs from disk and from the registry. */
	public void delete(List<RunRecord> runs) throws IOException {
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			List<RunRecord> list = byProject.get(p.getName());
			if (list == null) {
				continue;
			}
			for (RunRecord r : runs) {
				if (list.remove(r)) {
					store(p).delete(r.id());
					boundaries.remove(r.id());
					samplers.remove(r.id());
				}
			}
			refresh(p);
		}
		fireChanged();
	}

	private static void refresh(IProject project) {
		try {
			project.getFolder(RunStore.FOLDER).refreshLocal(IResource.DEPTH_INFINITE, null);
		} catch (CoreException e) {
			ILog.of(RunsRegistry.class).warn("Could not refresh " + RunStore.FOLDER, e);
		}
	}

	/** Publishes an epoch of a running run. */
	public void epochAdded(RunRecord run) {
		listeners.forEach(l -> l.epochAdded(run));
	}

	/** @return the key of a network for {@link #weights(String)}: project-relative file and network name */
	public static String networkKey(String source, String network) {
		return source + "#" + network;
	}

	/** Records the latest weights of a network (see {@link #networkKey}). */
	public void putWeights(String networkKey, TrainedWeights w) {
		weights.put(networkKey, w);
		fireChanged();
	}

	/** @return the latest trained weights of a network, or null */
	public TrainedWeights weights(String networkKey) {
		return weights.get(networkKey);
	}

	/** Records the latest decision boundary of a run. */
	public void putBoundary(RunRecord run, DecisionBoundary b) {
		boundaries.put(run.id(), b);
		listeners.forEach(l -> l.epochAdded(run));
	}

	/** @return the latest decision boundary of a run, or null */
	public DecisionBoundary boundary(RunRecord run) {
		return run == null ? null : boundaries.get(run.id());
	}

	/** @return the pair of features the decision boundary is drawn over (x, y) */
	public int[] boundaryFeatures() {
		return boundaryFeatures.clone();
	}

	/** Chooses the pair of features of the decision boundary (for networks with more than 2 inputs). */
	public void setBoundaryFeatures(int fx, int fy) {
		boundaryFeatures = new int[] { fx, fy };
	}

	/** Keeps a finished run's network so that its boundary can be drawn over other features. */
	public void putSampler(RunRecord run, BoundarySampler sampler) {
		samplers.put(run.id(), sampler);
	}

	/** @return the sampler of a finished run, or null (runs loaded from disk have none) */
	public BoundarySampler sampler(RunRecord run) {
		return run == null ? null : samplers.get(run.id());
	}

	/** @return the newest run with a decision boundary, or null */
	public RunRecord latestWithBoundary() {
		Map<String, RunRecord> ids = new LinkedHashMap<>();
		runs().forEach(r -> ids.put(r.id(), r));
		return ids.values().stream().filter(r -> boundaries.containsKey(r.id())).findFirst().orElse(null);
	}

	public void addListener(RunsListener l) {
		listeners.add(l);
	}

	public void removeListener(RunsListener l) {
		listeners.remove(l);
	}

	private void fireChanged() {
		listeners.forEach(RunsListener::runsChanged);
	}
}
