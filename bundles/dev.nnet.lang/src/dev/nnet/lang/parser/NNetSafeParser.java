package dev.nnet.lang.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;

import dev.nnet.lang.parser.antlr.NNetParser;

/**
 * The generated parser behind {@link NestingDepth}: every text is pre-scanned, so that nesting deeper than
 * {@link NestingDepth#MAX_DEPTH} is a located syntax error instead of a stack overflow, and a byte order mark is
 * accepted.
 */
public class NNetSafeParser extends NNetParser {

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder,
			int initialLookAhead) {
		char[] text = in.substring(0, in.size() - 1).toCharArray();
		char[] safe = NestingDepth.sanitize(text);
		CharStream stream = safe == text ? in : new ANTLRStringStream(safe, safe.length);
		return super.doParse(ruleName, stream, nodeModelBuilder, initialLookAhead);
	}
}
