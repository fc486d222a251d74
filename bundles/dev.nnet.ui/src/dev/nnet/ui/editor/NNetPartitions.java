package dev.nnet.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/** Splits a document into code, comments and strings, so that coloring restarts correctly inside them. */
public final class NNetPartitions {

	/** The partitioning of NNet documents. */
	public static final String PARTITIONING = "__nnet_partitioning";
	/** Comments: line and block. */
	public static final String COMMENT = "__nnet_comment";
	/** String literals. */
	public static final String STRING = "__nnet_string";
	/** All content types, the default one first. */
	public static final String[] TYPES = { IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING };

	private NNetPartitions() {
	}

	/** Connects the NNet partitioner to {@code document} unless it already has one. */
	public static void install(IDocument document) {
		if (!(document instanceof IDocumentExtension3 ext) || ext.getDocumentPartitioner(PARTITIONING) != null) {
			return;
		}
		RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
		Token comment = new Token(COMMENT);
		scanner.setPredicateRules(new IPredicateRule[] { new EndOfLineRule("//", comment),
				new MultiLineRule("/*", "*/", comment, (char) 0, true), new SingleLineRule("\"", "\"", new Token(STRING), '\\') });
		IDocumentPartitioner partitioner = new FastPartitioner(scanner, new String[] { COMMENT, STRING });
		ext.setDocumentPartitioner(PARTITIONING, partitioner);
		partitioner.connect(document);
	}
}
