package dev.nnet.lang.run;

import java.nio.file.Path;

/**
 * What a training's {@code save "FILE"} writes. A {@code .onnx} file means the model in both forms: NNet's model
 * file next to it ({@code FILE} with {@code .json} for {@code .onnx}: what {@code nnet predict}, {@code --init-from}
 * and {@code --resume} read) and the ONNX export of that model file ({@code nnet export}, docs/onnx.md). Any other
 * name is the model file itself.
 */
public final class SaveTargets {
	private SaveTargets() {
	}

	/**
	 * @param training a training
	 * @return the model file its {@code save} writes, resolved against its {@code .nnet} file; null without a save
	 */
	public static Path modelFile(dev.nnet.lang.nnet.Training training) {
		return modelFile(TrainingPlanner.resolve(training, training.getSave()));
	}

	/** @return true if the path names an ONNX file ({@code .onnx}, any case) */
	public static boolean isOnnx(String path) {
		return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
	}

	/** @return true if the path names an ONNX file */
	public static boolean isOnnx(Path path) {
		return path != null && isOnnx(path.getFileName().toString());
	}

	/** @return where the model file goes: {@code m.onnx} gives {@code m.json}, anything else itself (or null) */
	public static String modelFile(String save) {
		return isOnnx(save) ? save.substring(0, save.length() - ".onnx".length()) + ".json" : save;
	}

	/** @return where the model file goes: {@code m.onnx} gives {@code m.json}, anything else itself (or null) */
	public static Path modelFile(Path save) {
		return isOnnx(save) ? save.resolveSibling(modelFile(save.getFileName().toString())) : save;
	}
}
