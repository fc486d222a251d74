package dev.nnet.lang.validation;

/**
 * Issue codes of the NNet validator. Quick fixes and tests match on them; the issue data of each is documented
 * on its constant.
 */
public final class IssueCodes {

	private static final String PREFIX = "dev.nnet.lang.";

	/** Rule 1. Data: the data's feature count. */
	public static final String INPUT_SIZE_MISMATCH = PREFIX + "inputSizeMismatch";
	/** Rule 1. Data: the number of outputs the data needs. */
	public static final String OUTPUT_SIZE_MISMATCH = PREFIX + "outputSizeMismatch";
	/** Rule 2. Data: the activation the output layer needs ("softmax"), or the loss to use instead. */
	public static final String CROSS_ENTROPY_WITHOUT_SOFTMAX = PREFIX + "crossEntropyWithoutSoftmax";
	/** Rule 2. Data: "sigmoid". */
	public static final String BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID = PREFIX + "binaryCrossEntropyWithoutSigmoid";
	/** Rule 2 (warning). Data: "cross_entropy". */
	public static final String MSE_ON_SOFTMAX = PREFIX + "mseOnSoftmax";
	/** Rule 2. Data: "perceptron" (use the perceptron model). */
	public static final String PERCEPTRON_LOSS_NEEDS_SIGN = PREFIX + "perceptronLossNeedsSign";
	/** Rule 3. Data: the known activation closest to the unknown one. */
	public static final String UNKNOWN_ACTIVATION = PREFIX + "unknownActivation";
	/** Rule 3. Data: "tanh". */
	public static final String NON_DIFFERENTIABLE_ACTIVATION = PREFIX + "nonDifferentiableActivation";
	/** Rule 4 (warning). Data: "relu". */
	public static final String COLLAPSES_TO_LINEAR = PREFIX + "collapsesToLinear";
	/** Rule 5 (warning). Data: "relu", "he_normal". */
	public static final String VANISHING_GRADIENTS = PREFIX + "vanishingGradients";
	/** Rule 6. Data: "1". */
	public static final String PERCEPTRON_FULL_BATCH = PREFIX + "perceptronFullBatch";
	/** Rule 7 (warning). Data: the name of the data set. */
	public static final String NOT_LINEARLY_SEPARABLE = PREFIX + "notLinearlySeparable";
	/** Rule 8 (warning). Data: the suggested initializer. */
	public static final String SYMMETRIC_INITIALIZATION = PREFIX + "symmetricInitialization";
	/** Rule 9. Data: none. */
	public static final String INVALID_LEARNING_RATE = PREFIX + "invalidLearningRate";
	/** Rule 9 (warning). Data: "0.1". */
	public static final String LARGE_LEARNING_RATE = PREFIX + "largeLearningRate";
	/** Rule 9. Data: none. */
	public static final String INVALID_EPOCHS = PREFIX + "invalidEpochs";
	/** Rule 9. Data: none. */
	public static final String INVALID_SIZE = PREFIX + "invalidSize";
	/** Rule 9. Data: the size of the training set. */
	public static final String BATCH_TOO_LARGE = PREFIX + "batchTooLarge";
	/** Rule 9. Data: "20". */
	public static final String INVALID_SPLIT = PREFIX + "invalidSplit";
	/** Rule 9. Data: "10". */
	public static final String INVALID_VALIDATION_SPLIT = PREFIX + "invalidValidationSplit";
	/** Rule 9. Data: none. */
	public static final String INVALID_STOP_VALUE = PREFIX + "invalidStopValue";
	/** Rule 9. Data: none. */
	public static final String STOP_NEEDS_SPLIT = PREFIX + "stopNeedsSplit";
	/** Rule 10. Data: the resolved path. */
	public static final String CSV_NOT_FOUND = PREFIX + "csvNotFound";
	/** Rule 10. Data: the header's column names. */
	public static final String CSV_MISSING_COLUMN = PREFIX + "csvMissingColumn";
	/** Rule 10. Data: none. */
	public static final String CSV_WITHOUT_TARGET = PREFIX + "csvWithoutTarget";
	/** Rule 10. A CSV that is not a readable regular file (directory, FIFO, device, too large). Data: the path. */
	public static final String CSV_UNREADABLE = PREFIX + "csvUnreadable";
	/** Rule 10. A CSV whose content train would reject (cells, encoding, labels, no rows). Data: the message. */
	public static final String CSV_INVALID = PREFIX + "csvInvalid";
	/** A hyper-parameter outside its range (HyperParameterValidator). Data: the setting. */
	public static final String OUT_OF_RANGE = PREFIX + "outOfRange";
	/** A size beyond the engine's budget (SizeBudgetValidator). Data: the limit. */
	public static final String SIZE_BUDGET = PREFIX + "sizeBudget";
	/** A name longer than NameValidator.MAX_NAME_LENGTH. Data: the limit. */
	public static final String NAME_TOO_LONG = PREFIX + "nameTooLong";
	/** Rule 11. Data: the duplicated name. */
	public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
	/** Rule 11. Data: none. */
	public static final String TRAINING_WITHOUT_NETWORK = PREFIX + "trainingWithoutNetwork";
	/** Rule 11. Data: none. */
	public static final String TRAINING_WITHOUT_DATA = PREFIX + "trainingWithoutData";
	/** Data: the number of parameters the function takes. */
	public static final String INVALID_PARAMETER = PREFIX + "invalidParameter";
	/** Data: the expected count. */
	public static final String INCONSISTENT_SAMPLE = PREFIX + "inconsistentSample";
	/** A data set with both samples and a CSV file, or neither. */
	public static final String INVALID_DATA_SOURCE = PREFIX + "invalidDataSource";

	private IssueCodes() {
	}

	/** Rule 12: a dropout probability outside [0, 1). */
	public static final String INVALID_DROPOUT = PREFIX + "invalidDropout";

	/** Rule 12: the last layer of a network is not dense. */
	public static final String OUTPUT_NOT_DENSE = PREFIX + "outputNotDense";

	/** Rule 13: padding same with an even kernel. Data: the next odd kernel size. */
	public static final String SAME_NEEDS_ODD_KERNEL = PREFIX + "sameNeedsOddKernel";

	/** Rule 13: conv2d or a pool that receives a vector. Data: none. */
	public static final String IMAGE_LAYER_ON_VECTOR = PREFIX + "imageLayerOnVector";

	/** Rule 13: a conv2d kernel or pool window larger than the (padded) image it receives. Data: none. */
	public static final String WINDOW_TOO_LARGE = PREFIX + "windowTooLarge";

	/** Rule 13: a dense layer that receives a C x H x W image. Data: none (the quick fix inserts flatten). */
	public static final String DENSE_NEEDS_FLATTEN = PREFIX + "denseNeedsFlatten";

	/** Rule 13: an image input whose C*H*W differs from the data's feature count. Data: the feature count. */
	public static final String IMAGE_INPUT_MISMATCH = PREFIX + "imageInputMismatch";
}
