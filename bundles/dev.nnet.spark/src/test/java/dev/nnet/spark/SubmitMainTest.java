package dev.nnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.cli.Main;

/**
 * The spark-submit entry in-process: the master comes from the Spark configuration (spark-submit sets
 * {@code spark.master}), the .nnet file, its CSV and the saved model go through Hadoop's file systems ({@code file:}
 * URIs here, hdfs:// or s3a:// on a cluster).
 */
class SubmitMainTest {

	@TempDir
	Path shared;

	@AfterEach
	void clearMaster() {
		System.clearProperty("spark.master");
	}

	@Test
	void trainsAFileOfASharedFileSystemAndWritesTheModelThere() throws Exception {
		Path file = Plans.write(shared, "iris", "iris.csv", Plans.iris("adam learningRate 0.01", "32", 2));
		Path model = shared.resolve("out").resolve("iris-model.json");
		System.setProperty("spark.master", "local[2]");
		int code = SubmitMain.run(new String[] {file.toUri().toString(), "--partitions", "2", "--save",
				model.toUri().toString()});
		assertEquals(Main.OK, code);
		assertTrue(Files.readString(model).contains("\"format\": \"nnet-model\""));
	}

	@Test
	void aMissingFileIsExitTwo() {
		System.setProperty("spark.master", "local[2]");
		assertEquals(Main.USAGE, SubmitMain.run(new String[] {shared.resolve("nothing.nnet").toUri().toString()}));
	}
}
