package dev.nnet.lang.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * One version of a file, for caches: size, modification time in nanoseconds (as fine as the file system keeps it),
 * the file key (device and inode where there are such, so that a file replaced by a rename is another file) and a
 * CRC-32 of its first and last {@link #BLOCK} bytes (an edit within the clock's granularity that keeps the size and
 * touches either end, as editors' saves and appends do). Reading two blocks keeps the stamp cheap for large files.
 *
 * @param size          bytes
 * @param modifiedNanos last modification time
 * @param fileKey       the file system's identity of the file, or null where there is none
 * @param crc           CRC-32 of the first and last blocks
 */
public record FileStamp(long size, long modifiedNanos, Object fileKey, long crc) {
	/** Bytes read at each end of the file. */
	public static final int BLOCK = 4096;

	/**
	 * @param file a regular file
	 * @return its stamp
	 * @throws IOException when the file cannot be read
	 */
	public static FileStamp of(Path file) throws IOException {
		BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
		CRC32 crc = new CRC32();
		if (a.isRegularFile()) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				long size = channel.size();
				ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BLOCK, size));
				read(channel, buffer, 0);
				crc.update(buffer.flip());
				if (size > BLOCK) {
					buffer = ByteBuffer.allocate((int) Math.min(BLOCK, size - BLOCK));
					read(channel, buffer, size - buffer.capacity());
					crc.update(buffer.flip());
				}
			}
		}
		return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey(), crc.getValue());
	}

	private static void read(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				break;
			}
		}
	}
}
