package dev.nnet.lang.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.nnet.lang.data.FileStamp;

/**
 * The runs of one runs folder for a reader that asks often (the language server's hover): a run folder is read
 * again only when one of its files changed ({@link FileStamp}: size, time, file key, CRC of both ends), appeared or
 * went; folders that were deleted are forgotten. Unreadable folders are skipped, as {@link RunStore#list()} does.
 */
public final class RunFolderCache {

	/** The versions of a run folder's files ({@link FileStamp}; null for a file that is absent). */
	private record Stamp(FileStamp json, FileStamp csv, FileStamp histograms) {
	}

	private record Entry(Stamp stamp, RunRecord run) {
	}

	private final RunStore store;
	private final Map<Path, Entry> entries = new HashMap<>();
	private int reads;

	/** @param folder the runs folder */
	public RunFolderCache(Path folder) {
		this.store = new RunStore(folder);
	}

	/**
	 * @return the readable runs, oldest first
	 * @throws UncheckedIOException when the folder itself cannot be listed
	 */
	public synchronized List<RunRecord> list() {
		if (!Files.isDirectory(store.folder())) {
			entries.clear();
			return List.of();
		}
		List<Path> dirs;
		try (Stream<Path> listed = Files.list(store.folder())) {
			dirs = listed.filter(Files::isDirectory).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		entries.keySet().retainAll(dirs);
		List<RunRecord> runs = new ArrayList<>();
		for (Path dir : dirs) {
			Stamp stamp = stamp(dir);
			Entry known = entries.get(dir);
			if (known == null || !known.stamp().equals(stamp)) {
				known = new Entry(stamp, load(dir));
				entries.put(dir, known);
			}
			if (known.run() != null) {
				runs.add(known.run());
			}
		}
		runs.sort(Comparator.comparing(RunRecord::started));
		return runs;
	}

	/** @return how many run folders were read so far (a folder read again after a change counts again) */
	public synchronized int reads() {
		return reads;
	}

	private RunRecord load(Path dir) {
		reads++;
		try {
			return store.load(dir);
		} catch (IOException | RuntimeException unreadable) {
			return null; // remembered with its stamp: not read again until it changes
		}
	}

	private static Stamp stamp(Path dir) {
		return new Stamp(version(dir.resolve("run.json")), version(dir.resolve("epochs.csv")),
				version(dir.resolve(HistogramsCsv.FILE)));
	}

	private static FileStamp version(Path file) {
		try {
			return Files.isRegularFile(file) ? FileStamp.of(file) : null;
		} catch (IOException unreadable) {
			return null;
		}
	}
}
