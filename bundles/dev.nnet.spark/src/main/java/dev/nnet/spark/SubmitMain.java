package dev.nnet.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;

import dev.nnet.cli.Main;
import scala.Tuple2;

/**
 * What {@code spark-submit} runs ({@code --class dev.nnet.spark.SubmitMain}, docs/spark.md):
 * {@code FILE [train options]}, FILE a path or URI of any file system the cluster's Hadoop configuration knows
 * ({@code hdfs://}, {@code s3a://}, {@code file:}). Copies the {@code .nnet} file and the CSV files it reads (paths
 * relative to it) to a local folder of the driver, runs {@code nnet train} on them with {@code --spark} set to the
 * submitted master, and copies the saved model back next to the remote {@code .nnet} file (the training's
 * {@code save}) or to {@code --save URI}. Exit codes as {@code nnet train}.
 */
public final class SubmitMain {

	private SubmitMain() {
	}

	/**
	 * @param args FILE and the options of {@code nnet train}
	 */
	public static void main(String[] args) {
		int code = run(args);
		System.out.flush();
		System.exit(code);
	}

	static int run(String[] args) {
		if (args.length == 0 || args[0].startsWith("-")) {
			System.err.println("nnet-spark: usage: spark-submit --class dev.nnet.spark.SubmitMain dev.nnet.spark-submit.jar"
					+ " FILE.nnet [--training NAME] [--epochs N] [--seed N] [--partitions N] [--save URI] [--json]");
			return Main.USAGE;
		}
		Configuration hadoop = hadoopConfiguration();
		org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(args[0]);
		Path local;
		try {
			local = Files.createTempDirectory("nnet-spark");
			Path file = local.resolve(remote.getName());
			copy(remote, file, hadoop);
			for (String data : RemoteFiles.relativeInputs(file)) {
				copy(new org.apache.hadoop.fs.Path(remote.getParent(), data), local.resolve(data), hadoop);
			}
			List<String> train = new ArrayList<>(List.of("train", file.toString(), "--spark", ""));
			String save = null;
			for (int i = 1; i < args.length; i++) {
				if (args[i].equals("--save") && i + 1 < args.length) {
					save = args[++i];
				} else {
					train.add(args[i]);
				}
			}
			Path model = local.resolve("nnet-spark-model.json");
			String target = save != null ? save : RemoteFiles.declaredSave(file);
			if (target != null) {
				train.add("--save");
				train.add(model.toString());
			}
			int code = Main.run(train.toArray(new String[0]), System.out, System.err);
			if (target != null && Files.exists(model)) {
				org.apache.hadoop.fs.Path out = save != null ? new org.apache.hadoop.fs.Path(save)
						: new org.apache.hadoop.fs.Path(remote.getParent(), target);
				copy(model, out, hadoop);
				System.out.println("model copied to " + out);
			}
			return code;
		} catch (IOException e) {
			System.err.println("nnet-spark: " + e.getMessage());
			return Main.USAGE;
		}
	}

	/** Hadoop's configuration with the {@code spark.hadoop.*} settings of the submitted Spark configuration. */
	private static Configuration hadoopConfiguration() {
		Configuration conf = new Configuration();
		for (Tuple2<String, String> e : new SparkConf().getAll()) {
			if (e._1().startsWith("spark.hadoop.")) {
				conf.set(e._1().substring("spark.hadoop.".length()), e._2());
			}
		}
		return conf;
	}

	private static void copy(org.apache.hadoop.fs.Path from, Path to, Configuration conf) throws IOException {
		FileSystem fs = from.getFileSystem(conf);
		if (!fs.exists(from)) {
			throw new IOException(from + ": no such file");
		}
		Files.createDirectories(to.toAbsolutePath().getParent());
		try (InputStream in = fs.open(from)) {
			Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void copy(Path from, org.apache.hadoop.fs.Path to, Configuration conf) throws IOException {
		FileSystem fs = to.getFileSystem(conf);
		try (OutputStream out = fs.create(to, true)) {
			Files.copy(from, out);
		}
	}
}
