package dev.nnet.ui.views.graph;

import java.util.List;

import dev.nnet.lang.graph.NetworkGraph;

/**
 * What the graph view shows for one parse of the editor: the laid-out network and, per column, the text range of
 * the declaration that defines it (so the view and the editor can select each other).
 *
 * @param graph    the graph (null when the file declares no network)
 * @param ranges   per column {offset, length} in the document, null entries when unknown
 * @param networks names of every network/perceptron in the file
 * @param modelKey the key of trained weights in the runs registry
 */
record GraphSnapshot(NetworkGraph graph, List<int[]> ranges, List<String> networks, String modelKey) {

	/** @return the column whose declaration contains the offset, or -1 (the innermost, i.e. shortest, wins) */
	int columnAt(int offset) {
		int best = -1;
		for (int i = 0; i < ranges.size(); i++) {
			int[] r = ranges.get(i);
			if (r != null && offset >= r[0] && offset <= r[0] + r[1]
					&& (best < 0 || r[1] < ranges.get(best)[1])) {
				best = i;
			}
		}
		return best;
	}
}
