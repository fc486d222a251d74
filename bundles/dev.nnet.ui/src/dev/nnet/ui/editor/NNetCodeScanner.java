package dev.nnet.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

/**
 * Colors the code partition: the grammar's keywords (structural ones and the enum literals such as {@code relu}
 * or {@code adam} in two styles) and numbers. Keywords are taken from the grammar, so they never drift.
 */
class NNetCodeScanner extends RuleBasedScanner {

	NNetCodeScanner(IGrammarAccess grammar, NNetColors colors) {
		// a keyword is structural if the grammar uses it outside an enum anywhere ("perceptron" is both)
		Set<String> structural = new TreeSet<>();
		for (Keyword k : org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(grammar.getGrammar(), Keyword.class)) {
			if (!(k.eContainer() instanceof EnumLiteralDeclaration)) {
				structural.add(k.getValue());
			}
		}
		WordRule words = new WordRule(new Identifiers(), Token.UNDEFINED);
		for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
			if (Character.isLetter(keyword.charAt(0))) {
				words.addWord(keyword, structural.contains(keyword) ? colors.token(NNetColors.KEYWORD)
						: colors.token(NNetColors.LITERAL));
			}
		}
		List<IRule> rules = new ArrayList<>();
		rules.add(new WhitespaceRule(Character::isWhitespace));
		rules.add(words);
		rules.add(new NumberRule(colors.token(NNetColors.NUMBER)));
		setRules(rules.toArray(IRule[]::new));
	}

	private static final class Identifiers implements IWordDetector {
		@Override
		public boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_' || c == '^';
		}

		@Override
		public boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}
	}

	/** Digits with an optional fraction and exponent: {@code 3}, {@code 0.5}, {@code 1.0e-8}. */
	private static final class NumberRule implements IRule {
		private final IToken token;

		NumberRule(IToken token) {
			this.token = token;
		}

		@Override
		public IToken evaluate(ICharacterScanner scanner) {
			int c = scanner.read();
			if (!Character.isDigit(c)) {
				scanner.unread();
				return Token.UNDEFINED;
			}
			boolean fraction = false;
			while (true) {
				c = scanner.read();
				if (Character.isDigit(c) || (c == '.' && !fraction) || ((c == 'e' || c == 'E') && fraction)) {
					fraction |= c == '.';
					if (c == 'e' || c == 'E') {
						int sign = scanner.read();
						if (sign != '-' && sign != '+') {
							scanner.unread();
						}
					}
					continue;
				}
				scanner.unread();
				return token;
			}
		}
	}
}
