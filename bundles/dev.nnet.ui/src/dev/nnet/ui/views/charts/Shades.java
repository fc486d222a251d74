package dev.nnet.ui.views.charts;

/** Tints of a color towards white, shared by the canvases that shade cells (histograms, matrices, boundaries). */
public final class Shades {

	private Shades() {
	}

	/**
	 * @param rgb      the full color 0xRRGGBB
	 * @param strength 0 for white, 1 for the full color
	 * @return the tint 0xRRGGBB
	 */
	public static int tint(int rgb, double strength) {
		double s = Math.max(0, Math.min(1, strength));
		return (mix((rgb >> 16) & 255, s) << 16) | (mix((rgb >> 8) & 255, s) << 8) | mix(rgb & 255, s);
	}

	private static int mix(int channel, double strength) {
		return (int) Math.round(255 - (255 - channel) * strength);
	}
}
