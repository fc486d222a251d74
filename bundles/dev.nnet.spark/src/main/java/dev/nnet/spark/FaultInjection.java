package dev.nnet.spark;

import java.io.Serializable;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.TaskContext;

/**
 * For tests of Spark's task retry: makes the first attempt of one partition's task fail at one step. {@link #NONE} in
 * every real run.
 */
final class FaultInjection implements Serializable {
	private static final long serialVersionUID = 1L;

	/** No failure. */
	static final FaultInjection NONE = new FaultInjection(-1, -1, -1);
	private static final AtomicInteger INJECTED = new AtomicInteger();

	private final long step;
	private final int partition;
	private final long currentStep;

	FaultInjection(long step, int partition, long currentStep) {
		this.step = step;
		this.partition = partition;
		this.currentStep = currentStep;
	}

	/**
	 * @param failStep      the step (1-based, counted over the whole training) whose task fails
	 * @param failPartition the partition whose first attempt fails
	 * @return the injection
	 */
	static FaultInjection failOnce(long failStep, int failPartition) {
		return new FaultInjection(failStep, failPartition, 0);
	}

	/** @return this injection as seen at the given step */
	FaultInjection atStep(long stepNumber) {
		return this == NONE ? NONE : new FaultInjection(step, partition, stepNumber);
	}

	/** @return how many failures were injected in this JVM (local mode: executors are threads of this JVM) */
	static int injected() {
		return INJECTED.get();
	}

	void maybeFail(TaskContext task) {
		if (currentStep == step && task != null && task.partitionId() == partition && task.attemptNumber() == 0) {
			INJECTED.incrementAndGet();
			throw new IllegalStateException("injected failure of partition " + partition + " at step " + step);
		}
	}
}
