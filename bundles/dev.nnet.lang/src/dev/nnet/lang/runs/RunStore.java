package dev.nnet.lang.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.nnet.engine.io.InputFiles;

/**
 * Persists runs in a folder, one sub-folder per run: {@code <folder>/<id>/run.json} (what ran, outcome, final
 * metrics), {@code <folder>/<id>/epochs.csv} (one row per epoch, see {@link EpochsCsv}) and, optional,
 * {@code <folder>/<id>/histograms.csv} (weight and gradient histograms per layer and epoch). In a project the
 * folder is {@code <project>/.nnet-runs} ({@link #FOLDER}).
 */
public final class RunStore {

	/** The name of the runs folder inside a project. */
	public static final String FOLDER = ".nnet-runs";

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
			.withZone(ZoneOffset.UTC);

	private final Path folder;

	/** @param folder the runs folder; created on first save */
	public RunStore(Path folder) {
		this.folder = folder;
	}

	/** @return the runs folder */
	public Path folder() {
		return folder;
	}

	/** @return a new file-name safe run id: UTC start time and training name */
	public static String newId(Instant started, String training) {
		String safe = training == null ? "run" : training.replaceAll("[^A-Za-z0-9_.-]", "_");
		return ID_TIME.format(started) + "-" + safe;
	}

	/**
	 * Writes (or overwrites) a run.
	 *
	 * @throws IOException when the folder cannot be written
	 */
	public void save(RunRecord run) throws IOException {
		Path dir = folder.resolve(run.id());
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("run.json"), RunJson.write(run), StandardCharsets.UTF_8);
		StringBuilder csv = new StringBuilder();
		EpochsCsv.write(run, csv);
		Files.writeString(dir.resolve("epochs.csv"), csv, StandardCharsets.UTF_8);
		StringBuilder histograms = new StringBuilder();
		HistogramsCsv.write(run, histograms);
		Files.writeString(dir.resolve(HistogramsCsv.FILE), histograms, StandardCharsets.UTF_8);
	}

	/**
	 * @return every readable run, oldest first; unreadable folders are skipped (see {@link #problems})
	 */
	public List<RunRecord> list() {
		List<RunRecord> runs = new ArrayList<>();
		lastProblems.clear();
		if (!Files.isDirectory(folder)) {
			return runs;
		}
		try (Stream<Path> dirs = Files.list(folder)) {
			for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
				try {
					runs.add(load(dir));
				} catch (IOException | RuntimeException e) {
					lastProblems.add(dir.resolve("run.json") + ": " + e.getMessage());
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		runs.sort(Comparator.comparing(RunRecord::started));
		return runs;
	}

	private final List<String> lastProblems = new ArrayList<>();

	/** @return the folders the last {@link #list()} skipped, with the cause */
	public List<String> problems() {
		return List.copyOf(lastProblems);
	}

	/** Reads one run folder. */
	public RunRecord load(Path dir) throws IOException {
		String json = read(dir.resolve("run.json"));
		Path csv = dir.resolve("epochs.csv");
		List<String> lines = Files.isRegularFile(csv) ? read(csv).lines().toList() : List.of();
		Path hist = dir.resolve(HistogramsCsv.FILE);
		var histograms = Files.isRegularFile(hist)
				? HistogramsCsv.read(read(hist).lines().toList(), hist.toString())
				: java.util.Map.<Integer, java.util.Map<String, dev.nnet.engine.train.Histogram[]>>of();
		return RunJson.read(json, lines, csv.toString(), histograms);
	}

	/** A file of a run folder, within the model-file size limit (no FIFO, device or runaway file is read). */
	private static String read(Path file) throws IOException {
		String problem = InputFiles.problem(file, InputFiles.modelLimit());
		if (problem != null) {
			throw new IOException(file + ": " + problem);
		}
		return new String(InputFiles.readBounded(file, InputFiles.modelLimit()), StandardCharsets.UTF_8);
	}

	/** Deletes a run's folder. */
	public void delete(String id) throws IOException {
		Path dir = folder.resolve(id);
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
