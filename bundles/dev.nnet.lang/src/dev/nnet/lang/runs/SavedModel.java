package dev.nnet.lang.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The model file a run wrote, as it wrote it: the absolute path, the size and a CRC-32 of the bytes. A later run of
 * the same training overwrites that file; the record lets the Training Runs view tell a run's own model from a later
 * one instead of exporting the wrong network.
 *
 * @param file  the model file, absolute
 * @param bytes its size when the run wrote it
 * @param crc32 the CRC-32 of its bytes then
 */
public record SavedModel(Path file, long bytes, long crc32) {

	/**
	 * Records a model file just written.
	 *
	 * @param file the model file
	 * @return its record
	 * @throws IOException when it cannot be read back
	 */
	public static SavedModel of(Path file) throws IOException {
		Path absolute = file.toAbsolutePath().normalize();
		return new SavedModel(absolute, Files.size(absolute), crc32(absolute));
	}

	/**
	 * @param candidate the file that should hold this run's model (this record's file, or where the training saves
	 *                  now when the project moved)
	 * @return null when the candidate holds the bytes this run wrote, else a sentence saying why not
	 */
	public String mismatch(Path candidate) {
		if (!Files.isRegularFile(candidate)) {
			return candidate + " (the run's model file) does not exist any more";
		}
		try {
			long size = Files.size(candidate);
			if (size != bytes || crc32(candidate) != crc32) {
				return candidate + " no longer holds this run's model (" + bytes + " bytes when the run saved it, "
						+ size + " now): a later run or save overwrote it; train again, or export the latest run";
			}
			return null;
		} catch (IOException e) {
			return "cannot read " + candidate + ": " + e.getMessage();
		}
	}

	private static long crc32(Path file) throws IOException {
		CRC32 crc = new CRC32();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				crc.update(buffer, 0, n);
			}
		}
		return crc.getValue();
	}
}
