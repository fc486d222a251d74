package dev.nnet.lang.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs of one runs folder for a reader that asks often (the language server's hover): a run folder is read
 * again only when one of its files changed size or modification time, or appeared; folders that were deleted are
 * forgotten. Unreadable folders are skipped, as {@link RunStore#list()} does.
 */
public final class RunFolderCache {

	private record Stamp(long json, long jsonTime, long csv, long csvTime, long histograms, long histogramsTime) {
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
		long[] json = sizeAndTime(dir.resolve("run.json"));
		long[] csv = sizeAndTime(dir.resolve("epochs.csv"));
		long[] hist = sizeAndTime(dir.resolve(HistogramsCsv.FILE));
		return new Stamp(json[0], json[1], csv[0], csv[1], hist[0], hist[1]);
	}

	private static long[] sizeAndTime(Path file) {
		try {
			BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			return new long[] { a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) };
		} catch (IOException absent) {
			return new long[] { -1, -1 };
		}
	}
}
