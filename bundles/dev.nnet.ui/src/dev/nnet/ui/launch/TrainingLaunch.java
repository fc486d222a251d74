package dev.nnet.ui.launch;

/** The launch configuration type of NNet trainings and its attributes. */
public final class TrainingLaunch {

	/** Launch configuration type id (plugin.xml). */
	public static final String TYPE = "dev.nnet.ui.launch.training";
	/** Attribute: workspace path of the {@code .nnet} file, e.g. {@code /project/xor.nnet}. */
	public static final String FILE = "dev.nnet.ui.launch.file";
	/** Attribute: the training's name (simple name, as declared in the file). */
	public static final String TRAINING = "dev.nnet.ui.launch.training";
	/** Attribute: epochs override, 0 = as declared. */
	public static final String EPOCHS = "dev.nnet.ui.launch.epochs";
	/** Attribute: seed override, empty = as declared. */
	public static final String SEED = "dev.nnet.ui.launch.seed";

	private TrainingLaunch() {
	}
}
